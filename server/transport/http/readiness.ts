import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';

/** Probes usually give up after a second or two; answer before they do. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

async function databaseAnswers(orm: MikroORM): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), DATABASE_CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([orm.checkConnection().then((check) => check.ok), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness, for load balancers and orchestrators: 200 when the database answers and, with
 * REDIS_URL set, the event bus is connected to Redis; 503 otherwise. The body says which is missing.
 */
export interface ReadinessChecks {
  orm: MikroORM;
  events: { connected(): boolean };
  config: { redisUrl: string | undefined };
}

export function readinessHandler({ orm, events, config }: ReadinessChecks) {
  return async (_request: Request, response: Response) => {
    const database = await databaseAnswers(orm);
    const redis = config.redisUrl ? events.connected() : undefined;
    const ready = database && redis !== false;
    response
      .status(ready ? 200 : 503)
      .set('cache-control', 'no-store')
      .json({
        status: ready ? 'ready' : 'unavailable',
        database: database ? 'ok' : 'unreachable',
        ...(redis === undefined ? {} : { redis: redis ? 'ok' : 'unreachable' }),
      });
  };
}
