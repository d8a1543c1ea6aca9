import { Client } from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ok } from '../../testing/assertions';
import { TestSubscriber } from '../../testing/subscriber';
import { TcpProxy } from '../../testing/tcp-proxy';
import { Role, startTestServer, type TestServer } from '../../testing/test-server';
import type { User } from '../../accounts/model/user.entity';
import { databaseUrl } from './create-database';

/** Anything of the driver, the SQL or the connection that must never reach a client. */
const INTERNALS = /select|insert|update |from "|postgres|pg_|ECONN|terminat|socket|connection|stack/i;

interface LogLine {
  level: number;
  msg: string;
}

function expectServiceUnavailable(response: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }): void {
  expect(response.errors, JSON.stringify(response)).toHaveLength(1);
  expect(response.errors![0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  expect(response.errors![0].message).toMatch(/try again/);
  expect(JSON.stringify(response)).not.toMatch(INTERNALS);
}

describe('when PostgreSQL goes away', () => {
  const serverUrl = inject('databaseServerUrl');
  const logs: LogLine[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  let proxy: TcpProxy;
  let server: TestServer;
  let owner: User;
  let token: string;

  beforeAll(async () => {
    const target = new URL(serverUrl);
    proxy = new TcpProxy(target.hostname, Number(target.port));
    await proxy.start();
    // A short poll: the event hub retries on its own soon after a failed read.
    server = await startTestServer({ eventPollIntervalMs: 200 }, { databaseProxy: proxy, logger });
    owner = await server.createUser(Role.INSTRUCTOR);
    token = await server.tokenFor(owner);
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.cut();
  });

  const me = () => server.graphql('{ me { id } }', {}, token);

  it('requests are answered SERVICE_UNAVAILABLE, retryable, with HTTP 503 and nothing of the driver; the first one after it succeeds', async () => {
    ok(await me());
    await proxy.cut();
    try {
      const during = await me();
      expect(during.status).toBe(503);
      expectServiceUnavailable(during);
    } finally {
      await proxy.restore();
    }
    expect(ok(await me())).toEqual({ me: { id: owner.id } });
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'database unavailable: answered SERVICE_UNAVAILABLE',
        cause: expect.objectContaining({ code: 'ECONNREFUSED' }),
      }),
    );
  });

  it('a WebSocket opened meanwhile is told to try again later (1013), not that its token is bad', async () => {
    await proxy.cut();
    try {
      const subscriber = new TestSubscriber(server.url, token);
      expect((await subscriber.closed).code).toBe(1013);
    } finally {
      await proxy.restore();
    }
    const subscriber = await TestSubscriber.start(server.url, token);
    await subscriber.expectQuiet(200);
    await subscriber.close();
  });

  it('idle connections the database drops are logged, and the process carries on', async () => {
    await Promise.all([me(), me(), me()]);
    logs.length = 0;
    await proxy.cut();
    await proxy.restore();
    await expect.poll(() => logs.some((line) => line.msg.startsWith('the database closed an idle connection'))).toBe(true);
    ok(await me());
  });

  it('a connection killed in the middle of a mutation fails it as SERVICE_UNAVAILABLE, with nothing half-applied', async () => {
    const meeting = await server.createMeeting(owner);
    const lastEventId = await server.lastEventId();
    const direct = new Client({ connectionString: databaseUrl(serverUrl, server.database) });
    // Inside a transaction, pg_stat_activity lists the backends there were when it was first read: one the
    // pool opens later (the pool was emptied by the cut above) would never show. Watch from outside it.
    const observer = new Client({ connectionString: databaseUrl(serverUrl, server.database) });
    await Promise.all([direct.connect(), observer.connect()]);
    try {
      // Holding the meeting's row lock keeps the mutation waiting inside its transaction.
      await direct.query('begin');
      await direct.query('select 1 from meetings where id = $1 for update', [meeting.id]);
      const starting = server.graphql('mutation ($id: ID!) { startMeeting(id: $id) { status } }', { id: meeting.id }, token);
      const waiting = async () =>
        (
          await observer.query("select pid from pg_stat_activity where application_name = 'amphi' and wait_event_type = 'Lock' and datname = $1", [
            server.database,
          ])
        ).rows;
      await expect.poll(waiting).toHaveLength(1);
      const [{ pid }] = await waiting();
      await direct.query('select pg_terminate_backend($1)', [pid]);
      const response = await starting;
      expect(response.status).toBe(200);
      expectServiceUnavailable(response);
      await direct.query('rollback');

      const { rows } = await direct.query(
        'select status, (select count(*)::int from meeting_events where id > $2) as events from meetings where id = $1',
        [meeting.id, lastEventId],
      );
      expect(rows).toEqual([{ status: 'SCHEDULED', events: 0 }]);
      const retried = await server.graphql('mutation ($id: ID!) { startMeeting(id: $id) { status } }', { id: meeting.id }, token);
      expect(ok(retried)).toEqual({ startMeeting: { status: 'LIVE' } });
      // The failed transaction gave its pool slot back: a few of these must not exhaust the pool.
      const pool = await server.orm.em.getConnection().getNativeClient();
      await expect.poll(() => pool.totalCount - pool.idleCount).toBe(0);
    } finally {
      await Promise.all([direct.end(), observer.end()]);
    }
  });

  it('the event hub logs its failed reads and, once the database is back, delivers what other instances committed meanwhile', async () => {
    const other = await startTestServer({}, { sameDatabaseAs: server });
    const meeting = await server.createMeeting(owner);
    const subscriber = await server.subscribe(owner, { meetingId: meeting.id });
    try {
      // Setting the subscription up reads the database too: let it finish first.
      await expect.poll(() => server.events.listenerCount()).toBe(1);
      await proxy.cut();
      try {
        logs.length = 0;
        ok(
          await other.graphql(
            'mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "Moved during the outage" }) { id } }',
            { id: meeting.id },
            await other.tokenFor(owner),
          ),
        );
        await expect.poll(() => logs.some((line) => line.msg === 'event dispatch failed; retrying on the next wake-up')).toBe(true);
      } finally {
        await proxy.restore();
      }
      expect(await subscriber.nextEvent(3_000)).toMatchObject({ type: 'UPDATED', meeting: { id: meeting.id, title: 'Moved during the outage' } });
      await subscriber.expectQuiet();
    } finally {
      await subscriber.close();
      await other.stop();
    }
  });
});
