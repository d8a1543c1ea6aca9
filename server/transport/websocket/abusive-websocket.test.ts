import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../platform/config';
import { EVENT_FIELDS, TestSubscriber } from '../../testing/subscriber';
import { Role, startTestServer, type TestServer } from '../../testing/test-server';
import { User } from '../../accounts/model/user.entity';

const limits = { ...loadConfig({}).limits, maxConnectionsPerUser: 3, maxSubscriptionsPerConnection: 2, keepAliveMs: 300 };

/** A graphql-transport-ws client by hand, to misbehave in ways graphql-ws's client will not. */
function rawSocket(url: string, options: WebSocket.ClientOptions = {}) {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', options);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise((resolve) => socket.once('open', resolve));
  const messages: unknown[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
  return { socket, closed, opened, messages };
}

describe('abusive WebSocket clients', () => {
  let server: TestServer;
  let student: User;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ limits });
    student = await server.createUser(Role.STUDENT);
    token = await server.tokenFor(student);
  });
  afterAll(() => server.stop());

  const init = { type: 'connection_init', payload: {} as Record<string, unknown> };
  const initWithToken = () => ({ ...init, payload: { authorization: `Bearer ${token}` } });

  it.each([
    ['a message that is not JSON', ['not json'], 4400],
    ['a subscribe before connection_init', [JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ me { id } }' } })], 4401],
  ])('%s is closed with graphql-ws’s code', async (_, frames, code) => {
    const { socket, closed, opened } = rawSocket(server.url);
    await opened;
    for (const frame of frames) socket.send(frame);
    expect((await closed).code).toBe(code);
  });

  it('a socket without the graphql-transport-ws subprotocol is closed with 4406', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    expect(await closed).toBe(4406);
  });

  it('a ping is answered with a pong carrying its payload', async () => {
    const { socket, opened, messages } = rawSocket(server.url);
    await opened;
    socket.send(JSON.stringify(initWithToken()));
    socket.send(JSON.stringify({ type: 'ping', payload: { sent: 1 } }));
    await expect.poll(() => messages).toContainEqual({ type: 'pong', payload: { sent: 1 } });
    socket.close();
  });

  it('a subscribe reusing the id of a running operation is closed with 4409', async () => {
    const { socket, opened, messages, closed } = rawSocket(server.url);
    await opened;
    socket.send(JSON.stringify(initWithToken()));
    await expect.poll(() => messages).toContainEqual({ type: 'connection_ack' });
    const subscribe = JSON.stringify({ id: 'a', type: 'subscribe', payload: { query: `subscription { meetingEvents { ${EVENT_FIELDS} } }` } });
    socket.send(subscribe);
    socket.send(subscribe);
    expect(await closed).toEqual({ code: 4409, reason: 'Subscriber for a already exists' });
  });

  it('a connection that closes while its token is checked is not counted against its user', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const { socket, opened, closed } = rawSocket(server.url);
      await opened;
      socket.send(JSON.stringify(initWithToken()));
      socket.close();
      await closed;
    }
    const subscribers = await Promise.all([1, 2, 3].map(() => TestSubscriber.start(server.url, token)));
    await Promise.all(subscribers.map((subscriber) => subscriber.expectQuiet(200)));
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
  });

  it('a query from an account deleted since the socket opened is refused UNAUTHENTICATED, and the socket stays open', async () => {
    const gone = await server.createUser(Role.STUDENT);
    const { socket, opened, messages } = rawSocket(server.url);
    await opened;
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await server.tokenFor(gone)}` } }));
    await expect.poll(() => messages).toContainEqual({ type: 'connection_ack' });
    await server.em().nativeDelete(User, { id: gone.id });
    socket.send(JSON.stringify({ id: 'q', type: 'subscribe', payload: { query: '{ me { id } }' } }));
    await expect
      .poll(() => messages.find((message: any) => message.id === 'q'))
      .toMatchObject({
        type: 'error',
        payload: [{ extensions: { code: 'UNAUTHENTICATED' } }],
      });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('a second connection_init is closed with 4429', async () => {
    const { socket, closed, opened } = rawSocket(server.url);
    await opened;
    socket.send(JSON.stringify(initWithToken()));
    socket.send(JSON.stringify(initWithToken()));
    expect((await closed).code).toBe(4429);
  });

  it('a client that never sends connection_init is dropped with 4408', async () => {
    const { closed, opened } = rawSocket(server.url);
    await opened;
    expect((await closed).code).toBe(4408);
  });

  it('a dead peer that answers no ping is dropped', async () => {
    const { socket, closed, opened } = rawSocket(server.url, { autoPong: false });
    await opened;
    socket.send(JSON.stringify(initWithToken()));
    const started = Date.now();
    expect((await closed).code).toBe(1006);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('a peer that answers the pings stays connected, interval after interval', async () => {
    const { socket, closed, opened, messages } = rawSocket(server.url);
    await opened;
    socket.send(JSON.stringify(initWithToken()));
    await expect.poll(() => messages).toContainEqual({ type: 'connection_ack' });
    let pings = 0;
    socket.on('ping', () => (pings += 1));
    const outcome = await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5 * limits.keepAliveMs, 'open'))]);
    expect(outcome).toBe('open');
    expect(pings).toBeGreaterThanOrEqual(3);
    socket.close();
  });

  it('more operations at once than allowed on one connection: the extra one is refused', async () => {
    const { socket, opened, messages } = rawSocket(server.url);
    await opened;
    socket.send(JSON.stringify(initWithToken()));
    await expect.poll(() => messages).toContainEqual({ type: 'connection_ack' });
    const subscribe = (id: string) =>
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: `subscription { meetingEvents { ${EVENT_FIELDS} } }` } }));
    subscribe('1');
    subscribe('2');
    subscribe('3');
    await expect
      .poll(() => messages.find((message: any) => message.id === '3'))
      .toMatchObject({
        type: 'error',
        payload: [{ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/At most 2/) }],
      });
    expect(messages.filter((message: any) => message.type === 'error')).toHaveLength(1);
    socket.close();
  });

  it('more connections than allowed for one user: the extra one is closed with 4429', async () => {
    const first = await Promise.all([1, 2, 3].map(() => TestSubscriber.start(server.url, token)));
    const extra = new TestSubscriber(server.url, token);
    expect(await extra.closed).toEqual({ code: 4429, reason: 'Too many connections for this user' });
    await first[0].close();
    // The server counts a connection out when its socket has closed, which can come just after the
    // client saw the close: a client retrying a refused connection gets in once the count is down.
    const replacement = await vi.waitFor(async () => {
      const candidate = await TestSubscriber.start(server.url, token);
      const refused = await Promise.race([candidate.closed.then(() => true), new Promise((resolve) => setTimeout(resolve, 100, false))]);
      if (refused) throw new Error('refused while the closed connection was still counted');
      return candidate;
    });
    await replacement.expectQuiet(200);
    await Promise.all([...first.slice(1), replacement].map((subscriber) => subscriber.close()));
  });
});

describe('a client that stops reading', () => {
  let server: TestServer;
  let student: User;

  beforeAll(async () => {
    // Operations at once are not what is tested here: a client may run many queries and read none of the answers.
    server = await startTestServer({ limits: { ...loadConfig({}).limits, maxUnsentBytes: 16 * 1024, maxSubscriptionsPerConnection: 1_000 } });
    student = await server.createUser(Role.STUDENT);
  });
  afterAll(() => server.stop());

  it('is closed with 1008 once its unread events pass the limit, after what it was sent', async () => {
    const instructor = await server.createUser(Role.INSTRUCTOR);
    const meeting = await server.createMeeting(instructor, { students: [student] });
    const instructorToken = await server.tokenFor(instructor);
    const describe = (description: string) =>
      server.graphql(
        'mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }',
        { id: meeting.id, input: { description } },
        instructorToken,
      );
    const { socket, opened, messages, closed } = rawSocket(server.url);
    await opened;
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await server.tokenFor(student)}` } }));
    await expect.poll(() => messages).toContainEqual({ type: 'connection_ack' });
    // 15 copies of a 5,000-character description: each event is about 75 KB.
    const copies = Array.from({ length: 15 }, (_, index) => `c${index}: meeting { description }`).join(' ');
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { meetingEvents { id ${copies} } }` } }));
    await expect
      .poll(async () => {
        await describe('ready');
        return messages.some((message: any) => message.type === 'next');
      })
      .toBe(true);

    socket.pause();
    for (let change = 0; change < 200; change += 1) await describe(`${change} ${'x'.repeat(4990)}`);
    socket.resume();
    expect(await closed).toEqual({ code: 1008, reason: 'Too slow to read events; reconnect with afterEventId' });
    const received = messages.filter((message: any) => message.type === 'next').length;
    expect(received).toBeGreaterThan(1);
    expect(received).toBeLessThan(200);
  });

  it('is closed with 1008 too when it sends queries and does not read their results', async () => {
    const instructor = await server.createUser(Role.INSTRUCTOR);
    const meeting = await server.createMeeting(instructor, { students: [student] });
    await server.graphql(
      'mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }',
      { id: meeting.id, input: { description: 'x'.repeat(5000) } },
      await server.tokenFor(instructor),
    );
    const { socket, opened, messages, closed } = rawSocket(server.url);
    await opened;
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await server.tokenFor(student)}` } }));
    await expect.poll(() => messages).toContainEqual({ type: 'connection_ack' });
    // Each answer is about 75 KB: 15 copies of the 5,000-character description.
    const copies = Array.from({ length: 15 }, (_, index) => `c${index}: meeting(id: "${meeting.id}") { description }`).join(' ');
    socket.pause();
    // 300 answers, about 22 MB, far more than the sockets' buffers hold for a client that does not read.
    for (let query = 0; query < 300; query += 1)
      socket.send(JSON.stringify({ id: `q${query}`, type: 'subscribe', payload: { query: `{ ${copies} }` } }));
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    socket.resume();
    const outcome = await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000, 'still open'))]);
    expect(outcome).toEqual({ code: 1008, reason: 'Too slow to read results' });
    expect(messages.filter((message: any) => message.type === 'error')).toEqual([]);
    expect(messages.filter((message: any) => message.type === 'next').length).toBeLessThan(300);
  });
});
