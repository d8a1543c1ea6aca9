import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MeetingParticipant } from './model/participant.entity';
import { ParticipantStatus, Rsvp } from './model/participant-status';
import { Role, startTestServer, type GraphQLResponse, type TestServer } from '../testing/test-server';
import { expectError, ok } from '../testing/assertions';
import type { User } from '../accounts/model/user.entity';
import { Meeting } from './model/meeting.entity';
import { MeetingStatus } from './model/meeting-status';

const MINUTE = 60_000;
const MEETING = 'id title description status scheduledAt durationMinutes endsAt startedAt endedAt cancelledAt cancelReason version';

let server: TestServer;
let instructor: User;
let instructorToken: string;

beforeAll(async () => {
  server = await startTestServer();
  instructor = await server.createUser(Role.INSTRUCTOR);
  instructorToken = await server.tokenFor(instructor);
});
afterAll(() => server.stop());
beforeEach(() => server.clock.reset());

const startMeeting = (id: string) => server.graphql(`mutation ($id: ID!) { startMeeting(id: $id) { ${MEETING} } }`, { id }, instructorToken);

const endMeeting = (id: string) => server.graphql(`mutation ($id: ID!) { endMeeting(id: $id) { ${MEETING} } }`, { id }, instructorToken);

const cancelMeeting = (id: string, reason: string | null = 'Room unavailable') =>
  server.graphql(`mutation ($id: ID!, $reason: String) { cancelMeeting(id: $id, reason: $reason) { ${MEETING} } }`, { id, reason }, instructorToken);

const updateMeeting = (id: string, input: Record<string, unknown>) =>
  server.graphql(
    `mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { ${MEETING} } }`,
    { id, input },
    instructorToken,
  );

async function respond(meetingId: string, student: User, response: 'ACCEPT' | 'DECLINE') {
  ok(
    await server.graphql(
      `mutation ($meetingId: ID!, $response: InvitationResponse!) { respondToInvitation(meetingId: $meetingId, response: $response) { id } }`,
      { meetingId, response },
      await server.tokenFor(student),
    ),
  );
}

async function join(meetingId: string, student: User) {
  ok(await server.graphql(`mutation ($id: ID!) { joinMeeting(id: $id) { roomName } }`, { id: meetingId }, await server.tokenFor(student)));
}

function tally(responses: GraphQLResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const outcome = response.errors?.[0]?.extensions?.code ?? 'OK';
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}

async function stored(id: string) {
  const meeting = await server.em().findOneOrFail(Meeting, id);
  const { title, description, status, scheduledAt, durationMinutes, endsAt, startedAt, endedAt, cancelledAt, cancelReason, version, updatedAt } =
    meeting;
  return { title, description, status, scheduledAt, durationMinutes, endsAt, startedAt, endedAt, cancelledAt, cancelReason, version, updatedAt };
}

async function storedParticipant(meetingId: string, user: User) {
  return server.em().findOneOrFail(MeetingParticipant, { meeting: meetingId, user: user.id });
}

function expectNow(value: string | Date | null | undefined, before: Date) {
  expect(value).toBeTruthy();
  const time = new Date(value!).getTime();
  expect(time).toBeGreaterThanOrEqual(before.getTime());
  expect(time).toBeLessThanOrEqual(server.clock.now().getTime());
}

async function meetingIn(status: MeetingStatus, options: Parameters<TestServer['createMeeting']>[1] = {}) {
  const meeting = await server.createMeeting(instructor, options);
  if (status === MeetingStatus.LIVE || status === MeetingStatus.ENDED) ok(await startMeeting(meeting.id));
  if (status === MeetingStatus.ENDED) ok(await endMeeting(meeting.id));
  if (status === MeetingStatus.CANCELLED) ok(await cancelMeeting(meeting.id));
  return meeting;
}

