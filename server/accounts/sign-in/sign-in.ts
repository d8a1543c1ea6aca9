import type { EntityManager } from '@mikro-orm/postgresql';
import { unauthenticated } from '../../platform/errors';
import { normalizeEmail, User } from '../model/user.entity';
import { verifyAgainstDummy, verifyPassword } from './password';
import type { SignInLimiter } from './sign-in-limiter';
import type { TokenService } from './token';

export interface SignInDependencies {
  em: EntityManager;
  signInLimiter: SignInLimiter;
  tokens: TokenService;
}

/** Unknown accounts and wrong passwords get the same answer, after the same work, and count alike. */
export async function signIn(
  { em, signInLimiter, tokens }: SignInDependencies,
  rawEmail: string,
  password: string,
  clientAddress: string,
): Promise<{ token: string; user: User }> {
  const email = normalizeEmail(rawEmail);
  await signInLimiter.admit(email, clientAddress);
  const user = await em.findOne(User, { email }, { populate: ['passwordHash'] });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) {
    await signInLimiter.failed(email);
    throw unauthenticated('Wrong email or password');
  }
  await signInLimiter.succeeded(email);
  return { token: await tokens.issue(user.id), user };
}
