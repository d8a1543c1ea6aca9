import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, startTestServer, type TestServer } from '../../testing/test-server';
import { User } from '../model/user.entity';

const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { id email displayName role }
}`;
const USERS = `query Users($role: Role, $search: String, $first: Int) {
  users(role: $role, search: $search, first: $first) { displayName email role }
}`;

describe('users', () => {
  let server: TestServer;
  let adminToken: string;
  let instructorToken: string;

  beforeAll(async () => {
    server = await startTestServer();
    adminToken = await server.tokenFor(await server.createUser(Role.ADMIN, 'Root Admin'));
    instructorToken = await server.tokenFor(await server.createUser(Role.INSTRUCTOR, 'Ines Teacher'));
    await server.createUser(Role.STUDENT, 'Bob Martin');
    await server.createUser(Role.STUDENT, 'Alice 100% Real');
    await server.createUser(Role.STUDENT, 'Carla_Underscore');
  });
  afterAll(() => server.stop());

  describe('createUser', () => {
    it('an admin creates an account that can sign in', async () => {
      const input = { email: 'New.Person@Campus.test', displayName: ' New Person ', role: 'STUDENT', password: 'long enough pw' };
      const created = await server.graphql(CREATE_USER, { input }, adminToken);
      expect(created.errors).toBeUndefined();
      expect(created.data.createUser).toMatchObject({ email: 'new.person@campus.test', displayName: 'New Person', role: 'STUDENT' });
      const signIn = await server.graphql('mutation { signIn(email: "new.person@campus.test", password: "long enough pw") { user { id } } }');
      expect(signIn.data.signIn.user.id).toBe(created.data.createUser.id);
    });

    it('an email already in use, in any case, is refused on the email field', async () => {
      const input = { email: 'dup@campus.test', displayName: 'First', role: 'STUDENT', password: 'long enough pw' };
      expect((await server.graphql(CREATE_USER, { input }, adminToken)).errors).toBeUndefined();
      const again = await server.graphql(CREATE_USER, { input: { ...input, email: 'DUP@campus.test' } }, adminToken);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
      expect(await server.em().count(User, { email: 'dup@campus.test' })).toBe(1);
    });

    it('concurrent creations with one email leave exactly one account', async () => {
      const input = { email: 'race@campus.test', displayName: 'Racer', role: 'STUDENT', password: 'long enough pw' };
      const results = await Promise.all(Array.from({ length: 5 }, () => server.graphql(CREATE_USER, { input }, adminToken)));
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      for (const failed of results.filter((result) => result.errors)) {
        expect(failed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
      }
      expect(await server.em().count(User, { email: 'race@campus.test' })).toBe(1);
    });

    it.each([
      ['email', { email: 'not-an-email' }],
      ['displayName', { displayName: '   ' }],
      ['displayName', { displayName: 'x'.repeat(101) }],
      ['password', { password: 'short' }],
    ])('an invalid %s is refused with the field named and nothing written', async (field, change) => {
      const before = await server.em().count(User, {});
      const input = { email: 'valid@campus.test', displayName: 'Valid', role: 'STUDENT', password: 'long enough pw', ...change };
      const response = await server.graphql(CREATE_USER, { input }, adminToken);
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await server.em().count(User, {})).toBe(before);
    });

    it('an unknown role is refused by the schema', async () => {
      const input = { email: 'valid@campus.test', displayName: 'Valid', role: 'SUPERUSER', password: 'long enough pw' };
      const response = await server.graphql(CREATE_USER, { input }, adminToken);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('users (the student picker)', () => {
    it('filters by role, sorted by name', async () => {
      const response = await server.graphql(USERS, { role: 'STUDENT' }, instructorToken);
      const names = response.data.users.map((user: { displayName: string }) => user.displayName);
      expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
      expect(names).toEqual(expect.arrayContaining(['Alice 100% Real', 'Bob Martin', 'Carla_Underscore']));
      expect(response.data.users.every((user: { role: string }) => user.role === 'STUDENT')).toBe(true);
    });

    it('searches names and emails, case-insensitively', async () => {
      const byName = await server.graphql(USERS, { search: 'bob' }, instructorToken);
      expect(byName.data.users.map((user: { displayName: string }) => user.displayName)).toEqual(['Bob Martin']);
      const byEmail = await server.graphql(USERS, { search: 'ROOT.ADMIN' }, instructorToken);
      expect(byEmail.data.users.map((user: { displayName: string }) => user.displayName)).toEqual(['Root Admin']);
    });

    it('treats % and _ in a search as plain characters', async () => {
      const percent = await server.graphql(USERS, { search: '%' }, instructorToken);
      expect(percent.data.users.map((user: { displayName: string }) => user.displayName)).toEqual(['Alice 100% Real']);
      const underscore = await server.graphql(USERS, { search: '_' }, instructorToken);
      expect(underscore.data.users.map((user: { displayName: string }) => user.displayName)).toEqual(['Carla_Underscore']);
    });

    it('returns at most `first` users, and refuses a page size out of range', async () => {
      const two = await server.graphql(USERS, { first: 2 }, instructorToken);
      expect(two.data.users).toHaveLength(2);
      for (const first of [0, 201]) {
        const response = await server.graphql(USERS, { first }, instructorToken);
        expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      }
    });
  });
});
