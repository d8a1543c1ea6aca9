import { ReferenceKind } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../accounts/model/user.entity';
import { USER_VIEW_PROPERTIES } from '../../accounts/model/user-view';
import { Role, startTestServer, type TestServer } from '../../testing/test-server';
import { Meeting } from '../model/meeting.entity';
import { MeetingParticipant } from '../model/participant.entity';
import { InvitationResponse } from '../model/participant-status';
import { findMeetings } from './meeting-row';
import { loadParticipantRows, loadParticipantSummaries } from './participant-row';

/** Every persisted scalar of an entity, as findOne loads it. */
function columnsOf<T extends object>(server: TestServer, type: new (...args: never[]) => T, entity: T): Record<string, unknown> {
  const meta = server.orm.getMetadata().get(type);
  const scalars = meta.props.filter((prop) => prop.kind === ReferenceKind.SCALAR && prop.persist !== false && !prop.lazy);
  return Object.fromEntries(scalars.map((prop) => [prop.name, (entity as unknown as Record<string, unknown>)[prop.name]]));
}

const viewOf = (user: User) => Object.fromEntries(USER_VIEW_PROPERTIES.map((name) => [name, user[name]]));

describe('rows read from the entities’ metadata', () => {
  let server: TestServer;
  let instructor: User;
  let student: User;
  let meeting: Meeting;

  beforeAll(async () => {
    server = await startTestServer();
    [instructor, student] = await Promise.all([server.createUser(Role.INSTRUCTOR), server.createUser(Role.STUDENT)]);
    meeting = await server.createMeeting(instructor, { students: [student] });
    const em = server.em();
    const participant = await em.findOneOrFail(MeetingParticipant, { meeting: meeting.id });
    participant.respond(InvitationResponse.ACCEPT, server.clock.now());
    participant.enterRoom(server.clock.now());
    await em.flush();
  });
  afterAll(() => server.stop());

  it('a meeting row holds every column of the entity, as findOne reads it, and its instructor', async () => {
    const [row] = await findMeetings(server.em(), { id: meeting.id });
    const entity = await server.em().findOneOrFail(Meeting, meeting.id);
    const { instructor: rowInstructor, ...columns } = row;
    expect(columns).toEqual(columnsOf(server, Meeting, entity));
    expect(rowInstructor).toEqual(viewOf(instructor));
  });

  it('a participant row holds every column of the entity, its meeting’s id and its user; a summary the columns it names', async () => {
    const [row] = await loadParticipantRows(server.em(), [meeting.id]);
    const entity = await server.em().findOneOrFail(MeetingParticipant, { meeting: meeting.id });
    const { meetingId, user, ...columns } = row;
    expect(columns).toEqual(columnsOf(server, MeetingParticipant, entity));
    expect(entity.presentSince).toBeInstanceOf(Date);
    expect(meetingId).toBe(meeting.id);
    expect(user).toEqual(viewOf(student));

    const [summary] = await loadParticipantSummaries(server.em(), [meeting.id]);
    const { createdAt: _, ...userSummary } = viewOf(student);
    expect(summary).toEqual({ id: row.id, meetingId, status: row.status, rsvp: row.rsvp, presentSince: row.presentSince, user: userSummary });
  });
});
