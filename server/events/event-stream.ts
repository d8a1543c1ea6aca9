import { Repeater } from '@repeaterjs/repeater';
import { AppError } from '../errors';
import type { User } from '../user/user.entity';
import type { EventDelivery } from './event-delivery';
import type { EventHub } from './event-hub';
import { canReceive } from './event-visibility';

export interface EventStreamOptions {
  viewer: User;
  /** Only events after this id. */
  afterEventId: number;
  /** Whether to read the log for the events after `afterEventId` committed before the stream began. */
  replay: boolean;
  meetingId?: string;
  /** Events waiting for a subscriber that does not read; past it, the subscription ends. */
  maxPending?: number;
  /** Called when the subscriber falls too far behind: drops the connection it reads through. */
  onOverflow?: () => void;
}

/** What a subscriber whose client stopped reading may hold back before being cut off. */
export const MAX_PENDING_EVENTS = 1000;

export type EventSource = Pick<EventHub, 'listen' | 'replay'>;

const tooSlow = () =>
  new AppError('BAD_REQUEST', 'Events arrived faster than this connection reads them; subscribe again with afterEventId set to the last id received');

/**
 * One subscriber's events, in id order, each once: the replay from the log, then live events.
 * Live events arriving during the replay, or while the client is slow to read, wait in the inbox;
 * ids already delivered are skipped. The inbox is bounded: a client that stops reading would
 * otherwise grow server memory with every event.
 */
export function eventStream(
  hub: EventSource,
  { viewer, afterEventId, replay, meetingId, maxPending = MAX_PENDING_EVENTS, onOverflow }: EventStreamOptions,
): AsyncIterable<EventDelivery> {
  return new Repeater<EventDelivery>(async (push, stop) => {
    const inbox: EventDelivery[] = [];
    let wakeUp: (() => void) | null = null;
    let stopped = false;
    const unsubscribe = hub.listen((delivery) => {
      if (inbox.length >= maxPending) {
        inbox.length = 0;
        unsubscribe();
        stop(tooSlow());
        onOverflow?.();
        return;
      }
      inbox.push(delivery);
      wakeUp?.();
    });
    let last = afterEventId;
    void stop.then(() => {
      stopped = true;
      unsubscribe();
      wakeUp?.();
    });

    const deliver = async (delivery: EventDelivery) => {
      if (delivery.record.id <= last) return;
      last = delivery.record.id;
      if ((!meetingId || delivery.record.meetingId === meetingId) && canReceive(viewer, delivery)) await push(delivery);
    };

    try {
      if (replay) {
        for await (const delivery of hub.replay(afterEventId, meetingId)) {
          if (stopped) break;
          await deliver(delivery);
        }
      }
      while (!stopped) {
        const next = inbox.shift();
        if (next) await deliver(next);
        else await new Promise<void>((resolve) => (wakeUp = resolve));
        wakeUp = null;
      }
    } catch (error) {
      stop(error);
    } finally {
      unsubscribe();
    }
  });
}
