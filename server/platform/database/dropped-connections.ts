import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

/**
 * Logs pooled connections that the database closed while idle (a restart, a failover, a network
 * cut). `pg` reports them as an 'error' event on the pool, which would be a fatal uncaught exception
 * without a listener; MikroORM adds a silent one, this one makes the outage visible in the logs.
 * Requests in flight fail on their own and are answered as SERVICE_UNAVAILABLE.
 */
export async function logDroppedConnections(orm: MikroORM, logger: Pick<Logger, 'warn'>): Promise<void> {
  const pool = await orm.em.getConnection().getNativeClient();
  pool.on('error', (error: Error & { code?: string }) => {
    logger.warn({ err: { message: error.message, code: error.code } }, 'the database closed an idle connection; a new one is opened when needed');
  });
}
