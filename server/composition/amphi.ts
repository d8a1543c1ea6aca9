import pino, { type Logger } from 'pino';
import { createSignInLimiter } from '../accounts/sign-in/sign-in-limiter';
import { createTokenService } from '../accounts/sign-in/token';
import { calendarRoutes } from '../calendar/http-routes';
import { createRoomTokenIssuer } from '../jitsi/room-token';
import { startMail } from '../mail/start-mail';
import { startPresenceSweeper } from '../meetings/commands/presence-sweeper';
import { meetingRoutes } from '../meetings/http-routes';
import { type Clock, systemClock } from '../platform/clock';
import type { AppConfig } from '../platform/config';
import { readOrCreateSecret } from '../platform/data-dir';
import { type Database, openDatabase } from '../platform/database/database';
import { hasAnyUser, seedDemoData } from '../seed/demo-data';
import { type App, createHttpApp } from '../transport/http/app';
import { type AppDependencies, operationContexts } from './context';
import { entities } from './entities';
import { buildAppSchema } from './schema';
import { startEvents } from './start-events';

export interface AmphiOptions {
  clock?: Clock;
  logger?: Logger;
  /** Sees every SQL statement the app runs (tests count them). */
  onQuery?: (sql: string) => void;
  /**
   * The work an instance does besides answering: sending the queued mail, queueing due reminders,
   * closing the visits of silent rooms. On by default; tests that run it by hand turn it off.
   */
  background?: boolean;
}

/** A running Amphi: its HTTP server, and what it is made of, for the tests to reach behind the API. */
export interface Amphi {
  app: App;
  deps: AppDependencies;
  database: Database;
  /** Drains the connections, then stops everything it started, the embedded database last. */
  stop(): Promise<void>;
}

/**
 * The one place that wires the app, for `npm start`, the tests, the end-to-end tests and the
 * benchmark alike: the database (embedded unless DATABASE_URL is set, migrated), the event hub, the
 * mail queue, the sign-in limits, and the HTTP and WebSocket server with every feature's routes.
 */
export async function startAmphi(config: AppConfig, options: AmphiOptions = {}): Promise<Amphi> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel, redact: ['req.headers.authorization', 'token', 'jwt'] });
  const background = options.background ?? true;
  const database = await openDatabase(config, logger, { entities, onQuery: options.onQuery });
  const { orm } = database;

  if (config.seedDemoData && !(await hasAnyUser(orm.em.fork()))) {
    await seedDemoData(orm.em.fork());
    logger.info('seeded demo accounts (password "amphi-demo"): admin@amphi.test, instructor@amphi.test, student1@amphi.test …');
  }

  const jwtSecret = config.jwtSecret ?? readOrCreateSecret(config.dataDir, 'jwt-secret');
  const events = await startEvents(orm, config, logger);
  const signInLimiter = createSignInLimiter(config);
  const mail = await startMail({ orm, clock, mail: config.mail, logger }, database.url, { deliver: background });
  if (background && !config.mail.smtpUrl) logger.info(`SMTP_URL is unset: mail is written to ${config.mail.outboxDir}`);
  const deps: AppDependencies = {
    orm,
    config,
    clock,
    tokens: createTokenService(jwtSecret, config.jwtExpiresIn),
    logger,
    events,
    roomTokens: createRoomTokenIssuer(config.jitsiToken),
    signInLimiter,
    mailQueue: mail.mailQueue,
  };
  const contexts = operationContexts(deps);
  const routeDependencies = { contextFor: (authorization: string | undefined) => contexts.operation(authorization, 'unknown'), logger };
  const app = await createHttpApp({
    config,
    logger,
    schema: await buildAppSchema(),
    contexts,
    routes: [meetingRoutes(routeDependencies), calendarRoutes(routeDependencies)],
    readiness: { orm, events, config },
  });
  const presenceSweeper = background ? startPresenceSweeper({ orm, clock, events, mailQueue: mail.mailQueue }, logger) : null;

  return {
    app,
    deps,
    database,
    async stop() {
      presenceSweeper?.stop();
      await app.stop();
      await mail.stop();
      await events.close();
      await signInLimiter.close();
      await database.close();
    },
  };
}
