import type { Server } from 'node:http';
import {
  execute,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  OperationTypeNode,
} from 'graphql';
import { CloseCode, handleProtocols } from 'graphql-ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { graphqlErrorOf } from '../../graphql/errors';
import { DomainError } from '../../platform/errors';
import { subscribeSharingResults } from '../../graphql/shared-execution';
import type { Subscriber } from '../../graphql/subscriber';
import type { AppLimits } from '../../platform/config';
import type { OperationContexts, SignedIn } from '../operation-contexts';
import type { Logger } from 'pino';
import type { OperationLimits } from '../../graphql/operation-limits';
import { type Connection, GraphqlWsProtocol, nextMessageHead, TOO_SLOW } from './graphql-ws-protocol';
import { KeepAlive } from './keep-alive';
import { cachedIn } from '../../platform/cache';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Largest message a client may send: operations are small; anything bigger is an attack. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** WebSocket's own close code for a server that cannot serve now (RFC 6455 registry). */
export const TRY_AGAIN_LATER = 1013;
/** Close code for a user over their connection cap. */
export const TOO_MANY_CONNECTIONS = 4429;
/** Timers cannot wait longer than this (about 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

function authorizationOf(connectionParams: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = connectionParams?.authorization ?? connectionParams?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/** Who a connection signed in as (checked once, at connection_init: subscriptions start from it). */
interface Peer<Viewer> {
  viewer: Viewer;
  /** Queries and mutations over the socket authenticate again with it, as over HTTP (a mutation may change the viewer). */
  authorization: string;
}

/** A subscription's results, each sent as a `next` message; a connection whose client stopped reading is dropped. */
class SocketSubscriber implements Subscriber {
  private readonly head: string;

  constructor(
    private readonly socket: WebSocket,
    id: string,
    private readonly payloadOf: (result: ExecutionResult) => string,
    private readonly maxUnsentBytes: number,
  ) {
    this.head = nextMessageHead(id);
  }

  send(result: ExecutionResult): void {
    this.socket.send(`${this.head}${this.payloadOf(result)}}`);
    if (this.socket.bufferedAmount > this.maxUnsentBytes) this.drop();
  }

  drop(): void {
    this.socket.close(TOO_SLOW, 'Too slow to read events; reconnect with afterEventId');
  }
}

function closeExpired(connection: Connection<unknown>): void {
  connection.close(CloseCode.Forbidden, 'Token expired');
}

/**
 * GraphQL over WebSocket (graphql-transport-ws, as graphql-ws's clients speak it) on the HTTP
 * server's port and path. The token travels in `connectionParams.authorization`; without a valid one
 * the socket is closed with 4403 before any operation runs, and it is closed the same way when the
 * token expires. Operations meet the same limits as over HTTP.
 */
export interface WebSocketServerOptions<Context extends { subscriber?: Subscriber }, Viewer extends { id: string }> {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  contexts: OperationContexts<Context, Viewer>;
  formatError: FormatError;
  limits: OperationLimits;
  logger: Logger;
  settings: Pick<AppLimits, 'keepAliveMs' | 'maxConnectionsPerUser' | 'maxSubscriptionsPerConnection' | 'maxUnsentBytes'>;
}

export function attachWebSocketServer<Context extends { subscriber?: Subscriber }, Viewer extends { id: string }>({
  httpServer,
  path,
  schema,
  contexts,
  formatError,
  limits,
  logger,
  settings,
}: WebSocketServerOptions<Context, Viewer>) {
  const webSocketServer = new WebSocketServer({
    server: httpServer,
    path,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols,
  });
  const keepAlive = new KeepAlive(settings.keepAliveMs);
  const connectionsPerUser = new Map<string, number>();
  const { maxConnectionsPerUser, maxSubscriptionsPerConnection, maxUnsentBytes } = settings;
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));

  /** Each result as a `next` message's payload, its errors through the app's formatError as over HTTP; serialised once however many subscribers share it. */
  const payloads = new WeakMap<ExecutionResult, string>();
  const serialise = (result: ExecutionResult) => JSON.stringify(result.errors ? { ...result, errors: format(result.errors) } : result);
  const payloadOf = (result: ExecutionResult): string => cachedIn(payloads, result, serialise);

  const protocol = new GraphqlWsProtocol<Peer<Viewer>>(
    {
      async accept(connection, params) {
        const authorization = authorizationOf(params);
        if (!authorization) return false;
        let signedIn: SignedIn<Viewer>;
        try {
          signedIn = await contexts.signIn(authorization);
        } catch (error) {
          // While the database is away, the token may well be fine: "try again later", not "forbidden".
          if (error instanceof DomainError && error.code === 'SERVICE_UNAVAILABLE') connection.close(TRY_AGAIN_LATER, error.message);
          return false;
        }
        const userId = signedIn.viewer.id;
        const open = connectionsPerUser.get(userId) ?? 0;
        if (open >= maxConnectionsPerUser) {
          connection.close(TOO_MANY_CONNECTIONS, 'Too many connections for this user');
          return false;
        }
        connectionsPerUser.set(userId, open + 1);
        const untilExpiry = signedIn.expiresAt.getTime() - Date.now();
        if (untilExpiry < LONGEST_TIMER_MS) connection.timer = setTimeout(closeExpired, untilExpiry, connection);
        return { viewer: signedIn.viewer, authorization };
      },

      async start(connection, id, payload) {
        // The operation being subscribed is already counted.
        if (connection.operations.size > maxSubscriptionsPerConnection) {
          const message = `At most ${maxSubscriptionsPerConnection} operations may run at once on one connection`;
          return [new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } })];
        }
        const document = limits.check(schema, payload.query);
        if (!('kind' in document)) return document;
        const subscription = getOperationAST(document, payload.operationName)?.operation === OperationTypeNode.SUBSCRIPTION;
        const { peer, address, socket } = connection;
        let ctx: Context;
        try {
          ctx = subscription ? contexts.subscription(peer!.viewer, address) : await contexts.operation(peer!.authorization, address);
        } catch (error) {
          // The account was deleted since the connection opened, or the database is away: that operation is refused, not the socket.
          if (error instanceof DomainError) return [graphqlErrorOf(error)];
          throw error;
        }
        const args = { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: ctx };
        if (!subscription) return execute(args);
        ctx.subscriber = new SocketSubscriber(socket, id, payloadOf, maxUnsentBytes);
        return subscribeSharingResults(args);
      },

      payloadOf,
      formatErrors: format,

      closed({ peer }) {
        if (!peer) return;
        const remaining = (connectionsPerUser.get(peer.viewer.id) ?? 1) - 1;
        if (remaining > 0) connectionsPerUser.set(peer.viewer.id, remaining);
        else connectionsPerUser.delete(peer.viewer.id);
      },
    },
    logger,
    maxUnsentBytes,
  );

  webSocketServer.on('connection', (socket, request) => {
    keepAlive.watch(socket);
    protocol.open(socket, request);
  });

  return {
    async dispose(): Promise<void> {
      keepAlive.stop();
      for (const client of webSocketServer.clients) client.close(1001, 'Going away');
      webSocketServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => webSocketServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