describe('SCHEDULED → LIVE', () => {
  it('is refused more than 15 minutes before the scheduled time', async () => {
    const meeting = await server.createMeeting(instructor, { startsInMinutes: 20 });
    const before = await stored(meeting.id);

    expectError(await startMeeting(meeting.id), 'CONFLICT');
    expect(await stored(meeting.id)).toEqual(before);
  });

  it('is allowed from 15 minutes before the scheduled time, and records when', async () => {
    const meeting = await server.createMeeting(instructor, { startsInMinutes: 20 });
    server.clock.advance(6 * MINUTE);
    const before = server.clock.now();

    const { startMeeting: started } = ok(await startMeeting(meeting.id));

    expect(started.status).toBe(MeetingStatus.LIVE);
    expectNow(started.startedAt, before);
    const row = await stored(meeting.id);
    expect(row.status).toBe(MeetingStatus.LIVE);
    expectNow(row.startedAt, before);
  });

  it('is allowed after the scheduled time until the meeting would have ended', async () => {
    const meeting = await server.createMeeting(instructor, { startsInMinutes: 5, durationMinutes: 30 });
    server.clock.advance(30 * MINUTE);

    expect(ok(await startMeeting(meeting.id)).startMeeting.status).toBe(MeetingStatus.LIVE);
  });

  it('is refused once the scheduled end has passed', async () => {
    const meeting = await server.createMeeting(instructor, { startsInMinutes: 5, durationMinutes: 30 });
    server.clock.advance(36 * MINUTE);
    const before = await stored(meeting.id);

    expectError(await startMeeting(meeting.id), 'CONFLICT');
    expect(await stored(meeting.id)).toEqual(before);
  });
});

describe('LIVE → ENDED', () => {
  it('records when the meeting ended', async () => {
    const meeting = await meetingIn(MeetingStatus.LIVE);
    const before = server.clock.now();

    const { endMeeting: ended } = ok(await endMeeting(meeting.id));

    expect(ended.status).toBe(MeetingStatus.ENDED);
    expectNow(ended.endedAt, before);
    expect((await stored(meeting.id)).status).toBe(MeetingStatus.ENDED);
  });

  it('marks students who never joined ABSENT and closes the visit of those in the room', async () => {
    const [invited, accepted, joiner, decliner] = await Promise.all(
      ['invited', 'accepted', 'joiner', 'decliner'].map((name) => server.createUser(Role.STUDENT, name)),
    );
    const meeting = await server.createMeeting(instructor, { students: [invited, accepted, joiner, decliner] });
    await respond(meeting.id, accepted, 'ACCEPT');
    await respond(meeting.id, decliner, 'DECLINE');
    ok(await startMeeting(meeting.id));
    await join(meeting.id, joiner);
    server.clock.advance(MINUTE);

    ok(await endMeeting(meeting.id));

    expect(await storedParticipant(meeting.id, invited)).toMatchObject({ status: ParticipantStatus.ABSENT, rsvp: Rsvp.PENDING });
    expect(await storedParticipant(meeting.id, accepted)).toMatchObject({ status: ParticipantStatus.ABSENT, rsvp: Rsvp.ACCEPTED });
    expect(await storedParticipant(meeting.id, decliner)).toMatchObject({ status: ParticipantStatus.ABSENT, rsvp: Rsvp.DECLINED });
    const present = await storedParticipant(meeting.id, joiner);
    expect(present.status).toBe(ParticipantStatus.PRESENT);
    expect(present.attendedSeconds).toBeGreaterThan(0);
    expect(present.leftAt).not.toBeNull();
    expect(present.presentSince).toBeNull();
  });
});

