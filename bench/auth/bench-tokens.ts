import { createTokenService } from '../../server/accounts/sign-in/token';

/** The JWT_SECRET the benchmark's Amphi instances run with: tokens are issued here, no sign-in needed. */
export const BENCH_JWT_SECRET = 'amphi-benchmark-secret-that-is-long-enough-0123456789';

export const benchTokens = createTokenService(BENCH_JWT_SECRET, '12h');
