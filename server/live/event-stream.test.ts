import { describe, expect, it } from 'vitest';
import { Role } from '../accounts/model/role';
import { User } from '../accounts/model/user.entity';
import type { EventDelivery } from '../meetings/events/event-delivery';
import type { EventListener } from './event-hub';
import { eventStream, type EventSource } from '../meetings/graphql/meeting-event-stream';
import { MeetingEventType } from '../meetings/model/meeting-event-type';

function fakeSource() {
  const listeners = new Set<EventListener>();
  const source: EventSource = {
    listen: (listener) => listeners.add(listener),
    unlisten: (listener) => listeners.delete(listener),
    replay: async function* () {},
  };
  const emit = (id: number) => {
    for (const listener of listeners) {
      listener.receive({
        record: { id, type: MeetingEventType.UPDATED, meetingId: 'm', participantId: null, userId: null, at: new Date() },
        meeting: { id: 'm', instructor: { id: 'someone' } },
        participants: [],
      } as unknown as EventDelivery);
    }
  };
  return { source, listeners, emit };
}

const admin = Object.assign(new User({ email: 'a@x.test', displayName: 'A', role: Role.ADMIN, passwordHash: '' }), { id: 'admin' });

describe('a subscriber whose client stops reading', () => {
  it('holds back at most maxPending events, then is ended with an error, stops listening and drops its connection', async () => {
    const { source, listeners, emit } = fakeSource();
    let dropped = 0;
    const connection = { drop: () => (dropped += 1) };
    const stream = eventStream(source, { viewer: admin, afterEventId: 0, replay: false, maxPending: 5, connection })[Symbol.asyncIterator]();
    const first = stream.next();
    await expect.poll(() => listeners.size).toBe(1);
    emit(1);
    expect((await first).value.record.id).toBe(1);

    for (let id = 2; id <= 10_000; id += 1) emit(id);
    expect(listeners.size).toBe(0);
    expect(dropped).toBe(1);

    const received: number[] = [];
    let failure: unknown;
    try {
      for (let item = await stream.next(); !item.done; item = await stream.next()) received.push(item.value.record.id);
    } catch (error) {
      failure = error;
    }
    expect(received.length).toBeLessThanOrEqual(6);
    expect(failure).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/afterEventId/) });
  });

  it('a client that keeps up receives every event, in order', async () => {
    const { source, listeners, emit } = fakeSource();
    const stream = eventStream(source, { viewer: admin, afterEventId: 0, replay: false, maxPending: 5 })[Symbol.asyncIterator]();
    const received: number[] = [];
    const reading = (async () => {
      for (let item = await stream.next(); !item.done && received.length < 50; item = await stream.next()) {
        received.push(item.value.record.id);
        if (received.length === 50) break;
      }
    })();
    await expect.poll(() => listeners.size).toBe(1);
    for (let id = 1; id <= 50; id += 1) {
      emit(id);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await reading;
    expect(received).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    await stream.return?.();
  });
});
