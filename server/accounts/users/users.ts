import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { hashPassword } from '../sign-in/password';
import type { Context } from '../../composition/context';
import { badUserInput } from '../../platform/errors';
import type { CreateUserInput, UsersArgs } from '../graphql/user.inputs';
import { User } from '../model/user.entity';

/** `%`, `_` and `\` are literal in a search, not LIKE wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function listUsers(ctx: Context, { role, search, first }: UsersArgs): Promise<User[]> {
  const text = search?.trim();
  return ctx.em.find(
    User,
    {
      ...(role ? { role } : {}),
      ...(text ? { $or: [{ displayName: { $ilike: likePattern(text) } }, { email: { $ilike: likePattern(text) } }] } : {}),
    },
    { orderBy: { displayName: 'asc', id: 'asc' }, limit: first },
  );
}

export async function createUser(ctx: Context, input: CreateUserInput): Promise<User> {
  const user = new User({ ...input, passwordHash: await hashPassword(input.password) });
  if (await ctx.em.count(User, { email: user.email })) throw emailTaken();
  try {
    await ctx.em.persist(user).flush();
  } catch (error) {
    // Two concurrent sign-ups with one address: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw emailTaken();
    throw error;
  }
  return user;
}

const emailTaken = () => badUserInput('email', 'An account with this email already exists');
