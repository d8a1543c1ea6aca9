import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { requireViewer } from '../../accounts/graphql/viewer';
import { badUserInput } from '../../platform/errors';
import type { EventDelivery } from '../events/event-delivery';
import { eventStream } from './meeting-event-stream';
import { createMeetingLoaders } from '../read/loaders';
import { findVisibleMeetingRow } from '../read/meeting-list';
import { MeetingEvent } from './meeting-event.type';
import type { MeetingsContext } from './meetings-context';

interface SubscriptionArgs {
  afterEventId?: string | null;
  meetingId?: string;
}

function parseEventId(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw badUserInput('afterEventId', 'afterEventId is not an event id');
  return Number(value);
}

async function subscribe(ctx: MeetingsContext, { afterEventId, meetingId }: SubscriptionArgs): Promise<AsyncIterable<EventDelivery>> {
  const viewer = requireViewer(ctx);
  const after = afterEventId == null ? undefined : parseEventId(afterEventId);
  const meeting = meetingId ? await findVisibleMeetingRow(ctx.em, viewer, meetingId, 'meetingId') : undefined;
  if (after !== undefined) {
    const oldest = await ctx.events.oldestRetainedId();
    if (oldest !== null && after < oldest - 1) {
      throw badUserInput('afterEventId', 'Events after this id are no longer kept; reload, then subscribe without afterEventId');
    }
  }
  // Without afterEventId, "from now on" means after the newest committed event, even one not dispatched yet.
  return after === undefined
    ? eventStream(ctx.events, {
        viewer,
        afterEventId: await ctx.events.newestId(),
        replay: false,
        meetingId: meeting?.id,
        connection: ctx.subscriber,
      })
    : eventStream(ctx.events, { viewer, afterEventId: after, replay: true, meetingId: meeting?.id, connection: ctx.subscriber });
}

/**
 * A subscription's context lives as long as the subscription; each event brings the entity manager
 * holding its freshly loaded meeting, and loaders shared by every subscriber of the event, so no field
 * reads stale data and the subscribers of one event share one set of queries.
 */
function present(ctx: MeetingsContext, delivery: EventDelivery): MeetingEvent {
  const { record, meeting, participant, user, em } = delivery;
  ctx.em = em;
  ctx.loaders = createMeetingLoaders(em, requireViewer(ctx), delivery.loaders);
  return { id: String(record.id), type: record.type, at: record.at, meeting, participant, user };
}

@Resolver(() => MeetingEvent)
export class MeetingEventResolver {
  @Subscription(() => MeetingEvent, {
    description:
      'Every change to the meetings the viewer may see, in order. With afterEventId, the events after it are replayed first: resubscribe with the last id seen to lose nothing.',
    subscribe: ({ args, context }) => subscribe(context as MeetingsContext, args),
  })
  meetingEvents(
    @Root() delivery: EventDelivery,
    @Ctx() ctx: MeetingsContext,
    @Arg('afterEventId', () => String, { nullable: true }) _afterEventId: string | null,
  ): MeetingEvent {
    return present(ctx, delivery);
  }

  @Subscription(() => MeetingEvent, {
    description: 'The changes to one meeting, e.g. for the instructor’s live attendance view.',
    subscribe: ({ args, context }) => subscribe(context as MeetingsContext, args),
  })
  meetingEvent(
    @Root() delivery: EventDelivery,
    @Ctx() ctx: MeetingsContext,
    @Arg('meetingId', () => ID) _meetingId: string,
    @Arg('afterEventId', () => String, { nullable: true }) _afterEventId: string | null,
  ): MeetingEvent {
    return present(ctx, delivery);
  }
}
