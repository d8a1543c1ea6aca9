import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AppConfig } from '../platform/config';
import { createInProcessBus, createRedisBus } from '../live/event-bus';
import { EventHub } from '../live/event-hub';

/** This instance's event hub, joined to the others through Redis when REDIS_URL is set. */
export function startEvents(orm: MikroORM, config: AppConfig, logger: Logger): Promise<EventHub> {
  return EventHub.start({
    orm,
    bus: config.redisUrl ? createRedisBus(config.redisUrl, logger) : createInProcessBus(),
    logger,
    pollIntervalMs: config.eventPollIntervalMs,
    retentionHours: config.eventRetentionHours,
  });
}
