import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icsProperty } from '../testing/test-mailbox';
import { Role, startTestServer, type TestServer } from '../testing/test-server';
import { User } from '../accounts/model/user.entity';

let server: TestServer;
let instructor: User;
let student: User;

beforeAll(async () => {
  server = await startTestServer();
  instructor = await server.createUser(Role.INSTRUCTOR, 'Feed instructor');
  student = await server.createUser(Role.STUDENT, 'Feed student');
});

afterAll(() => server.stop());

async function as(user: User | null, query: string, variables: Record<string, unknown> = {}) {
  return server.graphql(query, variables, user ? await server.tokenFor(user) : null);
}

const RENEW = 'mutation { renewCalendarFeed { url } }';
const HOUR = 3_600_000;

/** GET on this server of the path of a feed URL (whose public host is fictitious in tests). */
function fetchFeed(url: string): Promise<Response> {
  return fetch(new URL(new URL(url).pathname, server.url));
}

function eventBlocks(ics: string): string[] {
  return ics.split('BEGIN:VEVENT').slice(1);
}

describe('the personal calendar feed', () => {
  it('lists the meetings a student has not declined, cancelled ones marked so, and nobody else’s', async () => {
    const other = await server.createUser(Role.STUDENT);
    const attending = await server.createMeeting(instructor, { students: [student], startsInMinutes: 60, title: 'Attending' });
    const declined = await server.createMeeting(instructor, { students: [student], startsInMinutes: 120, title: 'Declined' });
    const cancelled = await server.createMeeting(instructor, { students: [student], startsInMinutes: 180, title: 'Cancelled' });
    const notMine = await server.createMeeting(instructor, { students: [other], startsInMinutes: 60, title: 'Not mine' });
    const answer = await as(student, 'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: DECLINE) { rsvp } }', { id: declined.id });
    expect(answer.errors).toBeUndefined();
    expect((await as(instructor, 'mutation ($id: ID!) { cancelMeeting(id: $id) { status } }', { id: cancelled.id })).errors).toBeUndefined();

    expect((await as(student, '{ myCalendarFeed { url } }')).data).toEqual({ myCalendarFeed: null });
    const { data } = await as(student, RENEW);
    expect(data.renewCalendarFeed.url).toMatch(/^https:\/\/amphi\.example\.test\/calendar\/[\w-]{32}\.ics$/);
    expect((await as(student, '{ myCalendarFeed { url } }')).data).toEqual({ myCalendarFeed: data.renewCalendarFeed });

    const response = await fetchFeed(data.renewCalendarFeed.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(icsProperty(ics, 'METHOD')).toBeUndefined();
    const events = Object.fromEntries(eventBlocks(ics).map((block) => [icsProperty(block, 'UID'), block]));
    expect(Object.keys(events).sort()).toEqual([`${attending.id}@amphi`, `${cancelled.id}@amphi`].sort());
    expect(icsProperty(events[`${attending.id}@amphi`], 'SUMMARY')).toBe('Attending');
    expect(icsProperty(events[`${attending.id}@amphi`], 'STATUS')).toBe('CONFIRMED');
    expect(icsProperty(events[`${cancelled.id}@amphi`], 'STATUS')).toBe('CANCELLED');
    expect(ics).not.toContain(notMine.id);
  });

  it('serves an instructor the meetings they teach', async () => {
    const taught = await server.createMeeting(instructor, { startsInMinutes: 30, title: 'Taught' });
    const { data } = await as(instructor, RENEW);
    const ics = await (await fetchFeed(data.renewCalendarFeed.url)).text();
    expect(eventBlocks(ics).map((block) => icsProperty(block, 'UID'))).toContain(`${taught.id}@amphi`);
  });

  it('stops answering at the old address once renewed, and never answers an unknown one', async () => {
    const first = (await as(student, RENEW)).data.renewCalendarFeed.url;
    const second = (await as(student, RENEW)).data.renewCalendarFeed.url;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    for (const path of [
      '/calendar/not-a-token.ics',
      '/calendar/%00.ics',
      `/calendar/${'a'.repeat(32)}.ics`,
      `/calendar/${new URL(second).pathname.split('/')[2].replace('.ics', '')}`,
    ]) {
      expect((await fetch(new URL(path, server.url))).status).toBe(404);
    }
  });

  it('needs a signed-in user to be created or renewed', async () => {
    const refused = await as(null, RENEW);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the calendar query', () => {
  const CALENDAR = 'query ($from: DateTimeISO!, $to: DateTimeISO!) { calendar(from: $from, to: $to) { id title } }';

  it('returns the meetings overlapping the range, soonest first, declined ones included', async () => {
    const viewer = await server.createUser(Role.STUDENT);
    const now = server.clock.now().getTime();
    const soon = await server.createMeeting(instructor, { students: [viewer], startsInMinutes: 60, durationMinutes: 60, title: 'Soon' });
    const later = await server.createMeeting(instructor, { students: [viewer], startsInMinutes: 30, durationMinutes: 60, title: 'Sooner' });
    await server.createMeeting(instructor, { students: [viewer], startsInMinutes: 3 * 24 * 60, title: 'Out of range' });
    await as(viewer, 'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: DECLINE) { rsvp } }', { id: soon.id });

    const { data, errors } = await as(viewer, CALENDAR, {
      from: new Date(now + 75 * 60_000).toISOString(),
      to: new Date(now + 24 * HOUR).toISOString(),
    });
    expect(errors).toBeUndefined();
    expect(data.calendar.map((meeting: { title: string }) => meeting.title)).toEqual(['Sooner', 'Soon']);
    expect(data.calendar[0].id).toBe(later.id);
  });

  it.each([
    ['an empty range', 0, 'to must be after from'],
    ['a reversed range', -HOUR, 'to must be after from'],
    ['more than 45 days', 46 * 24 * HOUR, 'A calendar covers at most 45 days'],
  ])('refuses %s', async (_case, length, message) => {
    const from = new Date(server.clock.now().getTime());
    const response = await as(student, CALENDAR, { from: from.toISOString(), to: new Date(from.getTime() + length).toISOString() });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toBe(message);
  });

  it('refuses dates the database cannot hold', async () => {
    const response = await as(student, CALENDAR, { from: '+010000-01-01T00:00:00.000Z', to: '+010000-01-02T00:00:00.000Z' });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('preferences', () => {
  const UPDATE = 'mutation ($input: PreferencesInput!) { updatePreferences(input: $input) { language timeZone defaultTimeZone } }';

  it('start in English in the campus time zone, and keep what the user chooses', async () => {
    const user = await server.createUser(Role.STUDENT);
    expect((await as(user, '{ myPreferences { language timeZone defaultTimeZone } }')).data.myPreferences).toEqual({
      language: 'EN',
      timeZone: null,
      defaultTimeZone: 'UTC',
    });
    const chosen = await as(user, UPDATE, { input: { language: 'FR', timeZone: 'America/Montreal' } });
    expect(chosen.data.updatePreferences).toEqual({ language: 'FR', timeZone: 'America/Montreal', defaultTimeZone: 'UTC' });
    const stored = await server.em().findOneOrFail(User, user.id);
    expect([stored.language, stored.timeZone]).toEqual(['fr', 'America/Montreal']);
    const reset = await as(user, UPDATE, { input: { timeZone: null } });
    expect(reset.data.updatePreferences).toEqual({ language: 'FR', timeZone: null, defaultTimeZone: 'UTC' });
  });

  it.each(['Mars/Olympus_Mons', 'Europe/Paris; drop table users', ''])('refuse the time zone %j and change nothing', async (timeZone) => {
    const user = await server.createUser(Role.STUDENT);
    const response = await as(user, UPDATE, { input: { language: 'FR', timeZone } });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.field).toBe('timeZone');
    const stored = await server.em().findOneOrFail(User, user.id);
    expect([stored.language, stored.timeZone]).toEqual(['en', null]);
  });

  it('refuse an unknown language', async () => {
    const response = await as(student, UPDATE, { input: { language: 'DE' } });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a meeting as a calendar file', () => {
  const fileOf = async (meetingId: string, user: User | null) =>
    fetch(new URL(`/meetings/${meetingId}/calendar.ics`, server.url), {
      headers: user ? { authorization: `Bearer ${await server.tokenFor(user)}` } : {},
    });

  it('is served to whoever may see the meeting, with the UID of the mail and the feed', async () => {
    const meeting = await server.createMeeting(instructor, { students: [student], startsInMinutes: 90, title: 'Add me' });
    for (const user of [student, instructor]) {
      const response = await fileOf(meeting.id, user);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?meeting-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.ics"?$/);
      const ics = await response.text();
      expect(icsProperty(ics, 'METHOD')).toBe('PUBLISH');
      expect(icsProperty(ics, 'UID')).toBe(`${meeting.id}@amphi`);
      expect(icsProperty(ics, 'SUMMARY')).toBe('Add me');
      expect(icsProperty(ics, 'URL;VALUE=URI') ?? icsProperty(ics, 'URL')).toBe(`https://amphi.example.test/meetings/${meeting.id}`);
    }
  });

  it('is refused as the API refuses the meeting: 401 without a session, 404 to others and for nonsense', async () => {
    const meeting = await server.createMeeting(instructor, { students: [student], startsInMinutes: 90 });
    const stranger = await server.createUser(Role.STUDENT);
    expect((await fileOf(meeting.id, null)).status).toBe(401);
    const hidden = await fileOf(meeting.id, stranger);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Meeting not found' } });
    expect((await fileOf('not-a-uuid', student)).status).toBe(400);
  });
});
