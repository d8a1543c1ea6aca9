import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Meeting } from '../model/meeting.entity';
import { ok } from '../../testing/assertions';
import { type SubscriptionOptions, TestSubscriber } from '../../testing/subscriber';
import { Role, startTestServer, TEST_JWT_SECRET, type TestServer } from '../../testing/test-server';
import type { User } from '../../accounts/model/user.entity';
import { EVENT_LOG_LOCK } from './append-events';
import { MeetingEventType } from '../model/meeting-event-type';
import { MeetingEventRecord } from './meeting-event.entity';
import { writeWithEvents } from './write-with-events';

let server: TestServer;
let admin: User;
let owner: User;
let otherInstructor: User;
let invited: User;
let classmate: User;
let uninvited: User;
const open: TestSubscriber[] = [];

beforeAll(async () => {
  server = await startTestServer();
  [admin, owner, otherInstructor, invited, classmate, uninvited] = await Promise.all([
    server.createUser(Role.ADMIN),
    server.createUser(Role.INSTRUCTOR),
    server.createUser(Role.INSTRUCTOR),
    server.createUser(Role.STUDENT),
    server.createUser(Role.STUDENT),
    server.createUser(Role.STUDENT),
  ]);
});
afterAll(() => server.stop());
afterEach(async () => {
  await Promise.all(open.splice(0).map((subscriber) => subscriber.close()));
});

async function subscribe(user: User, variables: SubscriptionOptions = {}): Promise<TestSubscriber> {
  const subscriber = await server.subscribe(user, variables);
  open.push(subscriber);
  return subscriber;
}

async function as(user: User, query: string, variables: Record<string, unknown> = {}) {
  return server.graphql(query, variables, await server.tokenFor(user));
}

const mutate = async (user: User, query: string, variables: Record<string, unknown>) => ok(await as(user, query, variables));
const start = (id: string) => mutate(owner, 'mutation ($id: ID!) { startMeeting(id: $id) { id } }', { id });
const rename = (id: string, title: string) =>
  mutate(owner, 'mutation ($id: ID!, $title: String!) { updateMeeting(id: $id, input: { title: $title }) { id } }', { id, title });

/** pg_locks' columns for an advisory lock on a bigint key: its high and low halves, and 1. */
const IS_EVENT_LOG_LOCK = `locktype = 'advisory' and classid::int8 = ${Math.floor(EVENT_LOG_LOCK / 2 ** 32)}
  and objid::int8 = ${EVENT_LOG_LOCK % 2 ** 32} and objsubid = 1`;

/**
 * Locks in this file's database only (other test files run at once on the same server): who waits for
 * the event log, who waits for a row, and how many of those hold the event log meanwhile.
 */
async function locksHere(): Promise<{ logWaits: number; rowWaits: number; logHeldByRowWaiters: number }> {
  const [row] = await server.em().execute<Array<{ logWaits: number; rowWaits: number; logHeldByRowWaiters: number }>>(
    `with here as (
       select l.* from pg_locks l join pg_stat_activity a on a.pid = l.pid where a.datname = current_database()
     ), row_waiters as (
       select pid from here where locktype in ('transactionid', 'tuple') and not granted
     )
     select count(*) filter (where ${IS_EVENT_LOG_LOCK} and not granted)::int as "logWaits",
            (select count(*) from row_waiters)::int as "rowWaits",
            count(*) filter (where ${IS_EVENT_LOG_LOCK} and granted and pid in (select pid from row_waiters))::int as "logHeldByRowWaiters"
       from here`,
  );
  return row;
}

function meetingFor(students: User[] = [invited, classmate], startsInMinutes = 5): Promise<Meeting> {
  return server.createMeeting(owner, { students, startsInMinutes });
}