describe('SCHEDULED → CANCELLED', () => {
  it('records when and why', async () => {
    const meeting = await server.createMeeting(instructor);
    const before = server.clock.now();

    const { cancelMeeting: cancelled } = ok(await cancelMeeting(meeting.id, 'Instructor is ill'));

    expect(cancelled.status).toBe(MeetingStatus.CANCELLED);
    expect(cancelled.cancelReason).toBe('Instructor is ill');
    expectNow(cancelled.cancelledAt, before);
    expect(await stored(meeting.id)).toMatchObject({ status: MeetingStatus.CANCELLED, cancelReason: 'Instructor is ill' });
  });

  it('accepts a reason of 500 characters', async () => {
    const meeting = await server.createMeeting(instructor);

    ok(await cancelMeeting(meeting.id, 'x'.repeat(500)));

    expect((await stored(meeting.id)).cancelReason).toHaveLength(500);
  });

  it('refuses a reason over 500 characters and leaves the meeting scheduled', async () => {
    const meeting = await server.createMeeting(instructor);
    const before = await stored(meeting.id);

    expectError(await cancelMeeting(meeting.id, 'x'.repeat(501)), 'BAD_USER_INPUT', 'reason');
    expect(await stored(meeting.id)).toEqual(before);
  });
});

describe('every other transition', () => {
  const refused: Array<[MeetingStatus, string, (id: string) => Promise<GraphQLResponse>]> = [
    [MeetingStatus.SCHEDULED, 'end', endMeeting],
    [MeetingStatus.LIVE, 'start', startMeeting],
    [MeetingStatus.LIVE, 'cancel', cancelMeeting],
    [MeetingStatus.ENDED, 'start', startMeeting],
    [MeetingStatus.ENDED, 'end', endMeeting],
    [MeetingStatus.ENDED, 'cancel', cancelMeeting],
    [MeetingStatus.CANCELLED, 'start', startMeeting],
    [MeetingStatus.CANCELLED, 'end', endMeeting],
    [MeetingStatus.CANCELLED, 'cancel', cancelMeeting],
  ];

  it.each(refused)('a %s meeting refuses to %s with CONFLICT and stays as it was', async (status, _action, attempt) => {
    const meeting = await meetingIn(status);
    const before = await stored(meeting.id);

    expectError(await attempt(meeting.id), 'CONFLICT');
    expect(await stored(meeting.id)).toEqual(before);
  });
});

describe('concurrent transitions', () => {
  it('20 concurrent starts: one goes live, 19 get CONFLICT', async () => {
    const meeting = await server.createMeeting(instructor);

    const responses = await Promise.all(Array.from({ length: 20 }, () => startMeeting(meeting.id)));

    expect(tally(responses)).toEqual({ OK: 1, CONFLICT: 19 });
    expect((await stored(meeting.id)).status).toBe(MeetingStatus.LIVE);
  });

  it('20 concurrent cancellations: one cancels, 19 get CONFLICT', async () => {
    const meeting = await server.createMeeting(instructor);

    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => cancelMeeting(meeting.id, `reason ${i}`)));

    expect(tally(responses)).toEqual({ OK: 1, CONFLICT: 19 });
    const winner = responses.find((response) => !response.errors)!;
    expect(await stored(meeting.id)).toMatchObject({
      status: MeetingStatus.CANCELLED,
      cancelReason: winner.data.cancelMeeting.cancelReason,
    });
  });

  it('10 starts racing 10 cancellations: exactly one wins, and the row says which', async () => {
    const meeting = await server.createMeeting(instructor);

    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? startMeeting(meeting.id) : cancelMeeting(meeting.id))));

    expect(tally(responses)).toEqual({ OK: 1, CONFLICT: 19 });
    const winner = responses.find((response) => !response.errors)!;
    const status = (winner.data.startMeeting ?? winner.data.cancelMeeting).status;
    expect((await stored(meeting.id)).status).toBe(status);
  });
});

