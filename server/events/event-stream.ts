import { Repeater } from '@repeaterjs/repeater';
import type { User } from '../user/user.entity';
import type { EventDelivery } from './event-delivery';
import type { EventHub } from './event-hub';
import { canReceive } from './event-visibility';

export interface EventStreamOptions {
  viewer: User;
  /** Replay the log after this id first; without it, only events from now on. */
  afterEventId?: number;
  meetingId?: string;
}

/**
 * One subscriber's events, in id order, each once: the replay from the log, then live events.
 * Live events arriving during the replay wait in the inbox; ids already delivered are skipped.
 */
export function eventStream(hub: EventHub, { viewer, afterEventId, meetingId }: EventStreamOptions): AsyncIterable<EventDelivery> {
  return new Repeater<EventDelivery>(async (push, stop) => {
    const inbox: EventDelivery[] = [];
    let wakeUp: (() => void) | null = null;
    let stopped = false;
    const unsubscribe = hub.listen((delivery) => {
      inbox.push(delivery);
      wakeUp?.();
    });
    let last = afterEventId ?? hub.position();
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
      if (afterEventId !== undefined) {
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
