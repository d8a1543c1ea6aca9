import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createInProcessBus, createRedisBus } from '../live/event-bus';
import { EventHub } from '../live/event-hub';
import { type EventDelivery, loadDelivery } from '../meetings/events/event-delivery';
import type { MeetingEventRecord } from '../meetings/events/meeting-event.entity';
import { meetingEventLog } from '../meetings/events/meeting-event-log';
import { meetingEventAudience } from '../meetings/events/meeting-event-audience';
import type { AppConfig } from '../platform/config';

/** This instance's hub of meeting events, joined to the other instances through Redis when REDIS_URL is set. */
export function startEvents(orm: MikroORM, config: AppConfig, logger: Logger): Promise<EventHub<MeetingEventRecord, EventDelivery>> {
  return EventHub.start({
    log: meetingEventLog(orm),
    load: (record) => loadDelivery(orm, record),
    audience: meetingEventAudience,
    bus: config.redisUrl ? createRedisBus(config.redisUrl, logger) : createInProcessBus(),
    logger,
    pollIntervalMs: config.eventPollIntervalMs,
    retentionHours: config.eventRetentionHours,
  });
}
