import { randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import pino, { type Logger } from 'pino';
import { inject } from 'vitest';
import { Role } from '../accounts/model/role';
import { User } from '../accounts/model/user.entity';
import { hashPassword } from '../accounts/sign-in/password';
import { startAmphi } from '../composition/amphi';
import type { AppDependencies } from '../composition/context';
import type { MailQueue } from '../meetings/notices/mail-job';
import { Meeting } from '../meetings/model/meeting.entity';
import { MeetingParticipant } from '../meetings/model/participant.entity';
import { type AppConfig, loadConfig } from '../platform/config';
import { databaseUrl, dropDatabase, ensureDatabase } from '../platform/database/create-database';
import { TEMPLATE_DATABASE } from './template-database';
import type { TcpProxy } from './tcp-proxy';
import { TestClock } from './test-clock';
import { TEST_MAIL_CONFIG } from './test-mail-config';
import { type SubscriptionOptions, TestSubscriber } from './subscriber';

export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestServer {
  url: string;
  orm: MikroORM;
  clock: TestClock;
  config: AppConfig;
  /** Every SQL statement the server ran since the last reset, in order. */
  statements: string[];
  events: AppDependencies['events'];
  mailQueue: MailQueue;
  database: string;
  /** The newest event id in the log ('0' when empty). */
  lastEventId(): Promise<string>;
  /**
   * A graphql-ws subscriber to meetingEvents (or meetingEvent with `meetingId`). Without an explicit
   * afterEventId it resumes after the newest event, so no event committed after this call is missed
   * however long the server takes to set the subscription up.
   */
  subscribe(user: User, options?: SubscriptionOptions): Promise<TestSubscriber>;
  /** A fresh EntityManager for arranging and checking data behind the API's back. */
  em(): EntityManager;
  graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  tokenFor(user: User): Promise<string>;
  createUser(role: Role, displayName?: string): Promise<User>;
  /** A meeting owned by `instructor`, starting `startsInMinutes` from now (default 5: startable). */
  createMeeting(
    instructor: User,
    options?: { students?: User[]; startsInMinutes?: number; durationMinutes?: number; title?: string },
  ): Promise<Meeting>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** A second instance of the same deployment, over the same database. */
  sameDatabaseAs?: TestServer;
  /** The app reaches PostgreSQL through this proxy (started, aimed at the test database server): cut it to take the database away. */
  databaseProxy?: TcpProxy;
  /** Silent by default. */
  logger?: Logger;
  /** Send queued mail and queue due reminders, as a real instance does; off by default (mail is only queued). */
  deliverMail?: boolean;
}

let passwordHash: Promise<string> | undefined;

/**
 * The real app on a random port, over its own database copied from the migrated template, or over
 * another test server's database (a second instance of the same deployment).
 */
export async function startTestServer(overrides: Partial<AppConfig> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const serverUrl = inject('databaseServerUrl');
  const ownsDatabase = !options.sameDatabaseAs;
  const database = options.sameDatabaseAs?.database ?? `amphi_test_${randomBytes(6).toString('hex')}`;
  if (ownsDatabase) await ensureDatabase(serverUrl, database, TEMPLATE_DATABASE);
  const appDatabaseUrl = new URL(databaseUrl(serverUrl, database));
  if (options.databaseProxy) appDatabaseUrl.host = `127.0.0.1:${options.databaseProxy.port}`;
  const clock = new TestClock();
  const config: AppConfig = {
    ...loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: appDatabaseUrl.toString(),
      DATABASE_POOL_MAX: '20',
      DATA_DIR: '/nonexistent',
      JWT_SECRET: TEST_JWT_SECRET,
      JWT_EXPIRES_IN: '1h',
      JITSI_DOMAIN: 'meet.example.test',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
    }),
    mail: TEST_MAIL_CONFIG,
    ...overrides,
  };
  const statements: string[] = [];
  const amphi = await startAmphi(config, {
    clock,
    logger: options.logger ?? pino({ level: 'silent' }),
    onQuery: (sql) => statements.push(sql),
    background: options.deliverMail ?? false,
  });
  const { app, deps } = amphi;
  const { orm, events, mailQueue, tokens } = deps;
  const port = await app.listen(0);
  const url = `http://127.0.0.1:${port}/graphql`;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  let userCount = 0;

  const server: TestServer = {
    url,
    orm,
    clock,
    config,
    statements,
    events,
    mailQueue,
    database,
    async lastEventId() {
      const [row] = await orm.em.fork().execute<Array<{ max: string | null }>>('select max(id) as max from meeting_events');
      return String(row?.max ?? 0);
    },
    async subscribe(user, options = {}) {
      const afterEventId = options.afterEventId ?? (await server.lastEventId());
      return TestSubscriber.start(url, await tokens.issue(user.id), { ...options, afterEventId });
    },
    em: () => orm.em.fork(),
    async graphql(query, variables, token) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    tokenFor: (user) => tokens.issue(user.id),
    async createUser(role, displayName) {
      userCount += 1;
      const name = displayName ?? `${role.toLowerCase()} ${userCount}`;
      const user = new User({
        email: `${name.replace(/\W+/g, '.')}.${userCount}@test.amphi`,
        displayName: name,
        role,
        passwordHash: await passwordHash!,
      });
      await orm.em.fork().persist(user).flush();
      return user;
    },
    async createMeeting(instructor, { students = [], startsInMinutes = 5, durationMinutes = 60, title = 'Test meeting' } = {}) {
      const em = orm.em.fork();
      const meeting = new Meeting({
        title,
        scheduledAt: new Date(clock.now().getTime() + startsInMinutes * 60_000),
        durationMinutes,
        instructor: ref(em.getReference(User, instructor.id)),
      });
      em.persist(meeting);
      for (const student of students) {
        em.persist(new MeetingParticipant(ref(meeting), ref(em.getReference(User, student.id)), clock.now()));
      }
      await em.flush();
      return meeting;
    },
    async stop() {
      await amphi.stop();
      if (ownsDatabase) await dropDatabase(serverUrl, database);
    },
  };
  return server;
}

export { Role };
