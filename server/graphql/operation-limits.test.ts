import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSubscriber } from '../testing/subscriber';
import { Role, startTestServer, type TestServer } from '../testing/test-server';
import type { User } from '../accounts/model/user.entity';

const DEEP =
  '{ meetings { edges { node { participants { meeting { participants { meeting { participants { meeting { title instructor { id } } } } } } } } } } }';
const WIDE_PAGE =
  'meetings(first: 100) { edges { node { id title description scheduledAt endsAt status canStart canJoin participantCount acceptedCount presentCount instructor { id displayName email } participants { id status rsvp joinedAt attendedSeconds user { id displayName email } } } } }';
const COSTLY = `{ ${Array.from({ length: 10 }, (_, index) => `page${index}: ${WIDE_PAGE}`).join(' ')} }`;
const ALIASES = `{ ${Array.from({ length: 16 }, (_, index) => `a${index}: me { id }`).join(' ')} }`;
const TOKENS = `{ me { ${'id '.repeat(6000)} } }`;
const DIRECTIVES = `{ me { id ${'@include(if: true) '.repeat(25)} } }`;

describe('operation limits', () => {
  let server: TestServer;
  let student: User;

  beforeAll(async () => {
    server = await startTestServer();
    student = await server.createUser(Role.STUDENT);
  });
  afterAll(() => server.stop());

  async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
    server.statements.length = 0;
    const response = await fetch(server.url, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text), statements: server.statements.length };
  }

  it.each([
    ['deeper than the depth limit', DEEP, /depth limit of 10 exceeded/],
    ['costlier than the cost limit', COSTLY, /Cost limit of 50000 exceeded/],
    ['with more aliases than allowed', ALIASES, /Aliases limit of 15 exceeded/],
    ['with more directives than allowed', DIRECTIVES, /Directives limit of 20 exceeded/],
  ])('an operation %s is refused before any SQL runs', async (_, query, message) => {
    const { status, body, statements } = await post(JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(message);
    expect(body.data).toBeUndefined();
    expect(statements).toBe(0);
  });

  it('an operation with more tokens than allowed is refused while parsing', async () => {
    const { status, body, statements } = await post(JSON.stringify({ query: TOKENS }));
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].message).toMatch(/5000 tokens/);
    expect(statements).toBe(0);
  });

  it.each([
    ['a subscription', 'subscription { meetingEvents { id } }'],
    ['a malformed subscription (a directive without its argument)', 'subscription { meetingEvents @skip { id } }'],
  ])('%s sent over HTTP is refused with BAD_REQUEST: subscriptions need a WebSocket', async (_, query) => {
    const { status, body, statements } = await post(JSON.stringify({ query }));
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(statements).toBe(0);
  });

  it('a batch of 100 operations is refused', async () => {
    const { status, body, statements } = await post(JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ me { id } }' }))));
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/batch/i);
    expect(statements).toBe(0);
  });

  it('a 10 MB body is refused with 413, as a GraphQL error', async () => {
    const { status, body, statements } = await post(JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(10 * 1024 * 1024) } }));
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(statements).toBe(0);
  });

  it('malformed JSON is a 400 GraphQL error, not an HTML page', async () => {
    const { status, body } = await post('{"query": ');
    expect(status).toBe(400);
    expect(body.errors[0]).toEqual({ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } });
  });

  it('a form post (the shape of a cross-site request) is refused', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"mutation { signIn(email: \\"a@b.c\\", password: \\"x\\") { token } }"}',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|content-type/i);
  });

  it('a page size of a million is refused before any SQL runs, by the cost limit', async () => {
    const { status, body, statements } = await post(JSON.stringify({ query: '{ meetings(first: 1000000) { edges { node { id } } } }' }));
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringMatching(/Cost limit/) });
    expect(statements).toBe(0);
  });

  it('a page size past 100 but within the cost limit is refused on that field', async () => {
    const response = await server.graphql('{ meetings(first: 101) { edges { node { id } } } }', {}, await server.tokenFor(student));
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  describe('over WebSocket, the same limits', () => {
    it('a subscription past the depth limit is refused with the same code', async () => {
      const subscriber = await TestSubscriber.start(server.url, await server.tokenFor(student), {
        fields: 'id meeting { participants { meeting { participants { meeting { participants { meeting { participants { user { id } } } } } } } } }',
      });
      const [error] = await subscriber.nextError();
      expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toMatch(/depth limit/);
      await subscriber.close();
    });

    it('a malformed subscription (a directive without its argument) is a validation failure, not a crash', async () => {
      const client = createClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${await server.tokenFor(student)}` },
      });
      const errors = await new Promise<Array<{ extensions?: { code?: string } }>>((resolve) =>
        client.subscribe(
          { query: 'subscription { meetingEvents @skip { id } }' },
          { next: () => {}, error: (error) => resolve(error as never), complete: () => {} },
        ),
      );
      expect(errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      await client.dispose();
    });

    it('a message over 64 KB closes the socket with 1009', async () => {
      const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(10 * 1024 * 1024) } }));
      expect(await closed).toBe(1009);
    });
  });
});

describe('field suggestions in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ environment: 'production' });
  });
  afterAll(() => server.stop());

  it('are not given: the schema is not spelt out to strangers', async () => {
    const response = await server.graphql('{ me { emial } }');
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});