describe('connecting', () => {
  const key = new TextEncoder().encode(TEST_JWT_SECRET);
  const token = (userId: string, exp: number | string) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('amphi')
      .setAudience('amphi-api')
      .setExpirationTime(exp)
      .sign(key);

  it.each([
    ['no token', async () => null],
    ['a garbage token', async () => 'garbage'],
    ['an expired token', async () => token(invited.id, Math.floor(Date.now() / 1000) - 10)],
    ['a token for nobody', async () => token('00000000-0000-4000-8000-000000000000', '1h')],
  ])('%s: the socket is closed with 4403 before any subscription runs', async (_, makeToken) => {
    const subscriber = new TestSubscriber(server.url, await makeToken());
    open.push(subscriber);
    expect((await subscriber.closed).code).toBe(4403);
  });

  it('the socket is closed with 4403 when the token expires', async () => {
    const subscriber = new TestSubscriber(server.url, await token(invited.id, Math.floor(Date.now() / 1000) + 2));
    open.push(subscriber);
    const closed = await subscriber.closed;
    expect(closed).toEqual({ code: 4403, reason: 'Token expired' });
  });

  it('a malformed afterEventId is refused on that field', async () => {
    const subscriber = await subscribe(invited, { afterEventId: 'yesterday' });
    const [error] = await subscriber.nextError();
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'afterEventId' });
  });

  it('meetingEvent on a meeting the viewer may not see is NOT_FOUND', async () => {
    const meeting = await meetingFor([invited]);
    const subscriber = await subscribe(uninvited, { meetingId: meeting.id });
    const [error] = await subscriber.nextError();
    expect(error.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('who receives what', () => {
  const everyone = () => ({ admin, owner, otherInstructor, invited, classmate, uninvited });
  type Name = keyof ReturnType<typeof everyone>;

  async function receivers(
    act: (meeting: Meeting) => Promise<unknown>,
    meeting?: Meeting,
  ): Promise<{ meeting: Meeting; got: Record<Name, string[]> }> {
    const target = meeting ?? (await meetingFor());
    const subscribers = Object.fromEntries(
      await Promise.all(Object.entries(everyone()).map(async ([name, user]) => [name, await subscribe(user)] as const)),
    ) as Record<Name, TestSubscriber>;
    await act(target);
    const entries = await Promise.all(
      (Object.entries(subscribers) as Array<[Name, TestSubscriber]>).map(async ([name, subscriber]) => {
        const events = await subscriber.drain();
        for (const event of events) expect(event.meeting.id).toBe(target.id);
        return [name, events.map((event) => event.type)] as const;
      }),
    );
    const got = Object.fromEntries(entries) as Record<Name, string[]>;
    return { meeting: target, got };
  }

  const meetingWide = (type: string, extra: Partial<Record<Name, string[]>> = {}) => ({
    admin: [type],
    owner: [type],
    otherInstructor: [],
    invited: [type],
    classmate: [type],
    uninvited: [],
    ...extra,
  });

  it.each([
    ['UPDATED', (meeting: Meeting) => rename(meeting.id, 'Renamed')],
    ['STARTED', (meeting: Meeting) => start(meeting.id)],
    ['CANCELLED', (meeting: Meeting) => mutate(owner, 'mutation ($id: ID!) { cancelMeeting(id: $id) { id } }', { id: meeting.id })],
  ])('%s reaches the owner, admins and invited students; nobody else', async (type, act) => {
    const { got } = await receivers(act);
    expect(got).toEqual(meetingWide(type));
  });

  it('ENDED reaches the owner, admins and invited students; nobody else', async () => {
    const meeting = await meetingFor();
    await start(meeting.id);
    const { got } = await receivers(() => mutate(owner, 'mutation ($id: ID!) { endMeeting(id: $id) { id } }', { id: meeting.id }), meeting);
    expect(got).toEqual(meetingWide('ENDED'));
  });

  it('INVITED reaches the managers and the student invited, not their classmates', async () => {
    const meeting = await meetingFor([classmate]);
    const { got } = await receivers(
      () =>
        mutate(owner, 'mutation ($id: ID!, $ids: [ID!]!) { inviteStudents(meetingId: $id, studentIds: $ids) { id } }', {
          id: meeting.id,
          ids: [invited.id],
        }),
      meeting,
    );
    expect(got).toEqual(meetingWide('INVITED', { classmate: [] }));
  });

  it('PARTICIPANT_UPDATED reaches the managers and that student only', async () => {
    const { got } = await receivers((meeting) =>
      mutate(invited, 'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: ACCEPT) { id } }', { id: meeting.id }),
    );
    expect(got).toEqual(meetingWide('PARTICIPANT_UPDATED', { classmate: [] }));
  });

  it('a removed student gets UNINVITED, then nothing more of that meeting', async () => {
    const meeting = await meetingFor();
    const { got } = await receivers(async () => {
      await mutate(owner, 'mutation ($id: ID!, $user: ID!) { removeParticipant(meetingId: $id, userId: $user) { id } }', {
        id: meeting.id,
        user: invited.id,
      });
      await rename(meeting.id, 'After the removal');
    }, meeting);
    expect(got).toEqual({
      admin: ['UNINVITED', 'UPDATED'],
      owner: ['UNINVITED', 'UPDATED'],
      otherInstructor: [],
      invited: ['UNINVITED'],
      classmate: ['UPDATED'],
      uninvited: [],
    });
  });
});

describe('creation', () => {
  it('CREATED reaches the owner, admins and the invited students only', async () => {
    const watchers = {
      admin: await subscribe(admin),
      owner: await subscribe(owner),
      invited: await subscribe(invited),
      otherInstructor: await subscribe(otherInstructor),
      uninvited: await subscribe(uninvited),
    };
    const { createMeeting } = await mutate(owner, 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { title: 'Fresh', scheduledAt: new Date(Date.now() + 3_600_000).toISOString(), durationMinutes: 30, studentIds: [invited.id] },
    });
    for (const watcher of [watchers.admin, watchers.owner, watchers.invited]) {
      expect(await watcher.nextEvent()).toMatchObject({ type: 'CREATED', meeting: { id: createMeeting.id, title: 'Fresh', participantCount: 1 } });
    }
    await watchers.otherInstructor.expectQuiet();
    await watchers.uninvited.expectQuiet();
  });
});

describe('what an event carries', () => {
  it('the meeting as it is now, and the participant concerned', async () => {
    const meeting = await meetingFor([invited]);
    const watcher = await subscribe(owner);
    await start(meeting.id);
    expect(await watcher.nextEvent()).toMatchObject({ type: 'STARTED', meeting: { id: meeting.id, status: 'LIVE', presentCount: 0 } });
    await mutate(invited, 'mutation ($id: ID!) { joinMeeting(id: $id) { roomName } }', { id: meeting.id });
    expect(await watcher.nextEvent()).toMatchObject({
      type: 'PARTICIPANT_UPDATED',
      meeting: { presentCount: 1 },
      participant: { status: 'PRESENT', user: { id: invited.id } },
      user: { id: invited.id },
    });
  });

  it('the meeting’s instructor, counts and times, and the participant’s own meeting link, read as a query reads them', async () => {
    const meeting = await meetingFor([invited, classmate]);
    const meetingFields =
      'id title description scheduledAt startedAt durationMinutes status instructor { id displayName } participantCount acceptedCount';
    const watcher = await subscribe(owner, { fields: `type meeting { ${meetingFields} } participant { rsvp meeting { id status } }` });
    await mutate(invited, 'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: ACCEPT) { rsvp } }', { id: meeting.id });
    const { data } = await as(owner, `query ($id: ID!) { meeting(id: $id) { ${meetingFields} } }`, { id: meeting.id });
    expect(await watcher.nextEvent()).toEqual({
      type: 'PARTICIPANT_UPDATED',
      meeting: { ...(data as { meeting: object }).meeting, instructor: { id: owner.id, displayName: owner.displayName }, acceptedCount: 1 },
      participant: { rsvp: 'ACCEPTED', meeting: { id: meeting.id, status: 'SCHEDULED' } },
    });
  });

  it('ids increase, and the events of one meeting arrive in commit order', async () => {
    const meeting = await meetingFor([invited]);
    const watcher = await subscribe(owner, { meetingId: meeting.id });
    for (let index = 1; index <= 5; index += 1) await rename(meeting.id, `Title ${index}`);
    await start(meeting.id);
    const events = await watcher.events(6);
    expect(events.map((event) => event.type)).toEqual(['UPDATED', 'UPDATED', 'UPDATED', 'UPDATED', 'UPDATED', 'STARTED']);
    const ids = events.map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    await watcher.expectQuiet();
  });

  it('an event’s time is read once it holds the log’s lock, so times never go back as ids go up', async () => {
    const meeting = await meetingFor([invited]);
    const watcher = await subscribe(owner, { meetingId: meeting.id });
    let renaming: Promise<unknown> | undefined;
    // Another writer holds the log while the rename waits its turn, and time moves on meanwhile.
    await server.em().transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?)', [EVENT_LOG_LOCK]);
      renaming = rename(meeting.id, 'After the wait');
      await expect.poll(async () => (await locksHere()).logWaits, { timeout: 3_000 }).toBe(1);
      server.clock.advance(60_000);
    });
    await renaming;
    expect(Date.parse((await watcher.nextEvent()).at)).toBeGreaterThanOrEqual(server.clock.now().getTime() - 5_000);
  });

  it('a change waiting for a row lock does not hold the event log: other changes commit their events meanwhile', async () => {
    const [waiting, other] = [await meetingFor([invited]), await meetingFor([invited])];
    const watcher = await subscribe(owner);
    const write = { em: server.em(), clock: server.clock, events: server.events, mailQueue: server.mailQueue };
    let writing: Promise<unknown> | undefined;
    await server.em().transactional(async (holder) => {
      await holder.execute('select id from meetings where id = ? for update', [waiting.id]);
      // A change whose flush meets a row lock: nothing in the services does that (they lock rows first), but a flush may always wait.
      writing = writeWithEvents(write, async (em) => {
        (await em.findOneOrFail(Meeting, waiting.id)).title = 'Written after the wait';
        return { result: null, events: [{ type: MeetingEventType.UPDATED, meetingId: waiting.id }] };
      });
      await expect.poll(async () => (await locksHere()).rowWaits, { timeout: 3_000 }).toBe(1);
      expect((await locksHere()).logHeldByRowWaiters).toBe(0);
      await rename(other.id, 'Not held up');
    });
    await writing;
    expect((await watcher.events(2)).map((event) => event.meeting.id)).toEqual([other.id, waiting.id]);
    expect((await server.em().findOneOrFail(Meeting, waiting.id)).title).toBe('Written after the wait');
  });

  it('20 concurrent starts: one STARTED event, for each subscriber', async () => {
    const meeting = await meetingFor([invited]);
    const watchers = [await subscribe(owner), await subscribe(invited), await subscribe(admin)];
    const token = await server.tokenFor(owner);
    await Promise.all(
      Array.from({ length: 20 }, () => server.graphql('mutation ($id: ID!) { startMeeting(id: $id) { id } }', { id: meeting.id }, token)),
    );
    for (const watcher of watchers) {
      expect((await watcher.nextEvent()).type).toBe('STARTED');
      await watcher.expectQuiet();
    }
  });

  it('a refused mutation writes no event', async () => {
    const meeting = await meetingFor([invited]);
    const before = await server.em().count(MeetingEventRecord, {});
    const refused = await as(owner, 'mutation ($id: ID!) { endMeeting(id: $id) { id } }', { id: meeting.id });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await server.em().count(MeetingEventRecord, {})).toBe(before);
  });
});

