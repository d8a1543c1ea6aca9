import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../platform/errors';
import type { Role } from '../model/role';
import { User } from '../model/user.entity';
import { hashPassword } from '../sign-in/password';

/** `%`, `_` and `\` are literal in a search, not LIKE wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export interface UserSearch {
  role?: Role;
  search?: string;
  first: number;
}

export function listUsers(em: EntityManager, { role, search, first }: UserSearch): Promise<User[]> {
  const text = search?.trim();
  return em.find(
    User,
    {
      ...(role ? { role } : {}),
      ...(text ? { $or: [{ displayName: { $ilike: likePattern(text) } }, { email: { $ilike: likePattern(text) } }] } : {}),
    },
    { orderBy: { displayName: 'asc', id: 'asc' }, limit: first },
  );
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

export async function createUser(em: EntityManager, input: NewUser): Promise<User> {
  const user = new User({ ...input, passwordHash: await hashPassword(input.password) });
  if (await em.count(User, { email: user.email })) throw emailTaken();
  try {
    await em.persist(user).flush();
  } catch (error) {
    // Two concurrent sign-ups with one address: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) throw emailTaken();
    throw error;
  }
  return user;
}

const emailTaken = () => badUserInput('email', 'An account with this email already exists');
