import { Client } from 'pg';
import { Swarm } from '../load/swarm';
import { AmphiBroadcaster } from '../measure/amphi-broadcaster';
import { compareFanOut, type FanOutSize } from '../measure/fan-out';
import { coresPinned } from '../processes/child-processes';
import { startBenchRedis } from '../processes/redis';
import { startAmphi } from '../servers/launch';
import type { BenchContext } from './bench-context';

export interface ScaleOut {
  redis: string;
  sizes: FanOutSize[];
  /** The second instance ran on the load generators' core (pinned): that core's load then bounds the two-instance side. */
  secondInstanceBesideLoad: boolean;
}

/** Each instance hears the others through Redis only: a poll would hide a slow wake-up. */
const NO_POLLING_MS = 600_000;

/**
 * The same fan-out twice over one database, taking turns: all clients on one instance, or split
 * between two instances that share Redis, with the change committed on the first. The two set-ups
 * invite different listeners, so neither's clients receive the other's events. Scaling out means
 * more CPU: the second instance runs on the other core (beside the load generators), as it would
 * run on another machine; on one core, two instances could only be slower than one.
 */
export async function runScaleOutPhase({ children, database, settings, log, profile }: BenchContext): Promise<ScaleOut | null> {
  const redis = await startBenchRedis();
  if (!redis) {
    log('scale-out skipped: no REDIS_URL and no redis-server on PATH');
    return null;
  }
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const single = await startAmphi(children, 'amphi-single', { databaseUrl: database.url, eventPollIntervalMs: NO_POLLING_MS });
    const first = await startAmphi(children, 'amphi-a', { databaseUrl: database.url, redisUrl: redis.url, eventPollIntervalMs: NO_POLLING_MS });
    const second = await startAmphi(children, 'amphi-b', {
      databaseUrl: database.url,
      redisUrl: redis.url,
      eventPollIntervalMs: NO_POLLING_MS,
      core: 'load',
    });
    const [singleSwarm, splitSwarm] = [Swarm.start(children, 'swarm-single'), Swarm.start(children, 'swarm-split')];
    const clients = settings.scaleOutClients;
    try {
      const sizes = await compareFanOut(
        new AmphiBroadcaster('two instances', [first, second], splitSwarm, client, 1 + clients),
        new AmphiBroadcaster('one instance', [single], singleSwarm, client, 1),
        [clients],
        settings.fanOut.rounds,
        log,
        profile ? 'scale-out' : undefined,
      );
      return { redis: redis.origin, sizes, secondInstanceBesideLoad: coresPinned() };
    } finally {
      await Promise.all([singleSwarm.stop(), splitSwarm.stop(), single.child.stop(), first.child.stop(), second.child.stop()]);
    }
  } finally {
    await client.end();
    await redis.stop();
  }
}
