// npm run test:faults — takes its own PostgreSQL down under a write load; not part of `npm test`.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../testing/free-port';
import { type ServerProcess, startServerProcess } from '../../testing/server-process';
import { TestSubscriber } from '../../testing/subscriber';
import { databaseUrl, ensureDatabase } from './create-database';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

/** How long the database stays away in each fault. */
const OUTAGE_MS = 1_500;
/** The service must be back (a write acknowledged and /readyz 200) this soon after the database. */
const RECOVERY_BUDGET_MS = 5_000;
const WRITERS = 3;
/** Bounds the load even if stopping it were broken: no writer makes more attempts than this. */
const MAX_ATTEMPTS_PER_WRITER = 5_000;
const REQUEST_TIMEOUT_MS = 15_000;
/** Anything of the driver, the SQL or the connection that must never reach a client. */
const INTERNALS = /select|insert|update |from "|postgres|pg_|ECONN|terminat|socket|connection|stack/i;

interface Attempt {
  kind: 'createMeeting' | 'respondToInvitation';
  /** The meeting's title: what the database is checked against. */
  title: string;
  startedAt: number;
  /** HTTP status, or the reason there was none. */
  status: number | string;
  body?: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

const acknowledged = (attempt: Attempt) => attempt.status === 200 && attempt.body !== undefined && !attempt.body.errors;

/** Everything wrong with a refused write: it must be a retryable SERVICE_UNAVAILABLE and show nothing internal. */
function refusalProblems(attempt: Attempt): string[] {
  const problems: string[] = [];
  const error = attempt.body?.errors?.[0];
  if (typeof attempt.status !== 'number' || ![200, 503].includes(attempt.status)) problems.push(`HTTP ${attempt.status}`);
  if (error?.extensions?.code !== 'SERVICE_UNAVAILABLE' || error.extensions.retryable !== true)
    problems.push(`extensions ${JSON.stringify(error?.extensions)}`);
  if (INTERNALS.test(JSON.stringify(attempt.body ?? ''))) problems.push(`leaks ${JSON.stringify(attempt.body)}`);
  return problems.map((problem) => `${attempt.kind} "${attempt.title}": ${problem}`);
}

class Amphi {
  constructor(
    readonly url: string,
    private readonly attempts: Attempt[],
  ) {}

  async graphql(query: string, variables: Record<string, unknown>, token?: string): Promise<{ status: number; body: Attempt['body'] }> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { status: response.status, body: (await response.json()) as Attempt['body'] };
  }

  async signIn(email: string): Promise<{ token: string; id: string }> {
    const { body } = await this.graphql('mutation ($email: String!) { signIn(email: $email, password: "amphi-demo") { token user { id } } }', {
      email,
    });
    return { token: body!.data.signIn.token, id: body!.data.signIn.user.id };
  }

  async readyz(): Promise<number> {
    return (await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })).status;
  }

  /** One write, recorded whatever happens to it. */
  async write(kind: Attempt['kind'], title: string, query: string, variables: Record<string, unknown>, token: string): Promise<Attempt> {
    const attempt: Attempt = { kind, title, startedAt: Date.now(), status: 'pending' };
    this.attempts.push(attempt);
    try {
      Object.assign(attempt, await this.graphql(query, variables, token));
    } catch (error) {
      attempt.status = `no answer: ${String(error)}`;
    }
    return attempt;
  }

  createMeeting(title: string, instructor: string, studentId: string): Promise<Attempt> {
    const input = { title, scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), durationMinutes: 60, studentIds: [studentId] };
    return this.write(
      'createMeeting',
      title,
      'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
      { input },
      instructor,
    );
  }

  accept(title: string, meetingId: string, student: string): Promise<Attempt> {
    return this.write(
      'respondToInvitation',
      title,
      'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: ACCEPT) { rsvp } }',
      { id: meetingId },
      student,
    );
  }
}

/** Writers creating meetings, and the invited student accepting each one that was acknowledged. */
function startWriteLoad(amphi: Amphi, instructor: string, student: { token: string; id: string }): { stop(): Promise<void> } {
  let running = true;
  const writer = async (index: number) => {
    for (let attempt = 0; running && attempt < MAX_ATTEMPTS_PER_WRITER; attempt += 1) {
      const title = `load ${index}-${attempt}`;
      const created = await amphi.createMeeting(title, instructor, student.id);
      if (acknowledged(created)) await amphi.accept(title, created.body!.data.createMeeting.id, student.token);
      await sleep(10);
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, index) => writer(index));
  return {
    async stop() {
      running = false;
      await Promise.all(writers);
    },
  };
}

/** Milliseconds until a probe write is acknowledged and /readyz answers 200. */
async function timeToRecovery(amphi: Amphi, instructor: string, student: { id: string }, label: string): Promise<number> {
  const since = Date.now();
  let written = false;
  let ready = false;
  for (let probe = 0; !(written && ready) && Date.now() - since < 30_000; probe += 1) {
    written ||= acknowledged(await amphi.createMeeting(`probe ${label} ${probe}`, instructor, student.id));
    ready ||= (await amphi.readyz()) === 200;
    if (!(written && ready)) await sleep(50);
  }
  return Date.now() - since;
}

