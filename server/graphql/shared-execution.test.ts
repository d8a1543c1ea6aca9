import { type ExecutionResult, GraphQLInt, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Context } from '../composition/context';
import { Role } from '../accounts/model/role';
import { User } from '../accounts/model/user.entity';
import type { EventDelivery } from '../meetings/events/event-delivery';
import type { EventListener } from '../live/event-hub';
import { eventStream, type EventSource } from '../meetings/graphql/meeting-event-stream';
import { MeetingEventType } from '../meetings/model/meeting-event-type';
import { subscribeSharingResults } from './shared-execution';

const admin = Object.assign(new User({ email: 'a@x.test', displayName: 'A', role: Role.ADMIN, passwordHash: '' }), { id: 'admin' });

/** A hub of one meeting's events, and a schema whose subscription field reads each event's id, slowly for some. */
function setUp(slowIds: ReadonlySet<number>) {
  const listeners = new Set<EventListener>();
  const source: EventSource = {
    listen: (listener) => listeners.add(listener),
    unlisten: (listener) => listeners.delete(listener),
    replay: async function* () {},
  };
  const dispatch = (id: number) => {
    const delivery = {
      record: { id, type: MeetingEventType.UPDATED, meetingId: 'm', participantId: null, userId: null, at: new Date() },
      meeting: { id: 'm', instructor: { id: 'someone' } },
      invitedUserIds: new Set(),
    } as unknown as EventDelivery;
    for (const listener of listeners) listener.receive(delivery);
  };
  const subscription = new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      eventId: {
        type: GraphQLInt,
        subscribe: () => eventStream(source, { viewer: admin, afterEventId: 0, replay: false }),
        resolve: async (delivery: EventDelivery) => {
          if (slowIds.has(delivery.record.id)) await new Promise((resolve) => setTimeout(resolve, 5));
          return delivery.record.id;
        },
      },
    },
  });
  const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { x: { type: GraphQLInt } } }), subscription });
  const stats = { executions: 0 };

  async function subscribe() {
    const received: number[] = [];
    const subscriber = { send: (result: ExecutionResult) => received.push((result.data as { eventId: number }).eventId), drop: () => {} };
    const contextValue = { subscriber, viewer: admin, events: { stats } } as unknown as Context;
    const running = (await subscribeSharingResults({ schema, document: parse('subscription { eventId }'), contextValue })) as AsyncGenerator<never>;
    const ended = running.next();
    return { received, running, ended };
  }
  return { listeners, dispatch, stats, subscribe };
}

describe('results shared by the subscribers of an event', () => {
  it('events dispatched while a result is computed go out after it, in order, to each subscriber, with one execution per event', async () => {
    const ids = Array.from({ length: 30 }, (_, index) => index + 1);
    const { listeners, dispatch, stats, subscribe } = setUp(new Set([1, 7, 8, 20]));
    const subscribers = await Promise.all([subscribe(), subscribe(), subscribe()]);
    expect(listeners.size).toBe(3);

    for (const id of ids.slice(0, 10)) dispatch(id);
    await new Promise((resolve) => setTimeout(resolve, 1));
    for (const id of ids.slice(10)) dispatch(id);

    for (const { received } of subscribers) await expect.poll(() => received, { timeout: 2_000 }).toEqual(ids);
    expect(stats.executions).toBe(ids.length);
  });

  it('a subscription returned while waiting for a result sends nothing more, and stops listening', async () => {
    const { listeners, dispatch, subscribe } = setUp(new Set([1]));
    const { received, running, ended } = await subscribe();
    dispatch(1);
    dispatch(2);
    await running.return(undefined);
    await expect(ended).resolves.toEqual({ done: true, value: undefined });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});
