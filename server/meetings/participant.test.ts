import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from './model/meeting.entity';
import { MeetingStatus } from './model/meeting-status';
import { Role, startTestServer, type TestServer } from '../testing/test-server';
import { expectError, ok } from '../testing/assertions';
import type { User } from '../accounts/model/user.entity';
import { MeetingParticipant } from './model/participant.entity';
import { ParticipantStatus, Rsvp } from './model/participant-status';

const MINUTE = 60_000;
const PARTICIPANT = 'id status rsvp invitedAt respondedAt joinedAt leftAt attendedSeconds user { id }';
const JOIN_INFO = 'domain roomName jwt displayName moderator';
const VIEW = `id status roomName canJoin participantCount acceptedCount presentCount inRoomCount
  participants { ${PARTICIPANT} } myParticipation { ${PARTICIPANT} }`;

let server: TestServer;
let instructor: User;
let admin: User;

beforeAll(async () => {
  server = await startTestServer();
  instructor = await server.createUser(Role.INSTRUCTOR, 'Ada Instructor');
  admin = await server.createUser(Role.ADMIN, 'Grace Admin');
});
afterAll(() => server.stop());
beforeEach(() => server.clock.reset());

const as = (user: User) => server.tokenFor(user);

const inviteStudents = async (meetingId: string, studentIds: string[]) =>
  server.graphql(
    `mutation ($meetingId: ID!, $studentIds: [ID!]!) { inviteStudents(meetingId: $meetingId, studentIds: $studentIds) { participants { ${PARTICIPANT} } } }`,
    { meetingId, studentIds },
    await as(instructor),
  );

const removeParticipant = async (meetingId: string, userId: string) =>
  server.graphql(
    `mutation ($meetingId: ID!, $userId: ID!) { removeParticipant(meetingId: $meetingId, userId: $userId) { participants { ${PARTICIPANT} } } }`,
    { meetingId, userId },
    await as(instructor),
  );

const respond = async (student: User, meetingId: string, response: 'ACCEPT' | 'DECLINE') =>
  server.graphql(
    `mutation ($meetingId: ID!, $response: InvitationResponse!) { respondToInvitation(meetingId: $meetingId, response: $response) { ${PARTICIPANT} } }`,
    { meetingId, response },
    await as(student),
  );

const join = async (user: User, id: string) =>
  server.graphql(`mutation ($id: ID!) { joinMeeting(id: $id) { ${JOIN_INFO} } }`, { id }, await as(user));

const leave = async (user: User, id: string) =>
  server.graphql(`mutation ($id: ID!) { leaveMeeting(id: $id) { ${PARTICIPANT} } }`, { id }, await as(user));

const viewMeeting = async (user: User, id: string) => server.graphql(`query ($id: ID!) { meeting(id: $id) { ${VIEW} } }`, { id }, await as(user));

const myInvitations = async (student: User, when: 'UPCOMING' | 'PAST' | 'ALL') =>
  server.graphql(
    `query ($when: MeetingWhen!) { myInvitations(when: $when) { id status meeting { id title scheduledAt instructor { id displayName } } } }`,
    { when },
    await as(student),
  );

async function lifecycle(mutation: 'startMeeting' | 'endMeeting' | 'cancelMeeting', id: string) {
  ok(await server.graphql(`mutation ($id: ID!) { ${mutation}(id: $id) { id } }`, { id }, await as(instructor)));
}

const newStudent = (name?: string) => server.createUser(Role.STUDENT, name);

async function storedParticipants(meetingId: string) {
  return server.em().find(MeetingParticipant, { meeting: meetingId }, { orderBy: { invitedAt: 'asc', id: 'asc' } });
}

async function storedParticipant(meetingId: string, user: User) {
  return server.em().findOne(MeetingParticipant, { meeting: meetingId, user: user.id });
}

async function meetingIn(status: MeetingStatus, students: User[] = [], options: { title?: string; startsInMinutes?: number } = {}) {
  const meeting = await server.createMeeting(instructor, { students, ...options });
  if (status === MeetingStatus.LIVE || status === MeetingStatus.ENDED) await lifecycle('startMeeting', meeting.id);
  if (status === MeetingStatus.ENDED) await lifecycle('endMeeting', meeting.id);
  if (status === MeetingStatus.CANCELLED) await lifecycle('cancelMeeting', meeting.id);
  return meeting;
}

