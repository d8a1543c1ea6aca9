import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl } from '../database/create-database';
import { ok } from '../testing/assertions';
import { Role, startTestServer, type TestServer } from '../testing/test-server';
import type { User } from '../user/user.entity';

const READS_THE_LOG = /^select .* from "meeting_events"/s;

describe('dispatching the events committed on this instance', () => {
  let server: TestServer;
  let owner: User;
  let student: User;

  // No poll during the test: every read of the log is one the dispatch needed.
  beforeAll(async () => {
    server = await startTestServer({ eventPollIntervalMs: 600_000 });
    [owner, student] = await Promise.all([server.createUser(Role.INSTRUCTOR), server.createUser(Role.STUDENT)]);
  });
  afterAll(() => server.stop());

  async function startAndWatch() {
    const meeting = await server.createMeeting(owner, { students: [student] });
    const watcher = await server.subscribe(student);
    // Let the subscription's own replay of the log finish before counting.
    await watcher.expectQuiet(300);
    server.statements.length = 0;
    ok(await server.graphql('mutation ($id: ID!) { startMeeting(id: $id) { id } }', { id: meeting.id }, await server.tokenFor(owner)));
    const event = await watcher.nextEvent();
    await watcher.close();
    return { meeting, event, logReads: server.statements.filter((sql) => READS_THE_LOG.test(sql)) };
  }

  it('go to the subscribers without reading the log back', async () => {
    const { meeting, event, logReads } = await startAndWatch();
    expect(event).toMatchObject({ type: 'STARTED', meeting: { id: meeting.id } });
    expect(logReads).toEqual([]);
  });

  it('after an id a rolled-back transaction used, the log is read, and the event still arrives', async () => {
    const direct = new Client({ connectionString: databaseUrl(inject('databaseServerUrl'), server.database) });
    await direct.connect();
    try {
      await direct.query('begin');
      await direct.query("insert into meeting_events (type, meeting_id, at) values ('UPDATED', gen_random_uuid(), now())");
      await direct.query('rollback');
    } finally {
      await direct.end();
    }
    const { meeting, event, logReads } = await startAndWatch();
    expect(event).toMatchObject({ type: 'STARTED', meeting: { id: meeting.id } });
    expect(logReads).toHaveLength(1);
  });
});
