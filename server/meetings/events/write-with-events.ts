import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../composition/context';
import type { MailJob } from '../notices/mail-job';
import { appendEvents, type EventDraft } from './append-events';

export interface Outcome<T> {
  result: T;
  events: EventDraft[];
  /** Mail the change sends, queued in the same transaction. */
  mail?: MailJob[];
}

export type WriteContext = Pick<Context, 'em' | 'clock' | 'events' | 'mailQueue'>;

/**
 * The one way to change meetings: the work and its events commit together or not at all, and
 * subscribers hear of them only once committed.
 */
export async function writeWithEvents<T>(
  ctx: WriteContext,
  work: (em: EntityManager) => Promise<Outcome<T>>,
): Promise<T> {
  const { result, appended } = await ctx.em.transactional(async (em) => {
    const outcome = await work(em);
    await ctx.mailQueue.queue(em, outcome.mail ?? []);
    // The change's own writes go out before the event log's lock is taken: every event writer waits for
    // that lock, and should not wait for another's inserts of a thousand invitations, or its row locks.
    await em.flush();
    return { result: outcome.result, appended: await appendEvents(em, outcome.events, ctx.clock) };
  });
  if (appended.length > 0) ctx.events.announce(appended);
  return result;
}