describe('sharing the work of one event among its subscribers', () => {
  async function executionsFor(fields: string, students: User[]) {
    const meeting = await meetingFor(students);
    const watchers = await Promise.all(students.map((student) => subscribe(student, { fields })));
    // The subscriptions are live once they have replayed to the newest event: wait for a first one.
    await rename(meeting.id, 'Warm-up');
    const warmUps = await Promise.all(watchers.map((watcher) => watcher.nextEvent()));
    const before = server.events.stats.executions;
    await start(meeting.id);
    const started = await Promise.all(watchers.map((watcher) => watcher.nextEvent()));
    return { warmUps, started, executions: server.events.stats.executions - before };
  }

  it('an operation that reads the same for everyone runs once per event, whatever the number of subscribers', async () => {
    const students = await Promise.all([1, 2, 3, 4].map(() => server.createUser(Role.STUDENT)));
    const { started, executions } = await executionsFor('id type meeting { id status participantCount }', students);
    expect(started.every((event) => event.type === 'STARTED' && event.meeting.status === 'LIVE')).toBe(true);
    expect(executions).toBe(1);
  });

  it('an operation reading viewer-dependent fields runs once per student, and each sees their own', async () => {
    const students = await Promise.all([1, 2, 3].map(() => server.createUser(Role.STUDENT)));
    const { started, executions } = await executionsFor('id type meeting { id canJoin myParticipation { user { id } } }', students);
    expect(executions).toBe(3);
    for (const [index, event] of started.entries()) {
      const meeting = event.meeting as unknown as { canJoin: boolean; myParticipation: { user: { id: string } } };
      expect(meeting.canJoin).toBe(true);
      expect(meeting.myParticipation.user.id).toBe(students[index].id);
    }
  });
});

