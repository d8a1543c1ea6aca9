import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { icsProperty, type ReceivedMail, TestMailbox } from '../testing/test-mailbox';
import { TEST_MAIL_CONFIG } from '../testing/test-mail-config';
import { Role, startTestServer, type TestServer } from '../testing/test-server';
import type { User } from '../accounts/model/user.entity';

const CREATE = 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id version } }';
const UPDATE = 'mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id version } }';
const CANCEL = 'mutation ($id: ID!, $reason: String) { cancelMeeting(id: $id, reason: $reason) { status } }';

let mailbox: TestMailbox;
let server: TestServer;
let instructor: User;
let admin: User;

beforeAll(async () => {
  mailbox = await TestMailbox.start();
  server = await startTestServer({ mail: { ...TEST_MAIL_CONFIG, smtpUrl: mailbox.url } }, { deliverMail: true });
  instructor = await server.createUser(Role.INSTRUCTOR, 'Ada Lovelace');
  admin = await server.createUser(Role.ADMIN, 'Grace Hopper');
});

afterAll(async () => {
  await server.stop();
  await mailbox.stop();
});

afterEach(() => {
  mailbox.refuseNext(0);
});

async function as(user: User, query: string, variables: Record<string, unknown>) {
  const response = await server.graphql(query, variables, await server.tokenFor(user));
  expect(response.errors).toBeUndefined();
  return response.data;
}

async function frenchStudentInParis(name: string): Promise<User> {
  const student = await server.createUser(Role.STUDENT, name);
  await as(student, 'mutation { updatePreferences(input: { language: FR, timeZone: "Europe/Paris" }) { language } }', {});
  return student;
}

function inDays(days: number): Date {
  const date = new Date(server.clock.now().getTime() + days * 86_400_000);
  date.setUTCMinutes(0, 0, 0);
  return date;
}

const frenchTime = (date: Date) =>
  `${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date)} (Europe/Paris)`;
const englishUtcTime = (date: Date) =>
  `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(date)} (UTC)`;

function byRecipient(batch: ReceivedMail[]): Record<string, ReceivedMail> {
  return Object.fromEntries(batch.map((mail) => [mail.to, mail]));
}

/** The calendar part of a message, checked to be the same in the alternative and the attachment. */
function calendarOf(mail: ReceivedMail): string {
  expect(mail.calendars).toHaveLength(2);
  for (const copy of mail.calendars) expect(icsProperty(copy, 'SEQUENCE')).toBe(icsProperty(mail.calendars[0], 'SEQUENCE'));
  return mail.calendars[0];
}

async function queuedMailCount(): Promise<number> {
  const [row] = await server.em().execute<Array<{ count: string }>>(`select count(*) as count from pgboss.job where name = 'mail'`);
  return Number(row.count);
}