const userIds = (participants: Array<{ user: { id: string } }>) => participants.map((row) => row.user.id).sort();

describe('inviteStudents', () => {
  it('invites the students given', async () => {
    const [first, second] = [await newStudent(), await newStudent()];
    const meeting = await server.createMeeting(instructor);

    const { inviteStudents: updated } = ok(await inviteStudents(meeting.id, [first.id, second.id]));

    expect(userIds(updated.participants)).toEqual([first.id, second.id].sort());
    const rows = await storedParticipants(meeting.id);
    expect(rows.map((row) => [row.user.id, row.status, row.rsvp]).sort()).toEqual(
      [first, second].map((student) => [student.id, ParticipantStatus.INVITED, Rsvp.PENDING]).sort(),
    );
  });

  it.each([
    ['an instructor’s id', async () => (await server.createUser(Role.INSTRUCTOR)).id],
    ['an admin’s id', async () => (await server.createUser(Role.ADMIN)).id],
    ['an unknown id', async () => randomUUID()],
  ])('refuses the whole list when it holds %s, writing nothing', async (_name, badId) => {
    const student = await newStudent();
    const meeting = await server.createMeeting(instructor);

    expectError(await inviteStudents(meeting.id, [student.id, await badId()]), 'BAD_USER_INPUT', 'studentIds');
    expect(await storedParticipants(meeting.id)).toHaveLength(0);
  });

  it('refuses a malformed id, writing nothing', async () => {
    const student = await newStudent();
    const meeting = await server.createMeeting(instructor);

    expectError(await inviteStudents(meeting.id, [student.id, 'not-an-id']), 'BAD_USER_INPUT', 'studentIds');
    expect(await storedParticipants(meeting.id)).toHaveLength(0);
  });

  it('leaves students already invited as they are', async () => {
    const [invited, newcomer] = [await newStudent(), await newStudent()];
    const meeting = await server.createMeeting(instructor, { students: [invited] });
    ok(await respond(invited, meeting.id, 'ACCEPT'));
    const before = await storedParticipant(meeting.id, invited);

    ok(await inviteStudents(meeting.id, [invited.id, newcomer.id, invited.id]));

    const rows = await storedParticipants(meeting.id);
    expect(rows).toHaveLength(2);
    expect(await storedParticipant(meeting.id, invited)).toMatchObject({
      id: before!.id,
      status: ParticipantStatus.ACCEPTED,
      invitedAt: before!.invitedAt,
    });
  });

  it.each([MeetingStatus.ENDED, MeetingStatus.CANCELLED])('refuses to invite to a %s meeting', async (status) => {
    const student = await newStudent();
    const meeting = await meetingIn(status);

    expectError(await inviteStudents(meeting.id, [student.id]), 'CONFLICT');
    expect(await storedParticipants(meeting.id)).toHaveLength(0);
  });
});

describe('removeParticipant', () => {
  it('removes the invitation', async () => {
    const [kept, removed] = [await newStudent(), await newStudent()];
    const meeting = await server.createMeeting(instructor, { students: [kept, removed] });

    const { removeParticipant: updated } = ok(await removeParticipant(meeting.id, removed.id));

    expect(userIds(updated.participants)).toEqual([kept.id]);
    expect(await storedParticipant(meeting.id, removed)).toBeNull();
    expect(await storedParticipant(meeting.id, kept)).not.toBeNull();
  });

  it('answers NOT_FOUND for someone not invited', async () => {
    const [invited, stranger] = [await newStudent(), await newStudent()];
    const meeting = await server.createMeeting(instructor, { students: [invited] });

    expectError(await removeParticipant(meeting.id, stranger.id), 'NOT_FOUND');
    expect(await storedParticipants(meeting.id)).toHaveLength(1);
  });

  it('hides the meeting from the removed student', async () => {
    const student = await newStudent();
    const meeting = await server.createMeeting(instructor, { students: [student] });
    ok(await respond(student, meeting.id, 'ACCEPT'));
    expect(ok(await myInvitations(student, 'UPCOMING')).myInvitations).toHaveLength(1);

    ok(await removeParticipant(meeting.id, student.id));

    expectError(await viewMeeting(student, meeting.id), 'NOT_FOUND');
    expect(ok(await myInvitations(student, 'ALL')).myInvitations).toEqual([]);
  });
});

