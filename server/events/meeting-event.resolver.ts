import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../context';
import { badUserInput } from '../errors';
import { createMeetingLoaders } from '../meeting/meeting.loaders';
import { findVisibleMeeting, requireViewer } from '../meeting/meeting.service';
import { User } from '../user/user.entity';
import type { EventDelivery } from './event-delivery';
import { eventStream } from './event-stream';
import { MeetingEvent } from './meeting-event.type';

interface SubscriptionArgs {
  afterEventId?: string | null;
  meetingId?: string;
}

function parseEventId(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw badUserInput('afterEventId', 'afterEventId is not an event id');
  return Number(value);
}

async function subscribe(ctx: Context, { afterEventId, meetingId }: SubscriptionArgs): Promise<AsyncIterable<EventDelivery>> {
  const viewer = requireViewer(ctx);
  const after = afterEventId == null ? undefined : parseEventId(afterEventId);
  const meeting = meetingId ? await findVisibleMeeting(ctx, meetingId, { field: 'meetingId' }) : undefined;
  if (after !== undefined) {
    const oldest = await ctx.events.oldestRetainedId();
    if (oldest !== null && after < oldest - 1) {
      throw badUserInput('afterEventId', 'Events after this id are no longer kept; reload, then subscribe without afterEventId');
    }
  }
  return eventStream(ctx.events, { viewer, afterEventId: after, meetingId: meeting?.id });
}

/**
 * A subscription's context lives as long as the subscription; each event brings the entity manager
 * holding its freshly loaded meeting, and loaders primed from it, so no field reads stale data and
 * the subscribers of one event share one set of queries.
 */
async function present(ctx: Context, delivery: EventDelivery): Promise<MeetingEvent> {
  const { record, meeting, participants, counts, em } = delivery;
  const viewer = requireViewer(ctx);
  const loaders = createMeetingLoaders(em, viewer);
  loaders.participants.prime(meeting.id, participants);
  loaders.counts.prime(meeting.id, counts);
  loaders.viewerParticipation.prime(meeting.id, participants.find((participant) => participant.user.id === viewer.id) ?? null);
  ctx.em = em;
  ctx.loaders = loaders;
  const participant = participants.find((candidate) => candidate.id === record.participantId) ?? null;
  const user = participant ? participant.user.getEntity() : record.userId ? await em.findOne(User, { id: record.userId }) : null;
  return { id: String(record.id), type: record.type, at: record.at, meeting, participant, user };
}

@Resolver(() => MeetingEvent)
export class MeetingEventResolver {
  @Subscription(() => MeetingEvent, {
    description:
      'Every change to the meetings the viewer may see, in order. With afterEventId, the events after it are replayed first: resubscribe with the last id seen to lose nothing.',
    subscribe: ({ args, context }) => subscribe(context as Context, args),
  })
  meetingEvents(
    @Root() delivery: EventDelivery,
    @Ctx() ctx: Context,
    @Arg('afterEventId', () => String, { nullable: true }) _afterEventId: string | null,
  ): Promise<MeetingEvent> {
    return present(ctx, delivery);
  }

  @Subscription(() => MeetingEvent, {
    description: 'The changes to one meeting, e.g. for the instructor’s live attendance view.',
    subscribe: ({ args, context }) => subscribe(context as Context, args),
  })
  meetingEvent(
    @Root() delivery: EventDelivery,
    @Ctx() ctx: Context,
    @Arg('meetingId', () => ID) _meetingId: string,
    @Arg('afterEventId', () => String, { nullable: true }) _afterEventId: string | null,
  ): Promise<MeetingEvent> {
    return present(ctx, delivery);
  }
}
