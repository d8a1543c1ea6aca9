import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestMailbox } from '../testing/test-mailbox';
import { TEST_MAIL_CONFIG } from '../testing/test-mail-config';
import { Role, startTestServer, type TestServer, type TestServerOptions } from '../testing/test-server';
import type { User } from '../accounts/model/user.entity';
import { deliverMail } from './mail-worker';
import { queueDueReminders } from '../meetings/commands/reminders';

const MINUTE = 60_000;

let mailbox: TestMailbox;
const servers: TestServer[] = [];

beforeAll(async () => {
  mailbox = await TestMailbox.start();
});

afterAll(() => mailbox.stop());

afterEach(async () => {
  // Second instances first: the first one owns the database.
  for (const server of servers.splice(0).reverse()) await server.stop();
});

/** An instance that delivers to the test mailbox and sweeps only when a test says so. */
async function startInstance(options: TestServerOptions = {}): Promise<TestServer> {
  const mail = { ...TEST_MAIL_CONFIG, smtpUrl: mailbox.url, reminderSweepIntervalMs: 600_000 };
  const server = await startTestServer({ mail }, { deliverMail: true, ...options });
  servers.push(server);
  return server;
}

async function as(server: TestServer, user: User, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.graphql(query, variables, await server.tokenFor(user));
  expect(response.errors).toBeUndefined();
  return response.data;
}

async function meetingStartingIn(server: TestServer, instructor: User, minutes: number, students: User[], title = 'Reminded'): Promise<string> {
  const scheduledAt = new Date(server.clock.now().getTime() + minutes * MINUTE).toISOString();
  const { createMeeting } = await as(server, instructor, 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
    input: { title, scheduledAt, durationMinutes: 60, studentIds: students.map((student) => student.id) },
  });
  return createMeeting.id;
}

let people = 0;

/** Someone with an address no other test of this file (whose servers share the mailbox) uses. */
function person(server: TestServer, role: Role): Promise<User> {
  people += 1;
  return server.createUser(role, `${role.toLowerCase()} ${people} of the reminders`);
}

const remindersTo = (user: User) => mailbox.to(user.email).filter((mail) => /^In \d+ min: /.test(mail.subject));

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

describe('reminders', () => {
  let server: TestServer;
  let instructor: User;

  beforeEach(async () => {
    server = await startInstance();
    instructor = await person(server, Role.INSTRUCTOR);
  });

  it('go once, at the right time, to students who did not decline and to the instructor', async () => {
    const [accepted, declined, silent] = [await person(server, Role.STUDENT), await person(server, Role.STUDENT), await person(server, Role.STUDENT)];
    const id = await meetingStartingIn(server, instructor, 60, [accepted, declined, silent], 'Quantum optics');
    await as(server, accepted, 'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: ACCEPT) { rsvp } }', { id });
    await as(server, declined, 'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: DECLINE) { rsvp } }', { id });

    const versionOf = async () => (await as(server, instructor, 'query ($id: ID!) { meeting(id: $id) { version } }', { id })).meeting.version;
    const version = await versionOf();
    expect(await queueDueReminders(server)).toBe(0);
    server.clock.advance(45 * MINUTE - 1000);
    expect(await queueDueReminders(server)).toBe(0);
    server.clock.advance(1000);
    expect(await queueDueReminders(server)).toBe(1);
    expect(await queueDueReminders(server)).toBe(0);
    // An instructor editing the meeting meanwhile must not meet a conflict for it.
    expect(await versionOf()).toBe(version);

    for (const person of [accepted, silent, instructor]) {
      await expect.poll(() => remindersTo(person).length, { timeout: 15_000 }).toBe(1);
    }
    const reminder = remindersTo(silent)[0];
    expect(reminder.subject).toBe('In 15 min: Quantum optics');
    expect(reminder.text).toContain(`https://amphi.example.test/meetings/${id}`);
    expect(reminder.calendars).toEqual([]);
    await settle();
    expect(remindersTo(declined)).toHaveLength(0);
    for (const person of [accepted, silent, instructor]) expect(remindersTo(person)).toHaveLength(1);
  });

  it('move with the meeting', async () => {
    const student = await person(server, Role.STUDENT);
    const id = await meetingStartingIn(server, instructor, 60, [student]);
    const later = new Date(server.clock.now().getTime() + 120 * MINUTE).toISOString();
    await as(server, instructor, 'mutation ($id: ID!, $at: DateTimeISO!) { updateMeeting(id: $id, input: { scheduledAt: $at }) { id } }', {
      id,
      at: later,
    });

    server.clock.advance(45 * MINUTE);
    expect(await queueDueReminders(server)).toBe(0);
    server.clock.advance(60 * MINUTE);
    expect(await queueDueReminders(server)).toBe(1);
    await expect.poll(() => remindersTo(student).length, { timeout: 15_000 }).toBe(1);
  });

  it('queued for a time the meeting has since left are dropped, not sent', async () => {
    const student = await person(server, Role.STUDENT);
    const id = await meetingStartingIn(server, instructor, 60, [student]);
    const sent: string[] = [];
    const deps = {
      orm: server.orm,
      clock: server.clock,
      mail: server.config.mail,
      transport: { send: async (mail: { subject: string }) => void sent.push(mail.subject), close: () => {} },
      logger: pino({ level: 'silent' }),
    };
    const oldStart = new Date(server.clock.now().getTime() + 30 * MINUTE).toISOString();
    expect(await deliverMail(deps, { kind: 'reminder', meetingId: id, userId: student.id, scheduledAt: oldStart })).toBe('dropped');
    const { meeting } = await as(server, instructor, 'query ($id: ID!) { meeting(id: $id) { scheduledAt } }', { id });
    expect(await deliverMail(deps, { kind: 'reminder', meetingId: id, userId: student.id, scheduledAt: meeting.scheduledAt })).toBe('sent');
    expect(sent).toHaveLength(1);
  });

  it('are dropped when the meeting is cancelled, or ends early', async () => {
    const student = await person(server, Role.STUDENT);
    const cancelled = await meetingStartingIn(server, instructor, 60, [student]);
    const endedEarly = await meetingStartingIn(server, instructor, 60, [student]);
    await as(server, instructor, 'mutation ($id: ID!) { cancelMeeting(id: $id) { status } }', { id: cancelled });
    server.clock.advance(45 * MINUTE);
    await as(server, instructor, 'mutation ($id: ID!) { startMeeting(id: $id) { status } }', { id: endedEarly });
    await as(server, instructor, 'mutation ($id: ID!) { endMeeting(id: $id) { status } }', { id: endedEarly });
    expect(await queueDueReminders(server)).toBe(0);
    server.clock.advance(60 * MINUTE);
    expect(await queueDueReminders(server)).toBe(0);
    await settle();
    expect(remindersTo(student)).toHaveLength(0);
  });
});