describe('PostgreSQL restarted, then killed, while writes run', () => {
  const attempts: Attempt[] = [];
  let folder: string;
  let database: EmbeddedDatabase;
  let databaseRunning = false;
  let dataDirectory: string;
  let server: ServerProcess;
  let amphi: Amphi;
  let exitedWith: string | null = null;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'amphi-faults-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder.
    chmodSync(folder, 0o755);
    dataDirectory = path.join(folder, 'data');
    database = await startEmbeddedPostgres({ directory: dataDirectory, port: await freePort(), password: 'amphi-faults' });
    databaseRunning = true;
    await ensureDatabase(database.serverUrl, 'amphi');
    const port = await freePort();
    server = startServerProcess({
      DATABASE_URL: databaseUrl(database.serverUrl, 'amphi'),
      PORT: String(port),
      DATA_DIR: folder,
      // One instance on its own: the scale-out paths have their own tests.
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    });
    server.child.once('exit', (code, signal) => (exitedWith = `code ${code}, signal ${signal}`));
    amphi = new Amphi(`http://127.0.0.1:${port}`, attempts);
    expect((await server.waitFor(`${amphi.url}/readyz`)).status).toBe(200);
  });

  afterAll(async () => {
    await server?.kill();
    if (databaseRunning) await database.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('never crashes, keeps every acknowledged write, refuses the others as retryable, and is back within 5 s of the database', async () => {
    const instructor = (await amphi.signIn('instructor@amphi.test')).token;
    const student = await amphi.signIn('student1@amphi.test');
    const subscriber = await TestSubscriber.start(`${amphi.url}/graphql`, instructor, { fields: 'id type meeting { id title }' });
    const load = startWriteLoad(amphi, instructor, student);
    const outages: Array<{ fault: string; recoveryMs: number; refused: number }> = [];

    const outage = async (fault: string, takeDown: () => Promise<void>, bringBack: () => Promise<void>) => {
      await sleep(1_000);
      const downAt = Date.now();
      await takeDown();
      databaseRunning = false;
      await sleep(OUTAGE_MS);
      await bringBack();
      databaseRunning = true;
      const recoveryMs = await timeToRecovery(amphi, instructor, student, fault);
      const refused = attempts.filter((attempt) => attempt.startedAt >= downAt && !acknowledged(attempt)).length;
      outages.push({ fault, recoveryMs, refused });
    };

    try {
      await outage(
        'restart (stop + start)',
        () => database.stop(),
        () => database.start(),
      );
      await outage(
        'SIGKILL of the postmaster',
        async () => {
          const postmaster = Number(readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
          process.kill(postmaster, 'SIGKILL');
        },
        // Its orphaned backends may still hold the shared memory for a moment: PostgreSQL then refuses to start.
        async () => {
          for (let attempt = 1; ; attempt += 1) {
            try {
              return await database.start();
            } catch (error) {
              if (attempt === 50) throw error;
              await sleep(200);
            }
          }
        },
      );
      await sleep(1_000);
    } finally {
      await load.stop();
    }
    console.info(`database faults: ${JSON.stringify(outages)}; ${attempts.length} writes, ${attempts.filter(acknowledged).length} acknowledged`);

    expect(exitedWith, server.output()).toBeNull();
    for (const { fault, recoveryMs, refused } of outages) {
      expect(refused, `${fault}: the write load never met the outage`).toBeGreaterThan(0);
      expect(recoveryMs, `${fault}: service back ${recoveryMs} ms after the database`).toBeLessThan(RECOVERY_BUDGET_MS);
    }
    expect(attempts.filter((attempt) => !acknowledged(attempt)).flatMap(refusalProblems)).toEqual([]);

    const client = new Client({ connectionString: databaseUrl(database.serverUrl, 'amphi') });
    await client.connect();
    try {
      const titles = (kind: Attempt['kind']) =>
        attempts.filter((attempt) => attempt.kind === kind && acknowledged(attempt)).map((attempt) => attempt.title);
      const created = await client.query<{ title: string }>('select title from meetings where title = any($1)', [titles('createMeeting')]);
      expect(new Set(created.rows.map((row) => row.title))).toEqual(new Set(titles('createMeeting')));
      const accepted = await client.query<{ title: string }>(
        "select m.title from meeting_participants p join meetings m on m.id = p.meeting_id where p.rsvp = 'ACCEPTED' and m.title = any($1)",
        [titles('respondToInvitation')],
      );
      expect(new Set(accepted.rows.map((row) => row.title))).toEqual(new Set(titles('respondToInvitation')));
    } finally {
      await client.end();
    }

    // The subscription opened before the faults still works after them, and missed no acknowledged meeting.
    try {
      const last = await amphi.createMeeting('after the faults', instructor, student.id);
      expect(acknowledged(last), JSON.stringify(last)).toBe(true);
      const received: string[] = [];
      const ids: number[] = [];
      for (let event = await subscriber.nextEvent(10_000); ; event = await subscriber.nextEvent(10_000)) {
        ids.push(Number(event.id));
        if (event.type === 'CREATED') received.push(event.meeting.title);
        if (event.meeting.title === 'after the faults') break;
      }
      const missing = attempts.filter((attempt) => attempt.kind === 'createMeeting' && acknowledged(attempt) && !received.includes(attempt.title));
      expect(missing.map((attempt) => attempt.title)).toEqual([]);
      expect(
        ids.every((id, index) => index === 0 || id > ids[index - 1]),
        'events in id order, each once',
      ).toBe(true);
    } finally {
      await subscriber.close();
    }
  });
});
