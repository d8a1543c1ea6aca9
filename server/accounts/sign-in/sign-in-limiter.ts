import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppConfig } from '../../platform/config';
import { type DomainError, rateLimited } from '../../platform/errors';

const WINDOW_SECONDS = 15 * 60;

export interface SignInLimiter {
  /** Counts an attempt from this address; RATE_LIMITED when the address or the account is over its limit. */
  admit(email: string, address: string): Promise<void>;
  failed(email: string): Promise<void>;
  succeeded(email: string): Promise<void>;
  close(): Promise<void>;
}

function refusal(rejection: RateLimiterRes): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  return rateLimited(`Too many sign-in attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, retryAfterSeconds);
}

/**
 * Failed sign-ins per account and attempts per client address, over 15 minutes. Accounts are keyed by
 * the normalised email whether or not it exists, so the limit says nothing about existence. Shared
 * through Redis between instances when REDIS_URL is set, per instance otherwise (and while Redis is down).
 */
export function createSignInLimiter(config: AppConfig): SignInLimiter {
  const redis = config.redisUrl ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
  redis?.on('error', () => {
    // The in-memory insurance limiter takes over; the event bus already reports Redis outages.
  });
  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
    return redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `amphi:${keyPrefix}`, points, duration: WINDOW_SECONDS, insuranceLimiter: memory })
      : memory;
  };
  const failuresPerAccount = limiter('sign-in-failures', config.limits.signInFailuresPerAccount);
  const attemptsPerAddress = limiter('sign-in-attempts', config.limits.signInAttemptsPerAddress);

  return {
    async admit(email, address) {
      try {
        await attemptsPerAddress.consume(address);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw refusal(rejection);
        throw rejection;
      }
      const failures = await failuresPerAccount.get(email);
      if (failures && failures.consumedPoints >= config.limits.signInFailuresPerAccount) throw refusal(failures);
    },
    async failed(email) {
      await failuresPerAccount.penalty(email);
    },
    async succeeded(email) {
      await failuresPerAccount.delete(email);
    },
    async close() {
      redis?.disconnect();
    },
  };
}
