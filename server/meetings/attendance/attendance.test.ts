import { ref } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingEventRecord } from '../events/meeting-event.entity';
import { Meeting } from '../model/meeting.entity';
import { ok } from '../../testing/assertions';
import { Role, startTestServer, type TestServer } from '../../testing/test-server';
import { User } from '../../accounts/model/user.entity';
import { MeetingParticipant } from '../model/participant.entity';
import { ParticipantStatus } from '../model/participant-status';
import { attendedSecondsAt, isGone } from '../model/presence';
import { closeSilentVisits } from '../commands/presence-sweeper';

const T0 = new Date('2030-03-01T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function participant(): MeetingParticipant {
  const meeting = new Meeting({
    title: 'M',
    scheduledAt: T0,
    durationMinutes: 60,
    instructor: ref(new User({ email: 'i@x.test', displayName: 'I', role: Role.INSTRUCTOR, passwordHash: '' })),
  });
  return new MeetingParticipant(ref(meeting), ref(new User({ email: 's@x.test', displayName: 'S', role: Role.STUDENT, passwordHash: '' })), T0);
}

describe('attendance arithmetic', () => {
  it('adds up interrupted visits', () => {
    const student = participant();
    student.enterRoom(at(0));
    student.seenInRoom(at(30));
    student.leaveRoom(at(60));
    student.enterRoom(at(600));
    student.leaveRoom(at(645));
    expect(student.attendedSeconds).toBe(105);
    expect(student.joinedAt).toEqual(at(0));
    expect(student.leftAt).toEqual(at(645));
  });

  it('counts overlapping visits once: joining again while in the room opens no second visit', () => {
    const student = participant();
    student.enterRoom(at(0));
    student.enterRoom(at(20)); // a second tab
    student.seenInRoom(at(50));
    student.leaveRoom(at(80));
    student.leaveRoom(at(85)); // the second tab closes
    expect(student.attendedSeconds).toBe(80);
  });

  it('someone unseen for more than 90 s left at their last heartbeat', () => {
    const student = participant();
    student.enterRoom(at(0));
    student.seenInRoom(at(30));
    student.seenInRoom(at(60));
    expect(isGone(student, at(150))).toBe(false);
    expect(isGone(student, at(151))).toBe(true);
    expect(attendedSecondsAt(student, at(400))).toBe(60);
    student.leaveRoom(at(400));
    expect(student.attendedSeconds).toBe(60);
    expect(student.leftAt).toEqual(at(60));
  });

  it('a heartbeat after the timeout opens a new visit and says so', () => {
    const student = participant();
    student.enterRoom(at(0));
    student.seenInRoom(at(30));
    student.leaveRoom(at(300)); // closed at 30 by the timeout
    expect(student.seenInRoom(at(310))).toBe(true);
    expect(student.seenInRoom(at(340))).toBe(false);
    expect(attendedSecondsAt(student, at(340))).toBe(30 + 30);
  });

  it('time in the room so far includes the visit in progress', () => {
    const student = participant();
    student.enterRoom(at(0));
    student.seenInRoom(at(60));
    expect(attendedSecondsAt(student, at(75))).toBe(75);
    expect(student.attendedSeconds).toBe(0);
  });

  it('at the end: PRESENT with the required time, ABSENT without it or without joining', () => {
    const stayed = participant();
    stayed.enterRoom(at(0));
    stayed.seenInRoom(at(60));
    stayed.closeAttendance(at(90), 90);
    expect(stayed.status).toBe(ParticipantStatus.PRESENT);

    const shortVisit = participant();
    shortVisit.enterRoom(at(0));
    shortVisit.closeAttendance(at(30), 90);
    expect(shortVisit.status).toBe(ParticipantStatus.ABSENT);

    const neverCame = participant();
    neverCame.closeAttendance(at(30), 0);
    expect(neverCame.status).toBe(ParticipantStatus.ABSENT);
  });

  it('the required time is the threshold share of the live time', () => {
    const instructor = new User({ email: 'i@x.test', displayName: 'I', role: Role.INSTRUCTOR, passwordHash: '' });
    const meeting = new Meeting({ title: 'M', scheduledAt: T0, durationMinutes: 60, instructor: ref(instructor) });
    meeting.startedAt = at(0);
    meeting.endedAt = at(1000);
    expect(meeting.requiredAttendanceSeconds()).toBe(0);
    meeting.attendanceThresholdPercent = 50;
    expect(meeting.requiredAttendanceSeconds()).toBe(500);
    meeting.attendanceThresholdPercent = 33;
    expect(meeting.requiredAttendanceSeconds()).toBe(330);
  });
});