describe('respondToInvitation', () => {
  it('ACCEPT records the answer and when', async () => {
    const student = await newStudent();
    const meeting = await server.createMeeting(instructor, { students: [student] });

    const { respondToInvitation: own } = ok(await respond(student, meeting.id, 'ACCEPT'));

    expect(own).toMatchObject({ status: ParticipantStatus.ACCEPTED, rsvp: Rsvp.ACCEPTED });
    expect(own.respondedAt).not.toBeNull();
    const row = await storedParticipant(meeting.id, student);
    expect(row).toMatchObject({ status: ParticipantStatus.ACCEPTED, rsvp: Rsvp.ACCEPTED });
    expect(row!.respondedAt).not.toBeNull();
  });

  it('DECLINE records the answer', async () => {
    const student = await newStudent();
    const meeting = await server.createMeeting(instructor, { students: [student] });

    ok(await respond(student, meeting.id, 'DECLINE'));

    expect(await storedParticipant(meeting.id, student)).toMatchObject({ status: ParticipantStatus.DECLINED, rsvp: Rsvp.DECLINED });
  });

  it('lets the student change their mind', async () => {
    const student = await newStudent();
    const meeting = await server.createMeeting(instructor, { students: [student] });
    const first = ok(await respond(student, meeting.id, 'ACCEPT')).respondToInvitation;
    server.clock.advance(MINUTE);

    const second = ok(await respond(student, meeting.id, 'DECLINE')).respondToInvitation;

    expect(second).toMatchObject({ status: ParticipantStatus.DECLINED, rsvp: Rsvp.DECLINED });
    expect(new Date(second.respondedAt).getTime()).toBeGreaterThan(new Date(first.respondedAt).getTime());
    expect(await storedParticipant(meeting.id, student)).toMatchObject({ status: ParticipantStatus.DECLINED, rsvp: Rsvp.DECLINED });
  });

  it.each([MeetingStatus.ENDED, MeetingStatus.CANCELLED])('is refused once the meeting is %s', async (status) => {
    const student = await newStudent();
    const meeting = await meetingIn(status, [student]);
    const before = await storedParticipant(meeting.id, student);

    expectError(await respond(student, meeting.id, 'ACCEPT'), 'CONFLICT');
    expect(await storedParticipant(meeting.id, student)).toEqual(before);
  });

  it('is refused once the student has joined', async () => {
    const student = await newStudent();
    const meeting = await meetingIn(MeetingStatus.LIVE, [student]);
    ok(await join(student, meeting.id));

    expectError(await respond(student, meeting.id, 'DECLINE'), 'CONFLICT');
    expect(await storedParticipant(meeting.id, student)).toMatchObject({ status: ParticipantStatus.PRESENT, rsvp: Rsvp.PENDING });
  });
});