describe('leaving', () => {
  it('a closed subscription stops listening on the server, even while waiting for an event', async () => {
    // Every earlier test closed its subscribers: none may still be listening.
    await expect.poll(() => server.events.listenerCount()).toBe(0);
    const watchers = await Promise.all([invited, classmate, owner].map((user) => subscribe(user)));
    await expect.poll(() => server.events.listenerCount()).toBe(3);
    await Promise.all(watchers.map((watcher) => watcher.close()));
    await expect.poll(() => server.events.listenerCount()).toBe(0);
  });
});

describe('meetingEvent', () => {
  it('carries the events of that meeting only', async () => {
    const watched = await meetingFor([invited]);
    const other = await meetingFor([invited]);
    const watcher = await subscribe(invited, { meetingId: watched.id });
    await rename(other.id, 'Not this one');
    await rename(watched.id, 'This one');
    expect(await watcher.nextEvent()).toMatchObject({ type: 'UPDATED', meeting: { id: watched.id, title: 'This one' } });
    await watcher.expectQuiet();
  });
});

describe('replay', () => {
  it('a client that reconnects with its last id gets exactly what it missed, in order, then live events', async () => {
    const meeting = await meetingFor([invited]);
    const first = await subscribe(invited);
    await rename(meeting.id, 'Seen');
    const seen = await first.nextEvent();
    await first.close();

    await rename(meeting.id, 'Missed 1');
    await rename(meeting.id, 'Missed 2');
    await start(meeting.id);

    const again = await subscribe(invited, { afterEventId: seen.id });
    const missed = await again.events(3);
    expect(missed.map((event) => event.type)).toEqual(['UPDATED', 'UPDATED', 'STARTED']);
    expect(missed.map((event) => Number(event.id)).every((id) => id > Number(seen.id))).toBe(true);
    await mutate(owner, 'mutation ($id: ID!) { endMeeting(id: $id) { id } }', { id: meeting.id });
    expect((await again.nextEvent()).type).toBe('ENDED');
    await again.expectQuiet();
  });

  it('without afterEventId, a subscription starts with the next event', async () => {
    const meeting = await meetingFor([invited]);
    await rename(meeting.id, 'Before');
    const listening = server.events.listenerCount();
    const watcher = new TestSubscriber(server.url, await server.tokenFor(invited));
    open.push(watcher);
    await (watcher as unknown as { subscribe(): Promise<void> }).subscribe();
    await expect.poll(() => server.events.listenerCount()).toBe(listening + 1);
    await rename(meeting.id, 'After');
    expect(await watcher.nextEvent()).toMatchObject({ meeting: { title: 'After' } });
    await watcher.expectQuiet();
  });

  it('an id older than the kept history is refused, so the client knows to reload', async () => {
    const meeting = await meetingFor([invited]);
    await rename(meeting.id, 'One');
    await rename(meeting.id, 'Two');
    const em = server.em();
    const [oldest] = await em.find(MeetingEventRecord, { id: { $gt: 0 } }, { orderBy: { id: 'asc' }, limit: 1 });
    await em.nativeDelete(MeetingEventRecord, { id: oldest.id });
    const watcher = await subscribe(invited, { afterEventId: String(oldest.id - 1) });
    const [error] = await watcher.nextError();
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'afterEventId' });
  });
});
