import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl } from '../platform/database/create-database';
import { ok } from '../testing/assertions';
import { Role, startTestServer, type TestServer } from '../testing/test-server';
import type { User } from '../accounts/model/user.entity';
import type { EventDelivery } from '../meetings/events/event-delivery';

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

  it('are offered to the listeners of an admin, the instructor and the students invited, not to every listener of the instance', async () => {
    const meeting = await server.createMeeting(owner, { students: [student] });
    const offered = new Map<string, string[]>();
    const listener = (name: string, viewer: Pick<User, 'id' | 'role'>) => ({
      viewer,
      receive: (delivery: EventDelivery) => offered.set(name, [...(offered.get(name) ?? []), delivery.record.type]),
    });
    const listeners = [
      listener('admin', { id: randomUUID(), role: Role.ADMIN }),
      listener('owner', owner),
      listener('student', student),
      ...Array.from({ length: 5 }, (_, index) => listener(`stranger ${index}`, { id: randomUUID(), role: Role.STUDENT })),
    ];
    for (const each of listeners) server.events.listen(each);
    try {
      ok(await server.graphql('mutation ($id: ID!) { startMeeting(id: $id) { id } }', { id: meeting.id }, await server.tokenFor(owner)));
      await expect.poll(() => offered.get('student')).toEqual(['STARTED']);
      expect(Object.fromEntries(offered)).toEqual({ admin: ['STARTED'], owner: ['STARTED'], student: ['STARTED'] });
    } finally {
      for (const each of listeners) server.events.unlisten(each);
    }
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