/** Lets any message that should not exist have time to arrive, so its absence means something. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

describe('mail through the life of a meeting', () => {
  it('invites, reschedules and cancels, each time in each person’s language, with a calendar update of the same event', async () => {
    const pierre = await frenchStudentInParis('Pierre Curie');
    const alan = await server.createUser(Role.STUDENT, 'Alan Turing');
    const scheduledAt = inDays(2);
    const seen = mailbox.received.length;

    const { createMeeting } = await as(instructor, CREATE, {
      input: {
        title: 'Thermodynamique',
        description: 'Chapitre 3',
        scheduledAt: scheduledAt.toISOString(),
        durationMinutes: 90,
        studentIds: [pierre.id, alan.id],
      },
    });
    const link = `https://amphi.example.test/meetings/${createMeeting.id}`;
    const invitations = byRecipient(await mailbox.nextBatch(seen, 2));
    expect(Object.keys(invitations).sort()).toEqual([alan.email, pierre.email].sort());

    const toPierre = invitations[pierre.email];
    expect(toPierre.subject).toBe(`Invitation : Thermodynamique — ${frenchTime(scheduledAt)}`);
    expect(toPierre.text).toContain('Bonjour Pierre Curie,');
    expect(toPierre.text).toContain('Ada Lovelace vous invite au cours en ligne « Thermodynamique ».');
    expect(toPierre.text).toContain(link);
    expect(toPierre.html).toContain(`href="${link}"`);
    expect(toPierre.html).toContain('lang="fr"');
    const toAlan = invitations[alan.email];
    expect(toAlan.subject).toBe(`Invitation: Thermodynamique — ${englishUtcTime(scheduledAt)}`);
    expect(toAlan.text).toContain('Ada Lovelace invites you to the online class “Thermodynamique”.');

    const invitationIcs = calendarOf(toPierre);
    const uid = `${createMeeting.id}@amphi`;
    expect(icsProperty(invitationIcs, 'METHOD')).toBe('REQUEST');
    expect(icsProperty(invitationIcs, 'UID')).toBe(uid);
    expect(icsProperty(invitationIcs, 'SEQUENCE')).toBe('0');
    expect(icsProperty(invitationIcs, 'STATUS')).toBe('CONFIRMED');
    expect(icsProperty(invitationIcs, 'DTSTART')).toBe(scheduledAt.toISOString().replace(/[-:]|\.\d{3}/g, ''));
    expect(icsProperty(invitationIcs, 'ORGANIZER')).toBe(`mailto:${instructor.email}`);
    expect(icsProperty(invitationIcs, 'ATTENDEE')?.toLowerCase()).toBe(`mailto:${pierre.email}`);
    expect(invitationIcs.replace(/\r?\n[ \t]/g, '')).toMatch(/^ATTENDEE;[^\r\n]*PARTSTAT=NEEDS-ACTION;RSVP=FALSE/m);
    expect(icsProperty(calendarOf(toAlan), 'UID')).toBe(uid);

    const movedTo = inDays(3);
    const afterInvitations = mailbox.received.length;
    await as(instructor, UPDATE, { id: createMeeting.id, input: { scheduledAt: movedTo.toISOString() } });
    const updates = byRecipient(await mailbox.nextBatch(afterInvitations, 2));
    expect(updates[pierre.email].subject).toBe(`Modifié : Thermodynamique — ${frenchTime(movedTo)}`);
    expect(updates[pierre.email].text).toContain(
      `Nouvel horaire : ${frenchTime(movedTo)}, pendant 90 min (au lieu de ${frenchTime(scheduledAt)}, 90 min).`,
    );
    expect(updates[alan.email].text).toContain(`New time: ${englishUtcTime(movedTo)}, for 90 min (was ${englishUtcTime(scheduledAt)}, 90 min).`);
    const updateIcs = calendarOf(updates[alan.email]);
    expect(icsProperty(updateIcs, 'METHOD')).toBe('REQUEST');
    expect(icsProperty(updateIcs, 'UID')).toBe(uid);
    expect(Number(icsProperty(updateIcs, 'SEQUENCE'))).toBeGreaterThan(0);
    expect(icsProperty(updateIcs, 'DTSTART')).toBe(movedTo.toISOString().replace(/[-:]|\.\d{3}/g, ''));

    // A new description is no news worth a message; the calendar feed carries it.
    await as(instructor, UPDATE, { id: createMeeting.id, input: { description: 'Chapitre 4' } });
    await as(instructor, CANCEL, { id: createMeeting.id, reason: 'Grève des transports' });
    const cancellations = byRecipient(await mailbox.nextBatch(afterInvitations + 2, 2));
    expect(Object.keys(cancellations).sort()).toEqual([alan.email, pierre.email].sort());
    expect(cancellations[pierre.email].subject).toBe(`Annulé : Thermodynamique — ${frenchTime(movedTo)}`);
    expect(cancellations[pierre.email].text).toContain('Motif : Grève des transports');
    const cancelIcs = calendarOf(cancellations[pierre.email]);
    expect(icsProperty(cancelIcs, 'METHOD')).toBe('CANCEL');
    expect(icsProperty(cancelIcs, 'STATUS')).toBe('CANCELLED');
    expect(icsProperty(cancelIcs, 'UID')).toBe(uid);
    expect(Number(icsProperty(cancelIcs, 'SEQUENCE'))).toBeGreaterThan(Number(icsProperty(updateIcs, 'SEQUENCE')));

    await settle();
    expect(mailbox.received.length).toBe(afterInvitations + 4);
  });

  it('renaming tells everyone; the instructor hears of changes only when an admin makes them', async () => {
    const student = await server.createUser(Role.STUDENT);
    const { createMeeting } = await as(instructor, CREATE, {
      input: { title: 'Algebra', scheduledAt: inDays(4).toISOString(), durationMinutes: 60, studentIds: [student.id] },
    });
    await expect.poll(() => mailbox.to(student.email).length, { timeout: 15_000 }).toBe(1);
    const before = mailbox.received.length;

    await as(admin, UPDATE, { id: createMeeting.id, input: { title: 'Linear algebra' } });
    const renamed = byRecipient(await mailbox.nextBatch(before, 2));
    expect(Object.keys(renamed).sort()).toEqual([instructor.email, student.email].sort());
    expect(renamed[student.email].subject).toMatch(/^Changed: Linear algebra — /);
    expect(renamed[student.email].text).toContain('It was called “Algebra”.');
    expect(renamed[student.email].text).not.toContain('New time');
  });

  it('a student invited later gets an invitation; a student removed gets the event withdrawn', async () => {
    const early = await server.createUser(Role.STUDENT);
    const late = await server.createUser(Role.STUDENT);
    const { createMeeting } = await as(instructor, CREATE, {
      input: { title: 'Optics', scheduledAt: inDays(5).toISOString(), durationMinutes: 60, studentIds: [early.id] },
    });
    await expect.poll(() => mailbox.to(early.email).length, { timeout: 15_000 }).toBe(1);

    await as(instructor, 'mutation ($id: ID!, $ids: [ID!]!) { inviteStudents(meetingId: $id, studentIds: $ids) { id } }', {
      id: createMeeting.id,
      ids: [late.id, early.id],
    });
    await expect.poll(() => mailbox.to(late.email).length, { timeout: 15_000 }).toBe(1);
    expect(mailbox.to(late.email)[0].subject).toMatch(/^Invitation: Optics/);

    await as(instructor, 'mutation ($id: ID!, $userId: ID!) { removeParticipant(meetingId: $id, userId: $userId) { id } }', {
      id: createMeeting.id,
      userId: early.id,
    });
    await expect.poll(() => mailbox.to(early.email).length, { timeout: 15_000 }).toBe(2);
    const withdrawn = mailbox.to(early.email)[1];
    expect(withdrawn.subject).toMatch(/^No longer invited: Optics/);
    expect(icsProperty(calendarOf(withdrawn), 'METHOD')).toBe('CANCEL');
    expect(icsProperty(calendarOf(withdrawn), 'UID')).toBe(`${createMeeting.id}@amphi`);
    await settle();
    expect(mailbox.to(early.email)).toHaveLength(2);
    expect(mailbox.to(late.email)).toHaveLength(1);
  });

  it('retries a message the mail server refuses for now, and delivers it once', async () => {
    const student = await server.createUser(Role.STUDENT);
    mailbox.refuseNext(1);
    await as(instructor, CREATE, {
      input: { title: 'Retry me', scheduledAt: inDays(6).toISOString(), durationMinutes: 60, studentIds: [student.id] },
    });
    await expect.poll(() => mailbox.to(student.email).length, { timeout: 20_000, interval: 200 }).toBe(1);
    await settle();
    expect(mailbox.to(student.email)).toHaveLength(1);
  });

  it('does not retry a message the mail server refuses for good', async () => {
    const student = await server.createUser(Role.STUDENT);
    mailbox.refuseNext(1, 550);
    await as(instructor, CREATE, {
      input: { title: 'No such mailbox', scheduledAt: inDays(6).toISOString(), durationMinutes: 60, studentIds: [student.id] },
    });
    await expect.poll(() => mailbox.attempts.filter((address) => address === student.email).length, { timeout: 15_000 }).toBe(1);
    await settle();
    await settle();
    expect(mailbox.attempts.filter((address) => address === student.email)).toHaveLength(1);
    expect(mailbox.to(student.email)).toHaveLength(0);
  });

  it('queues nothing for a change that is refused', async () => {
    const student = await server.createUser(Role.STUDENT);
    const otherInstructor = await server.createUser(Role.INSTRUCTOR);
    const queued = await queuedMailCount();
    const refused = await server.graphql(
      CREATE,
      { input: { title: 'Half written', scheduledAt: inDays(2).toISOString(), durationMinutes: 60, studentIds: [student.id, otherInstructor.id] } },
      await server.tokenFor(instructor),
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await queuedMailCount()).toBe(queued);
  });
});

describe('without SMTP_URL', () => {
  it('writes each message as an .eml file into the outbox', async () => {
    const outboxDir = mkdtempSync(path.join(tmpdir(), 'amphi-outbox-'));
    const local = await startTestServer({ mail: { ...TEST_MAIL_CONFIG, outboxDir } }, { deliverMail: true });
    try {
      const teacher = await local.createUser(Role.INSTRUCTOR);
      const student = await local.createUser(Role.STUDENT);
      const response = await local.graphql(
        CREATE,
        {
          input: {
            title: 'Outbox',
            scheduledAt: new Date(local.clock.now().getTime() + 86_400_000).toISOString(),
            durationMinutes: 30,
            studentIds: [student.id],
          },
        },
        await local.tokenFor(teacher),
      );
      expect(response.errors).toBeUndefined();
      await expect.poll(() => readdirSync(outboxDir).filter((file) => file.endsWith('.eml')).length, { timeout: 15_000 }).toBe(1);
      const [file] = readdirSync(outboxDir);
      expect(file).toContain(student.email);
      const eml = await simpleParser(readFileSync(path.join(outboxDir, file)));
      expect(eml.to).toMatchObject({ value: [{ name: student.displayName, address: student.email }] });
      expect(eml.subject).toMatch(/^Invitation: Outbox — /);
      expect(eml.attachments.map((part) => [part.contentType, part.filename ?? null]).sort()).toEqual([
        ['application/ics', 'invite.ics'],
        ['text/calendar', null],
      ]);
    } finally {
      await local.stop();
      rmSync(outboxDir, { recursive: true, force: true });
    }
  });
});

describe('the answer of a change that sends mail', () => {
  it('still has every field of the participants it looked up to address the mail', async () => {
    const student = await server.createUser(Role.STUDENT);
    const { createMeeting } = await as(instructor, CREATE, {
      input: { title: 'Whole answers', scheduledAt: inDays(8).toISOString(), durationMinutes: 60, studentIds: [student.id] },
    });
    const selection = '{ title status participants { status rsvp invitedAt user { email displayName } } }';
    const renamed = await as(instructor, `mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "Whole answers, renamed" }) ${selection} }`, {
      id: createMeeting.id,
    });
    const cancelled = await as(instructor, `mutation ($id: ID!) { cancelMeeting(id: $id) ${selection} }`, { id: createMeeting.id });
    for (const answer of [renamed.updateMeeting, cancelled.cancelMeeting]) {
      expect(answer.participants).toEqual([
        { status: 'INVITED', rsvp: 'PENDING', invitedAt: expect.any(String), user: { email: student.email, displayName: student.displayName } },
      ]);
    }
    expect(cancelled.cancelMeeting.status).toBe('CANCELLED');
  });
});
