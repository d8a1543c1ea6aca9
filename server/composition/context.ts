import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AccountsContext } from '../accounts/graphql/accounts-context';
import type { User } from '../accounts/model/user.entity';
import { authenticate } from '../accounts/sign-in/session';
import type { SignInLimiter } from '../accounts/sign-in/sign-in-limiter';
import type { TokenService } from '../accounts/sign-in/token';
import type { CalendarContext } from '../calendar/calendar-context';
import type { Subscriber, SubscriptionContext } from '../graphql/subscriber';
import type { RoomTokenIssuer } from '../jitsi/room-token';
import type { EventHub } from '../live/event-hub';
import type { EventDelivery } from '../meetings/events/event-delivery';
import type { MeetingEventRecord } from '../meetings/events/meeting-event.entity';
import type { MeetingsContext } from '../meetings/graphql/meetings-context';
import type { MailQueue } from '../meetings/notices/mail-job';
import { createMeetingLoaders, type MeetingLoaders } from '../meetings/read/loaders';
import type { Clock } from '../platform/clock';
import type { AppConfig } from '../platform/config';
import type { OperationContexts } from '../transport/operation-contexts';

/** What lives as long as the process: built once at start-up (composition/amphi.ts), shared by every request. */
export interface AppDependencies {
  orm: MikroORM;
  config: AppConfig;
  clock: Clock;
  tokens: TokenService;
  logger: Logger;
  events: EventHub<MeetingEventRecord, EventDelivery>;
  roomTokens: RoomTokenIssuer;
  signInLimiter: SignInLimiter;
  mailQueue: MailQueue;
}

/** What one GraphQL operation sees, over HTTP or WebSocket alike: each feature reads its own part of it. */
export type Context = AccountsContext & MeetingsContext & CalendarContext & SubscriptionContext;

/**
 * One operation's context, over HTTP or WebSocket. A class whose services are read through the
 * prototype, with an EntityManager and loaders made when a resolver first asks: a subscription keeps
 * its context as long as it runs, and each event brings its own, so thousands of idle subscriptions
 * hold a few fields each and no ORM state of their own.
 */
class OperationContext implements Context {
  private ownLoaders: MeetingLoaders | undefined;
  subscriber?: Subscriber;

  constructor(
    private readonly deps: AppDependencies,
    readonly viewer: User | null,
    readonly clientAddress: string,
    private ownEm?: EntityManager,
  ) {}

  get clock() {
    return this.deps.clock;
  }
  get config() {
    return this.deps.config;
  }
  get tokens() {
    return this.deps.tokens;
  }
  get events() {
    return this.deps.events;
  }
  get roomTokens() {
    return this.deps.roomTokens;
  }
  get signInLimiter() {
    return this.deps.signInLimiter;
  }
  get mailQueue() {
    return this.deps.mailQueue;
  }
  get em(): EntityManager {
    this.ownEm ??= this.deps.orm.em.fork();
    return this.ownEm;
  }
  set em(value: EntityManager) {
    this.ownEm = value;
  }
  get loaders(): MeetingLoaders {
    this.ownLoaders ??= createMeetingLoaders(this.em, this.viewer);
    return this.ownLoaders;
  }
  set loaders(value: MeetingLoaders) {
    this.ownLoaders = value;
  }
}

/** `authorization` is the raw header value (HTTP) or connection parameter (WebSocket). */
async function createContext(deps: AppDependencies, authorization: string | undefined, clientAddress: string): Promise<Context> {
  const em = deps.orm.em.fork();
  const viewer = authorization ? (await authenticate(em, deps.tokens, authorization)).user : null;
  return new OperationContext(deps, viewer, clientAddress, em);
}

/** A subscription's context, for as long as it runs: the viewer its connection signed in as. */
function createSubscriptionContext(deps: AppDependencies, viewer: User, clientAddress: string): Context {
  return new OperationContext(deps, viewer, clientAddress);
}

/**
 * The connection's viewer as a plain copy, for its subscriptions to read (id, role, name): the entity
 * itself would keep the MikroORM fork that loaded it alive as long as the connection, about 5 KiB
 * each, and even a new entity instance grows ORM bookkeeping once the ORM looks at it.
 */
function detachedCopy(user: User): User {
  const { id, email, displayName, role, createdAt, language, timeZone } = user;
  return { id, email, displayName, role, passwordHash: '', createdAt, language, timeZone, calendarToken: null };
}

/** The contexts the transports make, from the app's dependencies. */
export function operationContexts(deps: AppDependencies): OperationContexts<Context, User> {
  return {
    async signIn(authorization) {
      const { user, expiresAt } = await authenticate(deps.orm.em.fork(), deps.tokens, authorization);
      return { viewer: detachedCopy(user), expiresAt };
    },
    operation: (authorization, clientAddress) => createContext(deps, authorization, clientAddress),
    subscription: (viewer, clientAddress) => createSubscriptionContext(deps, viewer, clientAddress),
  };
}
