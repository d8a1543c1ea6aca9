import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { appendEvents, type EventDraft } from './append-events';

export interface Outcome<T> {
  result: T;
  events: EventDraft[];
}

/**
 * The one way to change meetings: the work and its events commit together or not at all, and
 * subscribers hear of them only once committed.
 */
export async function writeWithEvents<T>(
  ctx: Pick<Context, 'em' | 'clock' | 'events'>,
  work: (em: EntityManager) => Promise<Outcome<T>>,
): Promise<T> {
  const { result, appended } = await ctx.em.transactional(async (em) => {
    const outcome = await work(em);
    await appendEvents(em, outcome.events, ctx.clock.now());
    return { result: outcome.result, appended: outcome.events.length > 0 };
  });
  if (appended) ctx.events.announce();
  return result;
}
