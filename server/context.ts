import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { TokenService } from './auth/token';
import type { Clock } from './clock';
import type { AppConfig } from './config';
import { unauthenticated } from './errors';
import { createMeetingLoaders, type MeetingLoaders } from './meeting/meeting.loaders';
import { User } from './user/user.entity';

/** What lives as long as the process: built once at start-up, shared by every request. */
export interface AppDependencies {
  orm: MikroORM;
  config: AppConfig;
  clock: Clock;
  tokens: TokenService;
  logger: Logger;
}

/** What one GraphQL operation sees, over HTTP or WebSocket alike. */
export interface Context {
  em: EntityManager;
  viewer: User | null;
  clock: Clock;
  config: AppConfig;
  tokens: TokenService;
  loaders: MeetingLoaders;
}

const INVALID_SESSION = 'Your session is invalid or has expired; sign in again';

/** `authorization` is the raw header value (HTTP) or connection parameter (WebSocket). */
export async function createContext(deps: AppDependencies, authorization: string | undefined): Promise<Context> {
  const em = deps.orm.em.fork();
  const viewer = authorization ? await authenticate(em, deps.tokens, authorization) : null;
  return {
    em,
    viewer,
    clock: deps.clock,
    config: deps.config,
    tokens: deps.tokens,
    loaders: createMeetingLoaders(em, viewer),
  };
}

async function authenticate(em: EntityManager, tokens: TokenService, authorization: string): Promise<User> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  const userId = await tokens.verify(match[1]);
  const user = userId ? await em.findOne(User, { id: userId }) : null;
  if (!user) throw unauthenticated(INVALID_SESSION);
  return user;
}
