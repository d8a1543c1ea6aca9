import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config';
import { Role, startTestServer, TEST_PASSWORD, type TestServer } from '../../testing/test-server';
import type { User } from '../model/user.entity';

const SIGN_IN = 'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { user { id } } }';
const limits = { ...loadConfig({}).limits, signInFailuresPerAccount: 3, signInAttemptsPerAddress: 1000 };

describe('sign-in limits per account', () => {
  let server: TestServer;
  let student: User;

  beforeAll(async () => {
    server = await startTestServer({ limits });
    student = await server.createUser(Role.STUDENT);
  });
  afterAll(() => server.stop());

  const signIn = async (email: string, password: string) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { email, password } }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
  };

  it('after too many failures, even the right password is refused for a while, with when to retry', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await signIn(student.email, 'wrong password')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const locked = await signIn(student.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.data).toBeNull();
    expect(locked.body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(locked.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(800);
    expect(Number(locked.retryAfter)).toBe(locked.body.errors[0].extensions.retryAfterSeconds);
  });

  it('an unknown account is limited exactly like a real one: the limit reveals nothing', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) await signIn('nobody@test.amphi', 'wrong password');
    const locked = await signIn('NOBODY@test.amphi', 'anything');
    expect(locked.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('a successful sign-in clears the failures', async () => {
    const other = await server.createUser(Role.STUDENT);
    await signIn(other.email, 'wrong password');
    await signIn(other.email, 'wrong password');
    expect((await signIn(other.email, TEST_PASSWORD)).body.data.signIn.user.id).toBe(other.id);
    await signIn(other.email, 'wrong password');
    await signIn(other.email, 'wrong password');
    expect((await signIn(other.email, TEST_PASSWORD)).body.data.signIn.user.id).toBe(other.id);
  });
});

describe('sign-in limits per address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: { ...limits, signInFailuresPerAccount: 1000, signInAttemptsPerAddress: 5 } });
  });
  afterAll(() => server.stop());

  it('one address trying many accounts is stopped', async () => {
    const codes: string[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const response = await server.graphql(SIGN_IN, { email: `guess${attempt}@test.amphi`, password: 'x' });
      codes.push(response.errors![0].extensions!.code);
    }
    expect(codes).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});
