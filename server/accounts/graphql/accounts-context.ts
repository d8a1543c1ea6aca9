import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../model/user.entity';
import type { SignInLimiter } from '../sign-in/sign-in-limiter';
import type { TokenService } from '../sign-in/token';

/** What the accounts' resolvers read of an operation's context (composition/context.ts builds it). */
export interface AccountsContext {
  em: EntityManager;
  viewer: User | null;
  /** The client's IP address (through TRUST_PROXY), for rate limits. */
  clientAddress: string;
  tokens: TokenService;
  signInLimiter: SignInLimiter;
  config: { mail: { publicUrl: string; defaultTimeZone: string } };
}