describe('updateMeeting', () => {
  it('changes the title and description and keeps what is not given', async () => {
    const meeting = await server.createMeeting(instructor, { title: 'Algebra' });
    ok(await updateMeeting(meeting.id, { description: 'Chapter 3' }));

    const { updateMeeting: updated } = ok(await updateMeeting(meeting.id, { title: 'Linear algebra' }));

    expect(updated).toMatchObject({ title: 'Linear algebra', description: 'Chapter 3' });
    expect(await stored(meeting.id)).toMatchObject({ title: 'Linear algebra', description: 'Chapter 3' });
  });

  it('clears the description when given null', async () => {
    const meeting = await server.createMeeting(instructor);
    ok(await updateMeeting(meeting.id, { description: 'Bring a calculator' }));

    ok(await updateMeeting(meeting.id, { description: null }));

    expect((await stored(meeting.id)).description).toBeNull();
  });

  it('reschedules, and endsAt follows scheduledAt + durationMinutes', async () => {
    const meeting = await server.createMeeting(instructor);
    const scheduledAt = new Date(server.clock.now().getTime() + 3 * 60 * MINUTE);

    const { updateMeeting: updated } = ok(await updateMeeting(meeting.id, { scheduledAt: scheduledAt.toISOString(), durationMinutes: 90 }));

    const endsAt = new Date(scheduledAt.getTime() + 90 * MINUTE);
    expect(updated).toMatchObject({ scheduledAt: scheduledAt.toISOString(), durationMinutes: 90, endsAt: endsAt.toISOString() });
    expect(await stored(meeting.id)).toMatchObject({ scheduledAt, durationMinutes: 90, endsAt });
  });

  it('moves endsAt when only the duration changes', async () => {
    const meeting = await server.createMeeting(instructor, { durationMinutes: 60 });

    ok(await updateMeeting(meeting.id, { durationMinutes: 45 }));

    expect((await stored(meeting.id)).endsAt).toEqual(new Date(meeting.scheduledAt.getTime() + 45 * MINUTE));
  });

  it('refuses a scheduledAt in the past', async () => {
    const meeting = await server.createMeeting(instructor);
    const before = await stored(meeting.id);
    const past = new Date(server.clock.now().getTime() - MINUTE).toISOString();

    expectError(await updateMeeting(meeting.id, { scheduledAt: past }), 'BAD_USER_INPUT', 'scheduledAt');
    expect(await stored(meeting.id)).toEqual(before);
  });

  it('refuses to move a live meeting', async () => {
    const meeting = await meetingIn(MeetingStatus.LIVE);
    const before = await stored(meeting.id);
    const later = new Date(server.clock.now().getTime() + 60 * MINUTE).toISOString();

    expectError(await updateMeeting(meeting.id, { scheduledAt: later }), 'CONFLICT');
    expect(await stored(meeting.id)).toEqual(before);
  });

  it('lets a live meeting run longer', async () => {
    const meeting = await meetingIn(MeetingStatus.LIVE, { durationMinutes: 60 });

    const { updateMeeting: updated } = ok(await updateMeeting(meeting.id, { durationMinutes: 90 }));

    expect(updated.status).toBe(MeetingStatus.LIVE);
    expect(await stored(meeting.id)).toMatchObject({
      status: MeetingStatus.LIVE,
      durationMinutes: 90,
      endsAt: new Date(meeting.scheduledAt.getTime() + 90 * MINUTE),
    });
  });

  it.each([MeetingStatus.ENDED, MeetingStatus.CANCELLED])('refuses to change a %s meeting', async (status) => {
    const meeting = await meetingIn(status);
    const before = await stored(meeting.id);

    expectError(await updateMeeting(meeting.id, { title: 'Too late' }), 'CONFLICT');
    expect(await stored(meeting.id)).toEqual(before);
  });

  it('refuses an edit based on an outdated version', async () => {
    const meeting = await server.createMeeting(instructor, { title: 'Original' });
    const { version } = await stored(meeting.id);
    ok(await updateMeeting(meeting.id, { title: 'Edited by a colleague', version }));
    const before = await stored(meeting.id);

    expectError(await updateMeeting(meeting.id, { title: 'My stale edit', version }), 'CONFLICT');
    expect(await stored(meeting.id)).toEqual(before);
  });

  it('applies an edit based on the current version and increases it', async () => {
    const meeting = await server.createMeeting(instructor);
    const { version } = await stored(meeting.id);

    const { updateMeeting: updated } = ok(await updateMeeting(meeting.id, { title: 'Renamed', version }));

    expect(updated.version).toBeGreaterThan(version);
    expect(await stored(meeting.id)).toMatchObject({ title: 'Renamed', version: updated.version });
  });
});
