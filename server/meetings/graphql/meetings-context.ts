import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../../accounts/model/user.entity';
import type { Subscriber } from '../../graphql/subscriber';
import type { EventHub } from '../../live/event-hub';
import type { RoomTokenIssuer } from '../../jitsi/room-token';
import type { Clock } from '../../platform/clock';
import type { JoinScope } from '../commands/participation';
import type { ScheduleScope } from '../commands/schedule';
import type { EventDelivery } from '../events/event-delivery';
import type { MeetingEventRecord } from '../events/meeting-event.entity';
import type { MailQueue } from '../notices/mail-job';
import type { MeetingLoaders } from '../read/loaders';

/** What the meetings' resolvers read of an operation's context (composition/context.ts builds it); it serves the commands' scopes as it is. */
export interface MeetingsContext extends ScheduleScope, JoinScope {
  em: EntityManager;
  viewer: User | null;
  clock: Clock;
  events: EventHub<MeetingEventRecord, EventDelivery>;
  mailQueue: MailQueue;
  roomTokens: RoomTokenIssuer;
  config: { jitsiDomain: string; mail: { reminderMinutes: number } };
  loaders: MeetingLoaders;
  /** Over WebSocket, for a subscription: where its results go. */
  subscriber?: Subscriber;
}
