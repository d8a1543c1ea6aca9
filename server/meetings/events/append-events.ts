import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../platform/clock';
import { MeetingEventRecord } from './meeting-event.entity';
import type { MeetingEventType } from '../model/meeting-event-type';

export interface EventDraft {
  type: MeetingEventType;
  meetingId: string;
  participantId?: string;
  userId?: string;
}

/** pg_advisory_xact_lock key reserved for the event log ("amphi" in ASCII). */
export const EVENT_LOG_LOCK = 0x616d706869;

/**
 * Adds events to the transaction, and returns their records (with their ids once committed). The
 * advisory lock, held until commit, makes event-writing transactions commit one at a time from here
 * on, so ids are assigned in commit order: once a reader sees id N, every event below N is committed
 * too, and "after id N" never skips one.
 *
 * Call it last in a transaction, once the change's own writes are flushed (only the events' insert and
 * the commit may follow): the lock is then held for two statements, and rows are always locked before
 * it, never the other way round, so two transactions cannot wait on each other.
 *
 * The events' time is read once the lock is held, so that it never goes back as ids go up, and
 * stands as near the commit as it can.
 */
export async function appendEvents(em: EntityManager, drafts: EventDraft[], clock: Clock): Promise<MeetingEventRecord[]> {
  if (drafts.length === 0) return [];
  await em.execute('select pg_advisory_xact_lock(?)', [EVENT_LOG_LOCK]);
  const at = clock.now();
  const records = drafts.map((draft) => new MeetingEventRecord({ ...draft, at }));
  em.persist(records);
  return records;
}
