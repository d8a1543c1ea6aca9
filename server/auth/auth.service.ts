import type { Context } from '../context';
import { unauthenticated } from '../errors';
import { normalizeEmail, User } from '../user/user.entity';
import { verifyAgainstDummy, verifyPassword } from './password';

/** Unknown accounts and wrong passwords get the same answer, after the same work. */
export async function signIn(ctx: Context, email: string, password: string): Promise<{ token: string; user: User }> {
  const user = await ctx.em.findOne(User, { email: normalizeEmail(email) }, { populate: ['passwordHash'] });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) throw unauthenticated('Wrong email or password');
  return { token: await ctx.tokens.issue(user.id), user };
}