describe('reminders and mail across instances', () => {
  it('are not lost when the server restarts in between: the next one sends them', async () => {
    // The first instance only holds the database; the second queues and stops; the third delivers.
    const database = await startInstance({ deliverMail: false });
    const before = await startInstance({ sameDatabaseAs: database, deliverMail: false });
    const instructor = await person(before, Role.INSTRUCTOR);
    const student = await person(before, Role.STUDENT);
    await meetingStartingIn(before, instructor, 60, [student], 'Across a restart');
    await settle();
    expect(mailbox.to(student.email)).toHaveLength(0);
    await before.stop();
    servers.splice(servers.indexOf(before), 1);

    const after = await startInstance({ sameDatabaseAs: database });
    await expect.poll(() => mailbox.to(student.email).length, { timeout: 15_000 }).toBe(1);
    expect(mailbox.to(student.email)[0].subject).toMatch(/^Invitation: Across a restart/);
    after.clock.advance(45 * MINUTE);
    expect(await queueDueReminders(after)).toBe(1);
    await expect.poll(() => remindersTo(student).length, { timeout: 15_000 }).toBe(1);
  });

  it('go out once when two instances sweep at the same moment', async () => {
    const first = await startInstance();
    const second = await startInstance({ sameDatabaseAs: first });
    const instructor = await person(first, Role.INSTRUCTOR);
    const students = [await person(first, Role.STUDENT), await person(first, Role.STUDENT)];
    const meetings = 5;
    for (let index = 0; index < meetings; index += 1) await meetingStartingIn(first, instructor, 60, students, `Twice swept ${index}`);
    for (const student of students) await expect.poll(() => mailbox.to(student.email).length, { timeout: 15_000 }).toBe(meetings);

    first.clock.advance(45 * MINUTE);
    second.clock.advance(45 * MINUTE);
    const claimed = await Promise.all([queueDueReminders(first), queueDueReminders(second), queueDueReminders(first), queueDueReminders(second)]);
    expect(claimed.reduce((sum, count) => sum + count, 0)).toBe(meetings);

    for (const person of [...students, instructor]) await expect.poll(() => remindersTo(person).length, { timeout: 15_000 }).toBe(meetings);
    await settle();
    for (const person of [...students, instructor]) {
      const subjects = remindersTo(person)
        .map((mail) => mail.subject)
        .sort();
      expect(subjects).toEqual(Array.from({ length: meetings }, (_, index) => `In 15 min: Twice swept ${index}`).sort());
    }
  });
});
