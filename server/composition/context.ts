import { type EntityManager, type EntityMetadata, type MikroORM, ReferenceKind } from '@mikro-orm/postgresql';
import type { ExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import type { EventHub } from '../live/event-hub';
import type { MailQueue } from '../mail/job-queue';
import type { RoomTokenIssuer } from '../jitsi/room-token';
import type { SignInLimiter } from '../accounts/sign-in/sign-in-limiter';
import type { TokenService } from '../accounts/sign-in/token';
import type { Clock } from '../platform/clock';
import type { AppConfig } from '../platform/config';
import { unavailableIfTransient } from '../platform/database/transient-error';
import { unauthenticated } from '../platform/errors';
import { createMeetingLoaders, type MeetingLoaders } from '../meetings/read/meeting.loaders';
import { User } from '../accounts/model/user.entity';

/** What lives as long as the process: built once at start-up, shared by every request. */
export interface AppDependencies {
  orm: MikroORM;
  config: AppConfig;
  clock: Clock;
  tokens: TokenService;
  logger: Logger;
  events: EventHub;
  roomTokens: RoomTokenIssuer;
  signInLimiter: SignInLimiter;
  mailQueue: MailQueue;
}

/** What one GraphQL operation sees, over HTTP or WebSocket alike. */
export interface Context {
  em: EntityManager;
  viewer: User | null;
  clock: Clock;
  config: AppConfig;
  tokens: TokenService;
  events: EventHub;
  roomTokens: RoomTokenIssuer;
  signInLimiter: SignInLimiter;
  mailQueue: MailQueue;
  /** The client's IP address (through TRUST_PROXY), for rate limits. */
  clientAddress: string;
  /** Over WebSocket, for a subscription: where its results go. */
  subscriber?: Subscriber;
  loaders: MeetingLoaders;
}

/** A subscription's end of its WebSocket connection. */
export interface Subscriber {
  /**
   * Sends one of the subscription's results straight to the socket. Subscribers of one event who
   * share a result share its serialised text too (see shared-execution.ts).
   */
  send(result: ExecutionResult): void;
  /** Closes the connection (a client too slow to read its events). */
  drop(): void;
}

const INVALID_SESSION = 'Your session is invalid or has expired; sign in again';

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
    return (this.ownEm ??= this.deps.orm.em.fork());
  }
  set em(value: EntityManager) {
    this.ownEm = value;
  }
  get loaders(): MeetingLoaders {
    return (this.ownLoaders ??= createMeetingLoaders(this.em, this.viewer));
  }
  set loaders(value: MeetingLoaders) {
    this.ownLoaders = value;
  }
}

/** `authorization` is the raw header value (HTTP) or connection parameter (WebSocket). */
export async function createContext(deps: AppDependencies, authorization: string | undefined, clientAddress = 'unknown'): Promise<Context> {
  const em = deps.orm.em.fork();
  const viewer = authorization ? (await authenticate(em, deps.tokens, authorization)).user : null;
  return new OperationContext(deps, viewer, clientAddress, em);
}

/** A subscription's context, for as long as it runs: the viewer its connection signed in as. */
export function createSubscriptionContext(deps: AppDependencies, viewer: User, clientAddress: string): Context {
  return new OperationContext(deps, viewer, clientAddress);
}

/** The user a "Bearer <token>" value signs in, and when the token expires; UNAUTHENTICATED otherwise. */
export async function authenticate(
  em: EntityManager,
  tokens: TokenService,
  authorization: string,
): Promise<{ user: User; expiresAt: Date }> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  const token = await tokens.verify(match[1]);
  // The first query of most requests: an outage here stops the request before anything ran (HTTP 503).
  const user = token ? await findViewer(em, token.userId).catch(unavailableIfTransient) : null;
  if (!token || !user) throw unauthenticated(INVALID_SESSION);
  return { user, expiresAt: token.expiresAt };
}

/** The statement reading a user's row as `findOne` would: every column but the lazy ones (the password hash), from the entity's metadata. */
const viewerQueries = new WeakMap<EntityMetadata<User>, string>();

function viewerQuery(em: EntityManager): string {
  const meta = em.getMetadata().get(User);
  let query = viewerQueries.get(meta);
  if (!query) {
    const columns = meta.props.filter((prop) => prop.kind === ReferenceKind.SCALAR && !prop.lazy && prop.persist !== false).flatMap((prop) => prop.fieldNames);
    viewerQueries.set(meta, (query = `select ${columns.join(', ')} from ${meta.tableName} where id = ?`));
  }
  return query;
}

/**
 * The signed-in user, managed by `em` as `findOne` would return it, from a plain SQL statement: nearly
 * every request makes this lookup, and the ORM's query building cost 2.5 times the CPU (0.5 against 0.2
 * ms in a loop of lookups), a few percent of a page of meetings.
 */
async function findViewer(em: EntityManager, id: string): Promise<User | null> {
  const [row] = await em.getConnection().execute<Array<Record<string, unknown>>>(viewerQuery(em), [id]);
  return row ? em.map(User, row) : null;
}
