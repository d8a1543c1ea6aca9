import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cursor } from '@mikro-orm/core';
import { MeetingParticipant } from './model/participant.entity';
import { Role, startTestServer, type GraphQLResponse, type TestServer } from '../testing/test-server';
import type { User } from '../accounts/model/user.entity';
import { Meeting } from './model/meeting.entity';
import { MeetingStatus } from './model/meeting-status';
import { meetingCursor } from './read/meeting-row';

const CREATE = `mutation Create($input: CreateMeetingInput!) {
  createMeeting(input: $input) {
    id title description scheduledAt durationMinutes endsAt status version roomName
    instructor { id } participants { status rsvp user { id } } participantCount isUpcoming isPast canStart
  }
}`;
const LIST = `query List($when: MeetingWhen, $status: MeetingStatus, $first: Int, $after: String) {
  meetings(when: $when, status: $status, first: $first, after: $after) {
    edges { cursor node { id title status } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const GET = 'query Get($id: ID!) { meeting(id: $id) { id title } }';

const inMinutes = (server: TestServer, minutes: number) => new Date(server.clock.now().getTime() + minutes * 60_000).toISOString();

describe('creating a meeting', () => {
  let server: TestServer;
  let instructor: User;
  let token: string;
  let students: User[];

  beforeAll(async () => {
    server = await startTestServer();
    instructor = await server.createUser(Role.INSTRUCTOR);
    token = await server.tokenFor(instructor);
    students = [await server.createUser(Role.STUDENT), await server.createUser(Role.STUDENT)];
  });
  afterAll(() => server.stop());

  const validInput = () => ({
    title: '  Graph theory  ',
    description: 'Trees and forests',
    scheduledAt: inMinutes(server, 60),
    durationMinutes: 90,
    studentIds: students.map((student) => student.id),
  });

  it('stores it scheduled, owned by the instructor, with the students invited', async () => {
    const input = validInput();
    const response = await server.graphql(CREATE, { input }, token);
    expect(response.errors).toBeUndefined();
    const meeting = response.data.createMeeting;
    expect(meeting).toMatchObject({
      title: 'Graph theory',
      description: 'Trees and forests',
      scheduledAt: input.scheduledAt,
      durationMinutes: 90,
      endsAt: new Date(Date.parse(input.scheduledAt) + 90 * 60_000).toISOString(),
      status: 'SCHEDULED',
      version: 1,
      instructor: { id: instructor.id },
      participantCount: 2,
      isUpcoming: true,
      isPast: false,
      canStart: false,
    });
    expect(meeting.participants.map((participant: { user: { id: string } }) => participant.user.id).sort()).toEqual(
      students.map((student) => student.id).sort(),
    );
    expect(
      meeting.participants.every(
        (participant: { status: string; rsvp: string }) => participant.status === 'INVITED' && participant.rsvp === 'PENDING',
      ),
    ).toBe(true);
    expect(await server.em().count(MeetingParticipant, { meeting: meeting.id })).toBe(2);
  });

  it('gives every meeting its own unguessable room name, unrelated to its id or title', async () => {
    const rooms = await Promise.all(
      [1, 2, 3].map(async () => (await server.graphql(CREATE, { input: { ...validInput(), studentIds: [] } }, token)).data.createMeeting),
    );
    const names = rooms.map((meeting) => meeting.roomName as string);
    expect(new Set(names).size).toBe(3);
    for (const [index, name] of names.entries()) {
      expect(name).toMatch(/^amphi-[0-9a-f]{40}$/);
      expect(name).not.toContain(rooms[index].id.replaceAll('-', '').slice(0, 8));
      expect(name.toLowerCase()).not.toContain('graph');
    }
  });

  it('a meeting starting within 15 minutes can start right away', async () => {
    const response = await server.graphql(CREATE, { input: { ...validInput(), scheduledAt: inMinutes(server, 10) } }, token);
    expect(response.data.createMeeting.canStart).toBe(true);
  });

  it.each([
    ['scheduledAt', 'in the past', { scheduledAt: '2020-01-01T09:00:00.000Z' }],
    ['title', 'blank', { title: '    ' }],
    ['title', 'over 200 characters', { title: 'x'.repeat(201) }],
    ['description', 'over 5,000 characters', { description: 'x'.repeat(5001) }],
    ['durationMinutes', 'under 5 minutes', { durationMinutes: 4 }],
    ['durationMinutes', 'over 8 hours', { durationMinutes: 481 }],
    ['studentIds', 'not ids', { studentIds: ["robert'); drop table meetings; --"] }],
    ['studentIds', 'not students', { studentIds: [] as string[] }],
  ])('%s %s is refused on that field and nothing is written', async (field, _, change) => {
    const input = { ...validInput(), ...change };
    if (field === 'studentIds' && input.studentIds.length === 0) input.studentIds = [students[0].id, instructor.id];
    const before = await server.em().count(Meeting, {});
    const response = await server.graphql(CREATE, { input }, token);
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await server.em().count(Meeting, {})).toBe(before);
  });

  it('a date that is not ISO 8601 is refused by the schema', async () => {
    const response = await server.graphql(CREATE, { input: { ...validInput(), scheduledAt: 'next tuesday' } }, token);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a student cannot create meetings', async () => {
    const response = await server.graphql(CREATE, { input: validInput() }, await server.tokenFor(students[0]));
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('finding meetings', () => {
  let server: TestServer;
  let owner: User;
  let other: User;
  let admin: User;
  let invited: User;
  let uninvited: User;
  let upcoming: Meeting[];
  let live: Meeting;
  let ended: Meeting;
  let missed: Meeting;
  let cancelled: Meeting;
  let otherInstructors: Meeting;

  const idsOf = (response: GraphQLResponse) => response.data.meetings.edges.map((edge: { node: { id: string } }) => edge.node.id) as string[];

  beforeAll(async () => {
    server = await startTestServer();
    [owner, other, admin, invited, uninvited] = await Promise.all([
      server.createUser(Role.INSTRUCTOR),
      server.createUser(Role.INSTRUCTOR),
      server.createUser(Role.ADMIN),
      server.createUser(Role.STUDENT),
      server.createUser(Role.STUDENT),
    ]);
    upcoming = [];
    for (const startsInMinutes of [300, 100, 200]) {
      upcoming.push(await server.createMeeting(owner, { startsInMinutes, students: [invited], title: `in ${startsInMinutes}` }));
    }
    live = await server.createMeeting(owner, { startsInMinutes: -30, durationMinutes: 20, students: [invited] });
    ended = await server.createMeeting(owner, { startsInMinutes: -120, students: [invited] });
    missed = await server.createMeeting(owner, { startsInMinutes: -600, students: [invited] });
    cancelled = await server.createMeeting(owner, { startsInMinutes: 400, students: [invited] });
    otherInstructors = await server.createMeeting(other, { startsInMinutes: 50 });
    const em = server.em();
    await em.nativeUpdate(Meeting, { id: live.id }, { status: MeetingStatus.LIVE, startedAt: new Date() });
    await em.nativeUpdate(Meeting, { id: ended.id }, { status: MeetingStatus.ENDED, startedAt: new Date(), endedAt: new Date() });
    await em.nativeUpdate(Meeting, { id: cancelled.id }, { status: MeetingStatus.CANCELLED, cancelledAt: new Date() });
  });
  afterAll(() => server.stop());

  it('upcoming: live ones and those not over yet, soonest first, cancelled included with their status', async () => {
    const response = await server.graphql(LIST, { when: 'UPCOMING' }, await server.tokenFor(owner));
    expect(idsOf(response)).toEqual([live.id, upcoming[1].id, upcoming[2].id, upcoming[0].id, cancelled.id]);
  });

  it('past: ended ones and those whose time went by, most recent first', async () => {
    const response = await server.graphql(LIST, { when: 'PAST' }, await server.tokenFor(owner));
    expect(idsOf(response)).toEqual([ended.id, missed.id]);
  });

  it('a status filter narrows any window', async () => {
    const response = await server.graphql(LIST, { when: 'ALL', status: 'CANCELLED' }, await server.tokenFor(owner));
    expect(idsOf(response)).toEqual([cancelled.id]);
  });

  it('an instructor sees only their own meetings, an admin sees all', async () => {
    const others = await server.graphql(LIST, { when: 'ALL' }, await server.tokenFor(other));
    expect(idsOf(others)).toEqual([otherInstructors.id]);
    const all = await server.graphql(LIST, { when: 'ALL', first: 100 }, await server.tokenFor(admin));
    expect(idsOf(all)).toHaveLength(8);
  });

  it('a student sees only the meetings they are invited to', async () => {
    const mine = await server.graphql(LIST, { when: 'ALL' }, await server.tokenFor(invited));
    expect(idsOf(mine)).toHaveLength(7);
    expect(idsOf(mine)).not.toContain(otherInstructors.id);
    const none = await server.graphql(LIST, { when: 'ALL' }, await server.tokenFor(uninvited));
    expect(idsOf(none)).toEqual([]);
  });

  it('pages through every meeting once, in order, with cursors', async () => {
    const token = await server.tokenFor(admin);
    const everything = idsOf(await server.graphql(LIST, { when: 'ALL', first: 100 }, token));
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const response = await server.graphql(LIST, { when: 'ALL', first: 3, after }, token);
      seen.push(...idsOf(response));
      const { pageInfo } = response.data.meetings;
      expect(pageInfo.endCursor).toBe(response.data.meetings.edges.at(-1)?.cursor ?? null);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(everything);
    expect(seen).toHaveLength(8);
  });

  it('cursors are the ones MikroORM writes for the entity, in either direction', async () => {
    const meeting = await server.orm.em.fork().findOneOrFail(Meeting, { id: otherInstructors.id });
    for (const direction of ['asc', 'desc'] as const) {
      const written = Cursor.for(server.orm.getMetadata().get(Meeting), meeting as never, { scheduledAt: direction, id: direction });
      expect(meetingCursor(meeting)).toBe(written);
    }
  });

  it.each(['UPCOMING', 'PAST'])('%s: pages of 1 walk the window in order, with both page flags right', async (when) => {
    const token = await server.tokenFor(admin);
    const whole = idsOf(await server.graphql(LIST, { when, first: 100 }, token));
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < whole.length; page += 1) {
      const response = await server.graphql(LIST, { when, first: 1, after }, token);
      const { pageInfo } = response.data.meetings;
      expect(pageInfo).toMatchObject({ hasPreviousPage: page > 0, hasNextPage: page < whole.length - 1 });
      expect(pageInfo.startCursor).toBe(pageInfo.endCursor);
      seen.push(...idsOf(response));
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(whole);
    const beyond = await server.graphql(LIST, { when, first: 1, after }, token);
    expect(beyond.data.meetings).toMatchObject({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['a cursor of the wrong shape', Buffer.from(JSON.stringify([1, 2, 3])).toString('base64url')],
    ['a cursor with a non-date', Buffer.from(JSON.stringify(['yesterday', '00000000-0000-4000-8000-000000000000'])).toString('base64url')],
  ])('%s as `after` is refused on that field', async (_, after) => {
    const response = await server.graphql(LIST, { after }, await server.tokenFor(owner));
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each([0, 101, -1])('a page size of %i is refused', async (first) => {
    const response = await server.graphql(LIST, { first }, await server.tokenFor(owner));
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('one meeting by id, for those who may see it', async () => {
    const response = await server.graphql(GET, { id: upcoming[0].id }, await server.tokenFor(invited));
    expect(response.data.meeting).toEqual({ id: upcoming[0].id, title: 'in 300' });
  });

  it('a meeting one may not see is NOT_FOUND, like one that does not exist', async () => {
    const hidden = await server.graphql(GET, { id: upcoming[0].id }, await server.tokenFor(uninvited));
    const missing = await server.graphql(GET, { id: '00000000-0000-4000-8000-000000000000' }, await server.tokenFor(uninvited));
    for (const response of [hidden, missing]) {
      expect(response.data.meeting).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect(hidden.errors?.[0].message).toBe(missing.errors?.[0].message);
  });

  it('a malformed id is BAD_USER_INPUT, not a database error', async () => {
    const response = await server.graphql(GET, { id: "1' or '1'='1" }, await server.tokenFor(owner));
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('meetings at the same time', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('page by id within one start time, without skipping or repeating any', async () => {
    const instructor = await server.createUser(Role.INSTRUCTOR);
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) created.push((await server.createMeeting(instructor, { startsInMinutes: 60 })).id);
    const scheduledAt = new Date(server.clock.now().getTime() + 60 * 60_000);
    await server.em().nativeUpdate(Meeting, { id: { $in: created } }, { scheduledAt, endsAt: new Date(scheduledAt.getTime() + 3_600_000) });
    const token = await server.tokenFor(instructor);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page += 1) {
      const response = await server.graphql(LIST, { when: 'UPCOMING', first: 2, after }, token);
      seen.push(...response.data.meetings.edges.map((edge: { node: { id: string } }) => edge.node.id));
      after = response.data.meetings.pageInfo.endCursor;
    }
    expect(seen).toEqual([...created].sort());
  });
});
