import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Clock } from '../platform/clock';
import type { MailConfig } from '../platform/config';
import type { MailQueue } from '../meetings/notices/mail-job';
import { mailQueueOf, startJobQueue } from './job-queue';
import { createMailTransport } from './mail-transport';
import { startMailWorker } from './mail-worker';
import { startReminderSweeper } from '../meetings/commands/reminders';

export interface MailService {
  mailQueue: MailQueue;
  /** Lets the messages being sent finish (up to 10 s), then closes the queue's connections. */
  stop(): Promise<void>;
}

export interface MailServiceDependencies {
  orm: MikroORM;
  clock: Clock;
  mail: MailConfig;
  logger: Logger;
}

/**
 * The mail queue, and unless `deliver` is false, this instance's share of the work: sending queued
 * messages and queueing due reminders.
 */
export async function startMail(deps: MailServiceDependencies, databaseUrl: string, { deliver = true } = {}): Promise<MailService> {
  const boss = await startJobQueue(databaseUrl, deps.mail, deps.logger);
  const mailQueue = mailQueueOf(boss);
  if (!deliver) return { mailQueue, stop: () => boss.stop({ graceful: false }) };
  const transport = createMailTransport(deps.mail, deps.logger);
  await startMailWorker(boss, { ...deps, transport });
  const sweeper = startReminderSweeper({ ...deps, mailQueue }, deps.logger, deps.mail.reminderSweepIntervalMs);
  return {
    mailQueue,
    async stop() {
      sweeper.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
      transport.close();
    },
  };
}