describe('joinMeeting', () => {
  it.each([MeetingStatus.SCHEDULED, MeetingStatus.ENDED, MeetingStatus.CANCELLED])('is refused while the meeting is %s', async (status) => {
    const student = await newStudent();
    const meeting = await meetingIn(status, [student]);
    const before = await storedParticipant(meeting.id, student);

    expectError(await join(student, meeting.id), 'CONFLICT');
    expectError(await join(instructor, meeting.id), 'CONFLICT');
    expect(await storedParticipant(meeting.id, student)).toEqual(before);
  });

  it('gives a student the room, not as moderator, and marks them PRESENT', async () => {
    const student = await newStudent('Linus Student');
    const meeting = await meetingIn(MeetingStatus.LIVE, [student]);
    const before = server.clock.now();

    const { joinMeeting: info } = ok(await join(student, meeting.id));

    expect(info).toEqual({
      domain: 'meet.example.test',
      roomName: meeting.roomName,
      jwt: null,
      displayName: 'Linus Student',
      moderator: false,
    });
    const row = await storedParticipant(meeting.id, student);
    expect(row!.status).toBe(ParticipantStatus.PRESENT);
    expect(row!.joinedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it.each([
    ['the owner', () => instructor],
    ['an admin', () => admin],
  ])('gives %s the room as moderator', async (_name, user) => {
    const meeting = await meetingIn(MeetingStatus.LIVE);

    const { joinMeeting: info } = ok(await join(user(), meeting.id));

    expect(info).toEqual({
      domain: 'meet.example.test',
      roomName: meeting.roomName,
      jwt: null,
      displayName: user().displayName,
      moderator: true,
    });
  });

  it('is FORBIDDEN to a student who declined', async () => {
    const student = await newStudent();
    const meeting = await server.createMeeting(instructor, { students: [student] });
    ok(await respond(student, meeting.id, 'DECLINE'));
    await lifecycle('startMeeting', meeting.id);

    expectError(await join(student, meeting.id), 'FORBIDDEN');
    expect(await storedParticipant(meeting.id, student)).toMatchObject({ status: ParticipantStatus.DECLINED, joinedAt: null });
  });

  it('keeps the first joinedAt when the student comes back', async () => {
    const student = await newStudent();
    const meeting = await meetingIn(MeetingStatus.LIVE, [student]);
    ok(await join(student, meeting.id));
    const firstJoinedAt = (await storedParticipant(meeting.id, student))!.joinedAt;
    server.clock.advance(MINUTE);
    ok(await leave(student, meeting.id));
    server.clock.advance(MINUTE);

    ok(await join(student, meeting.id));

    const row = await storedParticipant(meeting.id, student);
    expect(row!.joinedAt).toEqual(firstJoinedAt);
    expect(row!.presentSince).not.toBeNull();
  });
});

describe('leaveMeeting', () => {
  it('closes the visit and counts the time spent in the room', async () => {
    const student = await newStudent();
    const meeting = await meetingIn(MeetingStatus.LIVE, [student]);
    ok(await join(student, meeting.id));
    server.clock.advance(60_000);

    const { leaveMeeting: own } = ok(await leave(student, meeting.id));

    expect(own.attendedSeconds).toBe(60);
    expect(own.leftAt).not.toBeNull();
    const row = await storedParticipant(meeting.id, student);
    expect(row).toMatchObject({ attendedSeconds: 60, presentSince: null, status: ParticipantStatus.PRESENT });
    expect(row!.leftAt).not.toBeNull();
  });

  it('adds up the time of every visit', async () => {
    const student = await newStudent();
    const meeting = await meetingIn(MeetingStatus.LIVE, [student]);
    ok(await join(student, meeting.id));
    server.clock.advance(60_000);
    ok(await leave(student, meeting.id));
    server.clock.advance(10 * MINUTE);
    ok(await join(student, meeting.id));
    server.clock.advance(30_000);

    ok(await leave(student, meeting.id));

    expect((await storedParticipant(meeting.id, student))!.attendedSeconds).toBe(90);
  });

  it('counts leaving twice once', async () => {
    const student = await newStudent();
    const meeting = await meetingIn(MeetingStatus.LIVE, [student]);
    ok(await join(student, meeting.id));
    server.clock.advance(60_000);
    ok(await leave(student, meeting.id));
    const firstLeftAt = (await storedParticipant(meeting.id, student))!.leftAt;
    server.clock.advance(30_000);

    ok(await leave(student, meeting.id));

    expect(await storedParticipant(meeting.id, student)).toMatchObject({ attendedSeconds: 60, leftAt: firstLeftAt });
  });
});

describe('myInvitations', () => {
  it('splits upcoming from past, each in order of scheduledAt, with the meeting and its instructor', async () => {
    const student = await newStudent();
    const later = await meetingIn(MeetingStatus.SCHEDULED, [student], { title: 'later', startsInMinutes: 120 });
    const live = await meetingIn(MeetingStatus.LIVE, [student], { title: 'live', startsInMinutes: 5 });
    const sooner = await meetingIn(MeetingStatus.SCHEDULED, [student], { title: 'sooner', startsInMinutes: 30 });
    const overdue = await meetingIn(MeetingStatus.SCHEDULED, [student], { title: 'overdue', startsInMinutes: -120 });
    const ended = await meetingIn(MeetingStatus.ENDED, [student], { title: 'ended', startsInMinutes: 10 });
    await server.createMeeting(instructor, { students: [await newStudent()], title: 'someone else’s' });

    const upcoming = ok(await myInvitations(student, 'UPCOMING')).myInvitations;
    const past = ok(await myInvitations(student, 'PAST')).myInvitations;

    expect(upcoming.map((row: any) => row.meeting.id)).toEqual([live.id, sooner.id, later.id]);
    expect(past.map((row: any) => row.meeting.id)).toEqual([ended.id, overdue.id]);
    expect(upcoming[0].meeting.instructor).toEqual({ id: instructor.id, displayName: 'Ada Instructor' });
    expect(upcoming[0].meeting.title).toBe('live');
  });
});

describe('a meeting as its student sees it', () => {
  it('shows only their own invitation, and the room name only to the owner', async () => {
    const [student, classmate] = [await newStudent(), await newStudent()];
    const meeting = await server.createMeeting(instructor, { students: [student, classmate] });

    const seenByStudent = ok(await viewMeeting(student, meeting.id)).meeting;
    const seenByOwner = ok(await viewMeeting(instructor, meeting.id)).meeting;

    expect(userIds(seenByStudent.participants)).toEqual([student.id]);
    expect(seenByStudent.myParticipation.user.id).toBe(student.id);
    expect(seenByStudent.roomName).toBeNull();
    expect(userIds(seenByOwner.participants)).toEqual([student.id, classmate.id].sort());
    expect(seenByOwner.myParticipation).toBeNull();
    expect(seenByOwner.roomName).toBe(meeting.roomName);
  });

  it('canJoin is true only while live, and never for a student who declined', async () => {
    const [student, decliner] = [await newStudent(), await newStudent()];
    const meeting = await server.createMeeting(instructor, { students: [student, decliner] });
    ok(await respond(decliner, meeting.id, 'DECLINE'));
    const canJoin = async (user: User) => ok(await viewMeeting(user, meeting.id)).meeting.canJoin;

    expect(await canJoin(student)).toBe(false);
    await lifecycle('startMeeting', meeting.id);
    expect(await canJoin(student)).toBe(true);
    expect(await canJoin(decliner)).toBe(false);
    await lifecycle('endMeeting', meeting.id);
    expect(await canJoin(student)).toBe(false);
  });

  it('counts invitations, acceptances, attendance and who is in the room', async () => {
    const [first, second, third] = [await newStudent(), await newStudent(), await newStudent()];
    const meeting: Meeting = await server.createMeeting(instructor, { students: [first, second, third] });
    const counts = async () => {
      const { participantCount, acceptedCount, presentCount, inRoomCount } = ok(await viewMeeting(instructor, meeting.id)).meeting;
      return { participantCount, acceptedCount, presentCount, inRoomCount };
    };

    expect(await counts()).toEqual({ participantCount: 3, acceptedCount: 0, presentCount: 0, inRoomCount: 0 });
    ok(await respond(first, meeting.id, 'ACCEPT'));
    expect(await counts()).toEqual({ participantCount: 3, acceptedCount: 1, presentCount: 0, inRoomCount: 0 });
    await lifecycle('startMeeting', meeting.id);
    ok(await join(first, meeting.id));
    expect(await counts()).toEqual({ participantCount: 3, acceptedCount: 1, presentCount: 1, inRoomCount: 1 });
    ok(await join(second, meeting.id));
    expect(await counts()).toEqual({ participantCount: 3, acceptedCount: 1, presentCount: 2, inRoomCount: 2 });
    ok(await leave(first, meeting.id));
    expect(await counts()).toEqual({ participantCount: 3, acceptedCount: 1, presentCount: 2, inRoomCount: 1 });
  });
});
