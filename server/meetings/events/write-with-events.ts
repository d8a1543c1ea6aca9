import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../platform/clock';
import type { MailJob, MailQueue } from '../notices/mail-job';
import { appendEvents, type EventDraft } from './append-events';
import type { MeetingEventRecord } from './meeting-event.entity';

export interface Outcome<T> {
  result: T;
  events: EventDraft[];
  /** Mail the change sends, queued in the same transaction. */
  mail?: MailJob[];
}

/** Where committed events are announced: this instance's event hub, which wakes the others. */
export interface EventAnnouncer {
  announce(committed: readonly MeetingEventRecord[]): void;
}

/** What a change to meetings needs: an EntityManager to open its transaction from, the time, and where its events and mail go. */
export interface WriteScope {
  em: EntityManager;
  clock: Clock;
  events: EventAnnouncer;
  mailQueue: MailQueue;
}

/**
 * The one way to change meetings: the work and its events commit together or not at all, and
 * subscribers hear of them only once committed.
 */
export async function writeWithEvents<T>(scope: WriteScope, work: (em: EntityManager) => Promise<Outcome<T>>): Promise<T> {
  const { result, appended } = await scope.em.transactional(async (em) => {
    const outcome = await work(em);
    await scope.mailQueue.queue(em, outcome.mail ?? []);
    // The change's own writes go out before the event log's lock is taken: every event writer waits for
    // that lock, and should not wait for another's inserts of a thousand invitations, or its row locks.
    await em.flush();
    return { result: outcome.result, appended: await appendEvents(em, outcome.events, scope.clock) };
  });
  if (appended.length > 0) scope.events.announce(appended);
  return result;
}
