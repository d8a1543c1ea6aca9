import { ApolloClient, gql, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient as createUrqlClient, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { User } from '../../accounts/model/user.entity';
import { ok } from '../../testing/assertions';
import { Role, startTestServer, type TestServer } from '../../testing/test-server';

// Resuming after the newest event: what the server commits once the client has subscribed is delivered, whenever the subscription starts.
const MEETING_EVENTS = 'subscription ($after: String) { meetingEvents(afterEventId: $after) { id type meeting { id status } } }';

interface ReceivedEvent {
  type: string;
  meeting: { id: string; status: string };
}

/**
 * Amphi's own graphql-transport-ws server (transport/websocket/) with the clients people use, as they
 * come: Apollo Client's GraphQLWsLink and urql's subscriptionExchange, each over graphql-ws's client.
 */
describe('subscriptions from third-party clients', () => {
  let server: TestServer;
  let owner: User;
  let student: User;
  const sockets: WsClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    [owner, student] = await Promise.all([server.createUser(Role.INSTRUCTOR), server.createUser(Role.STUDENT)]);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await server.stop();
  });

  async function socketFor(user: User): Promise<WsClient> {
    const socket = createWsClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await server.tokenFor(user)}` },
    });
    sockets.push(socket);
    return socket;
  }

  /** Subscribes the student through a client, starts a meeting they are invited to, and returns the STARTED event the client received. */
  async function startedSeenThrough(
    subscribe: (socket: WsClient, variables: { after: string }, received: (event: ReceivedEvent) => void) => () => void,
  ): Promise<ReceivedEvent> {
    const meeting = await server.createMeeting(owner, { students: [student] });
    const socket = await socketFor(student);
    let resolveEvent: (event: ReceivedEvent) => void = () => {};
    const started = new Promise<ReceivedEvent>((resolve) => (resolveEvent = resolve));
    const stop = subscribe(socket, { after: await server.lastEventId() }, (event) => {
      if (event.type === 'STARTED' && event.meeting.id === meeting.id) resolveEvent(event);
    });
    ok(await server.graphql('mutation ($id: ID!) { startMeeting(id: $id) { id } }', { id: meeting.id }, await server.tokenFor(owner)));
    try {
      return await started;
    } finally {
      stop();
    }
  }

  it("Apollo Client's GraphQLWsLink receives the events of a meeting the student is invited to", async () => {
    const event = await startedSeenThrough((socket, variables, received) => {
      const client = new ApolloClient({ link: new GraphQLWsLink(socket), cache: new InMemoryCache() });
      const subscription = client.subscribe<{ meetingEvents: ReceivedEvent }>({ query: gql(MEETING_EVENTS), variables }).subscribe({
        next: ({ data }) => data && received(data.meetingEvents),
      });
      return () => subscription.unsubscribe();
    });
    expect(event).toMatchObject({ type: 'STARTED', meeting: { status: 'LIVE' } });
  });

  it("urql's subscriptionExchange receives the events of a meeting the student is invited to", async () => {
    const event = await startedSeenThrough((socket, variables, received) => {
      const client = createUrqlClient({
        url: server.url,
        exchanges: [
          subscriptionExchange({
            forwardSubscription: (request) => ({
              subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
            }),
          }),
        ],
      });
      const subscription = client.subscription<{ meetingEvents: ReceivedEvent }>(MEETING_EVENTS, variables).subscribe((result) => {
        if (result.data) received(result.data.meetingEvents);
      });
      return () => subscription.unsubscribe();
    });
    expect(event).toMatchObject({ type: 'STARTED', meeting: { status: 'LIVE' } });
  });

  it('both are refused alike without a valid token: the socket closes with 4403', async () => {
    const closed = new Promise<number>((resolve) => {
      const socket = createWsClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: 'Bearer not-a-token' },
        retryAttempts: 0,
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      sockets.push(socket);
      socket.subscribe({ query: MEETING_EVENTS, variables: { after: null } }, { next: () => {}, error: () => {}, complete: () => {} });
    });
    expect(await closed).toBe(4403);
  });
});
