import { fromKysely, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { MailConfig } from '../platform/config';
import type { MailQueue } from '../meetings/notices/mail-job';

/** pg-boss keeps its tables in this schema of Amphi's database. */
export const JOB_SCHEMA = 'pgboss';
export const MAIL_QUEUE = 'mail';

/**
 * pg-boss over Amphi's database, on its own small pool, with the mail queue created. Jobs wake the
 * workers of every instance through LISTEN/NOTIFY at once, with polling as the backstop.
 */
export async function startJobQueue(databaseUrl: string, mail: MailConfig, logger: Pick<Logger, 'warn' | 'error'>): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_SCHEMA,
    max: 4,
    application_name: 'amphi-jobs',
    useListenNotify: true,
    registerInstance: false,
    openTelemetry: { enabled: false },
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning) => logger.warn({ warning }, 'job queue warning'));
  await boss.start();
  const retries = { retryLimit: mail.retryLimit, retryDelay: mail.retryDelaySeconds, retryBackoff: true, expireInSeconds: 120 };
  await boss.createQueue(MAIL_QUEUE, { ...retries, notify: true, retryDelayMax: 6 * 60 * 60 });
  // createQueue leaves an existing queue as it was: changed settings apply through updateQueue.
  await boss.updateQueue(MAIL_QUEUE, retries);
  return boss;
}

export function mailQueueOf(boss: PgBoss): MailQueue {
  return {
    async queue(em, jobs) {
      if (jobs.length === 0) return;
      const transaction = em.getTransactionContext();
      if (!transaction) throw new Error('Mail is queued inside the transaction of the change it tells about');
      await boss.insert(
        MAIL_QUEUE,
        jobs.map((data) => ({ data })),
        { db: fromKysely(transaction as never) },
      );
    },
  };
}
