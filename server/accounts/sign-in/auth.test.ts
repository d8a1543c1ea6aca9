import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from './session';
import { Language } from '../model/language';
import { User } from '../model/user.entity';
import { createTokenService } from './token';
import { Role, startTestServer, TEST_JWT_SECRET, TEST_PASSWORD, type TestServer } from '../../testing/test-server';

const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token user { id email displayName role } }
}`;
const ME = '{ me { id email role } }';

describe('signing in', () => {
  let server: TestServer;
  let student: User;

  beforeAll(async () => {
    server = await startTestServer();
    student = await server.createUser(Role.STUDENT, 'Ana Lyse');
  });
  afterAll(() => server.stop());

  it('a valid email and password give a token that identifies the user', async () => {
    const signIn = await server.graphql(SIGN_IN, { email: student.email, password: TEST_PASSWORD });
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data.signIn.user).toEqual({ id: student.id, email: student.email, displayName: 'Ana Lyse', role: 'STUDENT' });
    const me = await server.graphql(ME, {}, signIn.data.signIn.token);
    expect(me.data.me).toEqual({ id: student.id, email: student.email, role: 'STUDENT' });
  });

  it('the email is case-insensitive and trimmed', async () => {
    const signIn = await server.graphql(SIGN_IN, { email: `  ${student.email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(signIn.data.signIn.user.id).toBe(student.id);
  });

  it('a wrong password and an unknown account get the same answer', async () => {
    const wrongPassword = await server.graphql(SIGN_IN, { email: student.email, password: 'not the password' });
    const unknown = await server.graphql(SIGN_IN, { email: 'nobody@test.amphi', password: TEST_PASSWORD });
    for (const response of [wrongPassword, unknown]) {
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(wrongPassword.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('passwords are stored as argon2id hashes, never in clear', async () => {
    const stored = await server.em().findOneOrFail(User, { id: student.id }, { populate: ['passwordHash'] });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('the password hash is not part of the schema', async () => {
    const response = await server.graphql('{ me { passwordHash } }', {}, await server.tokenFor(student));
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('tokens', () => {
  let server: TestServer;
  let student: User;

  beforeAll(async () => {
    server = await startTestServer();
    student = await server.createUser(Role.STUDENT);
  });
  afterAll(() => server.stop());

  it('sign in the user with every column the ORM would load, the lazy password hash left out', async () => {
    await server.em().nativeUpdate(User, { id: student.id }, { language: Language.FR, timeZone: 'Europe/Paris', calendarToken: 'feed-secret' });
    const { user } = await authenticate(server.em(), createTokenService(TEST_JWT_SECRET, '1h'), `Bearer ${await server.tokenFor(student)}`);
    const found = (await server.em().findOne(User, { id: student.id }))!;
    expect({ ...user }).toEqual({ ...found });
    expect(user.calendarToken).toBe('feed-secret');
    expect(user.passwordHash).toBeUndefined();
  });

  const key = new TextEncoder().encode(TEST_JWT_SECRET);
  const signed = (claims: { sub: string; exp?: number }, secret = key) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer('amphi')
      .setAudience('amphi-api')
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? '1h')
      .sign(secret);

  it('without a token, `me` is null', async () => {
    const response = await server.graphql(ME);
    expect(response.errors).toBeUndefined();
    expect(response.data.me).toBeNull();
  });

  it.each([
    ['a garbage token', async () => 'Bearer not-a-jwt'],
    ['a token signed with another secret', async () => `Bearer ${await signed({ sub: student.id }, new TextEncoder().encode('x'.repeat(40)))}`],
    ['an expired token', async () => `Bearer ${await signed({ sub: student.id, exp: Math.floor(Date.now() / 1000) - 60 })}`],
    ['a token for a user who does not exist', async () => `Bearer ${await signed({ sub: '00000000-0000-4000-8000-000000000000' })}`],
    ['a header that is not a bearer token', async () => 'Basic dXNlcjpwYXNz'],
  ])('%s is refused with UNAUTHENTICATED and a 401, not read as anonymous', async (_, header) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await header() },
      body: JSON.stringify({ query: ME }),
    });
    const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(response.status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('operations that need a user refuse anonymous callers with UNAUTHENTICATED', async () => {
    const response = await server.graphql('{ meetings { edges { node { id } } } }');
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