describe('attendance in a running server', () => {
  let server: TestServer;
  let owner: User;
  let admin: User;
  let otherInstructor: User;

  beforeAll(async () => {
    server = await startTestServer();
    [owner, admin, otherInstructor] = await Promise.all([
      server.createUser(Role.INSTRUCTOR),
      server.createUser(Role.ADMIN),
      server.createUser(Role.INSTRUCTOR),
    ]);
  });
  afterAll(() => server.stop());

  const as = async (user: User, query: string, variables: Record<string, unknown>) => server.graphql(query, variables, await server.tokenFor(user));
  const start = async (id: string) => ok(await as(owner, 'mutation ($id: ID!) { startMeeting(id: $id) { id } }', { id }));
  const end = async (id: string) => ok(await as(owner, 'mutation ($id: ID!) { endMeeting(id: $id) { id } }', { id }));
  const join = async (student: User, id: string) => ok(await as(student, 'mutation ($id: ID!) { joinMeeting(id: $id) { roomName } }', { id }));
  const heartbeat = async (student: User, id: string) => as(student, 'mutation ($id: ID!) { reportPresence(meetingId: $id) { status } }', { id });
  const stored = (meetingId: string, student: User) => server.em().findOneOrFail(MeetingParticipant, { meeting: meetingId, user: student.id });
  const ATTENDANCE =
    'query ($id: ID!) { meeting(id: $id) { attendance { user { id displayName } rsvp status attendedSeconds joinedAt leftAt inRoom } } }';

  it('a silent room is counted as left at its last heartbeat, with an event', async () => {
    const student = await server.createUser(Role.STUDENT);
    const meeting = await server.createMeeting(owner, { students: [student] });
    await start(meeting.id);
    await join(student, meeting.id);
    server.clock.advance(30_000);
    ok(await heartbeat(student, meeting.id));
    const lastHeartbeat = (await stored(meeting.id, student)).lastSeenAt!;
    const watcher = await server.subscribe(owner, { meetingId: meeting.id });

    server.clock.advance(60_000);
    expect(await closeSilentVisits(server)).toBe(0);
    server.clock.advance(31_000);
    expect(await closeSilentVisits(server)).toBe(1);
    expect(await closeSilentVisits(server)).toBe(0);

    const row = await stored(meeting.id, student);
    expect(row).toMatchObject({ presentSince: null, leftAt: lastHeartbeat, attendedSeconds: 30 });
    expect(await watcher.nextEvent()).toMatchObject({ type: 'PARTICIPANT_UPDATED', participant: { user: { id: student.id } } });
    await watcher.close();
  });

  it('heartbeats keep a visit open, and one after the timeout reopens it', async () => {
    const student = await server.createUser(Role.STUDENT);
    const meeting = await server.createMeeting(owner, { students: [student] });
    await start(meeting.id);
    await join(student, meeting.id);
    for (let beat = 0; beat < 4; beat += 1) {
      server.clock.advance(30_000);
      ok(await heartbeat(student, meeting.id));
      expect(await closeSilentVisits(server)).toBe(0);
    }
    server.clock.advance(100_000);
    expect(await closeSilentVisits(server)).toBe(1);
    const events = await server.em().count(MeetingEventRecord, { meetingId: meeting.id });
    ok(await heartbeat(student, meeting.id));
    expect(await stored(meeting.id, student)).toMatchObject({ attendedSeconds: 120 });
    expect((await stored(meeting.id, student)).presentSince).not.toBeNull();
    expect(await server.em().count(MeetingEventRecord, { meetingId: meeting.id })).toBe(events + 1);
  });

  it('heartbeats are refused outside a live meeting and from a student who declined', async () => {
    const student = await server.createUser(Role.STUDENT);
    const meeting = await server.createMeeting(owner, { students: [student] });
    expect((await heartbeat(student, meeting.id)).errors?.[0].extensions?.code).toBe('CONFLICT');
    ok(await as(student, 'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: DECLINE) { id } }', { id: meeting.id }));
    await start(meeting.id);
    expect((await heartbeat(student, meeting.id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('with a 50 % threshold, the end marks PRESENT only those who stayed half the live time', async () => {
    const [stayed, leftEarly, neverCame] = await Promise.all([1, 2, 3].map(() => server.createUser(Role.STUDENT)));
    const meeting = await server.createMeeting(owner, { students: [stayed, leftEarly, neverCame] });
    ok(await as(owner, 'mutation ($id: ID!) { updateMeeting(id: $id, input: { attendanceThresholdPercent: 50 }) { id } }', { id: meeting.id }));
    await start(meeting.id);
    await join(stayed, meeting.id);
    await join(leftEarly, meeting.id);
    for (let minute = 1; minute <= 10; minute += 1) {
      server.clock.advance(60_000);
      ok(await heartbeat(stayed, meeting.id));
      if (minute <= 3) ok(await heartbeat(leftEarly, meeting.id));
    }
    await end(meeting.id);
    expect((await stored(meeting.id, stayed)).status).toBe(ParticipantStatus.PRESENT);
    expect(await stored(meeting.id, leftEarly)).toMatchObject({ status: ParticipantStatus.ABSENT, attendedSeconds: 180 });
    expect((await stored(meeting.id, neverCame)).status).toBe(ParticipantStatus.ABSENT);
  });

  it('a threshold outside 1–100 is refused on that field', async () => {
    const meeting = await server.createMeeting(owner);
    for (const value of [0, 101]) {
      const response = await as(
        owner,
        'mutation ($id: ID!, $value: Int) { updateMeeting(id: $id, input: { attendanceThresholdPercent: $value }) { id } }',
        { id: meeting.id, value },
      );
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendanceThresholdPercent' });
    }
  });

  it('the attendance report shows each RSVP next to the attendance, for the managers only', async () => {
    const [accepted, declined] = await Promise.all([server.createUser(Role.STUDENT, 'Alice'), server.createUser(Role.STUDENT, 'Bob')]);
    const meeting = await server.createMeeting(owner, { students: [accepted, declined] });
    ok(await as(accepted, 'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: ACCEPT) { id } }', { id: meeting.id }));
    ok(await as(declined, 'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: DECLINE) { id } }', { id: meeting.id }));
    await start(meeting.id);
    await join(accepted, meeting.id);
    server.clock.advance(45_000);

    for (const manager of [owner, admin]) {
      const { meeting: found } = ok(await as(manager, ATTENDANCE, { id: meeting.id }));
      expect(found.attendance).toEqual([
        {
          user: { id: accepted.id, displayName: 'Alice' },
          rsvp: 'ACCEPTED',
          status: 'PRESENT',
          attendedSeconds: 45,
          joinedAt: expect.any(String),
          leftAt: null,
          inRoom: true,
        },
        {
          user: { id: declined.id, displayName: 'Bob' },
          rsvp: 'DECLINED',
          status: 'DECLINED',
          attendedSeconds: 0,
          joinedAt: null,
          leftAt: null,
          inRoom: false,
        },
      ]);
    }
    const asStudent = await as(accepted, ATTENDANCE, { id: meeting.id });
    expect(asStudent.data.meeting).toEqual({ attendance: null });
    expect(asStudent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  describe('the CSV export', () => {
    let meeting: Meeting;
    let student: User;
    const csv = async (user: User | null, id = meeting.id) =>
      fetch(server.url.replace('/graphql', `/meetings/${encodeURIComponent(id)}/attendance.csv`), {
        headers: user ? { authorization: `Bearer ${await server.tokenFor(user)}` } : {},
      });

    beforeAll(async () => {
      student = await server.createUser(Role.STUDENT, '=HYPERLINK("http://evil.test","Zoé, "the" student")');
      const quiet = await server.createUser(Role.STUDENT, 'Quentin');
      meeting = await server.createMeeting(owner, { students: [student, quiet] });
      await start(meeting.id);
      await join(student, meeting.id);
      server.clock.advance(120_000);
      ok(await heartbeat(student, meeting.id));
      await end(meeting.id);
    });

    it('is a UTF-8 CSV with one row per student, quoted safely and never run as a formula', async () => {
      const response = await csv(owner);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?attendance-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv"?$/);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('name,email,rsvp,attendance,joined_at,left_at,attended_seconds,attended_minutes');
      expect(lines).toHaveLength(3);
      const quentin = lines.find((line) => line.startsWith('Quentin,'))!;
      expect(quentin).toMatch(/^Quentin,[^,]+,PENDING,ABSENT,,,0,0$/);
      const zoe = lines.find((line) => line.startsWith('"\''))!;
      expect(zoe).toMatch(
        /^"'=HYPERLINK\(""http:\/\/evil\.test"",""Zoé, ""the"" student""\)",[^,]+,PENDING,PRESENT,\d{4}-[^,]+Z,\d{4}-[^,]+Z,120,2$/,
      );
    });

    it('the admin may download it too', async () => {
      expect((await csv(admin)).status).toBe(200);
    });

    it.each([
      ['without a token', () => null, 401, 'UNAUTHENTICATED'],
      ['by an invited student', () => student, 403, 'FORBIDDEN'],
      ['by another instructor', () => otherInstructor, 404, 'NOT_FOUND'],
    ])('is refused %s', async (_, who, status, code) => {
      const response = await csv(who());
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code } });
    });

    it('a malformed id is a 400', async () => {
      const response = await csv(owner, 'not-an-id');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    });
  });
});
