import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../accounts/model/user.entity';
import type { Clock } from '../platform/clock';

/** What the calendar's resolver and routes read of an operation's context (composition/context.ts builds it). */
export interface CalendarContext {
  em: EntityManager;
  viewer: User | null;
  clock: Clock;
  config: { mail: { publicUrl: string } };
}
