import { graphqlErrorOf } from '../../graphql/errors';
import { type EventSource as LiveEventSource, EventStream, type EventStreamOptions } from '../../live/event-stream';
import { badRequest } from '../../platform/errors';
import type { EventDelivery } from '../events/event-delivery';
import { meetingEventAudience } from '../events/meeting-event-audience';

export type EventSource = LiveEventSource<EventDelivery>;

const tooSlow = () =>
  graphqlErrorOf(badRequest('Events arrived faster than this connection reads them; subscribe again with afterEventId set to the last id received'));

/** One subscriber's meeting events, in id order, each once: those the meetings' rules let reach them. */
export function eventStream(
  source: EventSource,
  options: Omit<EventStreamOptions<EventDelivery>, 'audience' | 'tooSlow'>,
): EventStream<EventDelivery> {
  return new EventStream(source, { ...options, audience: meetingEventAudience, tooSlow });
}
