import type { Context } from '../../composition/context';
import { unauthenticated } from '../../platform/errors';
import { normalizeEmail, User } from '../model/user.entity';
import { verifyAgainstDummy, verifyPassword } from './password';

/** Unknown accounts and wrong passwords get the same answer, after the same work, and count alike. */
export async function signIn(ctx: Context, rawEmail: string, password: string): Promise<{ token: string; user: User }> {
  const email = normalizeEmail(rawEmail);
  await ctx.signInLimiter.admit(email, ctx.clientAddress);
  const user = await ctx.em.findOne(User, { email }, { populate: ['passwordHash'] });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) {
    await ctx.signInLimiter.failed(email);
    throw unauthenticated('Wrong email or password');
  }
  await ctx.signInLimiter.succeeded(email);
  return { token: await ctx.tokens.issue(user.id), user };
}
