import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ok } from '../testing/assertions';
import { TcpProxy } from '../testing/tcp-proxy';
import { Role, startTestServer, type TestServer } from '../testing/test-server';
import type { User } from '../accounts/model/user.entity';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('Scale-out tests SKIPPED: set REDIS_URL (e.g. redis://127.0.0.1:6379) to run them.');

/** No poll within a test's time: what arrives came through Redis. */
const NO_POLLING = { eventPollIntervalMs: 600_000 };

describe.skipIf(!REDIS_URL)('two instances sharing PostgreSQL and Redis', () => {
  let proxy: TcpProxy;
  let a: TestServer;
  let b: TestServer;
  let owner: User;
  let student: User;

  beforeAll(async () => {
    const target = new URL(REDIS_URL!);
    proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
    const redisUrl = `redis://127.0.0.1:${proxy.port}`;
    a = await startTestServer({ ...NO_POLLING, redisUrl });
    b = await startTestServer({ ...NO_POLLING, redisUrl }, { sameDatabaseAs: a });
    await vi.waitFor(() => expect(a.events.connected() && b.events.connected()).toBe(true), { timeout: 10_000 });
    owner = await a.createUser(Role.INSTRUCTOR);
    student = await a.createUser(Role.STUDENT);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await proxy?.cut();
  });

  const rename = async (server: TestServer, id: string, title: string) =>
    ok(
      await server.graphql(
        'mutation ($id: ID!, $title: String!) { updateMeeting(id: $id, input: { title: $title }) { id } }',
        { id, title },
        await server.tokenFor(owner),
      ),
    );

  it('a meeting started on A reaches a subscriber on B within a second', async () => {
    const meeting = await a.createMeeting(owner, { students: [student] });
    const subscriber = await b.subscribe(student);
    try {
      const startedAt = Date.now();
      ok(await a.graphql('mutation ($id: ID!) { startMeeting(id: $id) { id } }', { id: meeting.id }, await a.tokenFor(owner)));
      expect(await subscriber.nextEvent(1_000)).toMatchObject({ type: 'STARTED', meeting: { id: meeting.id, status: 'LIVE' } });
      expect(Date.now() - startedAt).toBeLessThan(1_000);
    } finally {
      await subscriber.close();
    }
  });

  it('changes made on both instances arrive everywhere in commit order, once each', async () => {
    const meeting = await a.createMeeting(owner, { students: [student] });
    const onA = await a.subscribe(student, { meetingId: meeting.id });
    const onB = await b.subscribe(student, { meetingId: meeting.id });
    try {
      for (let index = 0; index < 6; index += 1) await rename(index % 2 === 0 ? a : b, meeting.id, `Title ${index}`);
      for (const subscriber of [onA, onB]) {
        const events = await subscriber.events(6);
        const ids = events.map((event) => Number(event.id));
        expect(ids).toEqual([...ids].sort((x, y) => x - y));
        expect(new Set(ids).size).toBe(6);
        await subscriber.expectQuiet();
      }
    } finally {
      await Promise.all([onA.close(), onB.close()]);
    }
  });

  it('50 parallel transitions over both instances, again and again: one winner each time, one event per subscriber', async () => {
    const token = await a.tokenFor(owner);
    const transition = (server: TestServer, name: string, id: string) =>
      server.graphql(`mutation ($id: ID!) { ${name}(id: $id) { status } }`, { id }, token);
    for (let round = 0; round < 3; round += 1) {
      const meeting = await a.createMeeting(owner, { students: [student] });
      const watchers = [await a.subscribe(student, { meetingId: meeting.id }), await b.subscribe(owner, { meetingId: meeting.id })];
      try {
        // Starts and cancels race on a scheduled meeting: exactly one of them wins.
        const opening = await Promise.all(
          Array.from({ length: 50 }, (_, index) => transition(index % 2 ? a : b, index % 3 ? 'startMeeting' : 'cancelMeeting', meeting.id)),
        );
        const winners = opening.filter((response) => !response.errors);
        expect(winners).toHaveLength(1);
        expect(opening.filter((response) => response.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(49);
        const firstEvent = winners[0].data.startMeeting ? 'STARTED' : 'CANCELLED';
        const expected = [firstEvent];
        if (firstEvent === 'STARTED') {
          const ending = await Promise.all(Array.from({ length: 50 }, (_, index) => transition(index % 2 ? a : b, 'endMeeting', meeting.id)));
          expect(ending.filter((response) => !response.errors)).toHaveLength(1);
          expect(ending.filter((response) => response.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(49);
          expected.push('ENDED');
        }
        for (const watcher of watchers) expect((await watcher.drain(500)).map((event) => event.type)).toEqual(expected);
      } finally {
        await Promise.all(watchers.map((watcher) => watcher.close()));
      }
    }
  });

  it('while Redis is down, mutations keep committing; when it is back, subscribers get every event they missed', async () => {
    const meeting = await a.createMeeting(owner, { students: [student] });
    const subscriber = await b.subscribe(student, { meetingId: meeting.id });
    try {
      await proxy.cut();
      await expect.poll(() => b.events.connected()).toBe(false);
      for (let index = 1; index <= 3; index += 1) await rename(a, meeting.id, `During the outage ${index}`);
      await subscriber.expectQuiet(500);

      await proxy.restore();
      const caughtUp = await subscriber.events(3, 10_000);
      // B caught up as soon as its subscriber was back; A's publisher may reconnect a moment later.
      await vi.waitFor(() => expect(a.events.connected() && b.events.connected()).toBe(true), { timeout: 10_000 });
      expect(caughtUp.map((event) => event.meeting.title)).toEqual(Array(3).fill(expect.stringMatching(/^During the outage \d$/)));
      const ids = caughtUp.map((event) => Number(event.id));
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      await subscriber.expectQuiet();

      await rename(a, meeting.id, 'After the outage');
      expect((await subscriber.nextEvent(1_000)).meeting.title).toBe('After the outage');
    } finally {
      await subscriber.close();
    }
  });
});
