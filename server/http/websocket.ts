import type { Server } from 'node:http';
import { type ExecutionResult, getOperationAST, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, OperationTypeNode } from 'graphql';
import { CloseCode, MessageType } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { type AppDependencies, authenticate, createContext, createSubscriptionContext } from '../context';
import { AppError } from '../errors';
import type { User } from '../user/user.entity';
import { subscribeSharingResults } from '../events/shared-execution';
import type { OperationLimits } from './operation-limits';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Largest message a client may send: operations are small; anything bigger is an attack. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** WebSocket's own close code for a server that cannot serve now (RFC 6455 registry). */
export const TRY_AGAIN_LATER = 1013;
/** Close code for a client that stopped reading its events (RFC 6455: policy violation). */
export const TOO_SLOW = 1008;
/** Close code for a user over their connection cap. */
export const TOO_MANY_CONNECTIONS = 4429;
/** Timers cannot wait longer than this (about 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The connection's viewer as a plain copy, for its subscriptions to read (id, role, name): the entity
 * itself would keep the MikroORM fork that loaded it alive as long as the connection, about 5 KiB
 * each, and even a new entity instance grows ORM bookkeeping once the ORM looks at it.
 */
function detachedCopy(user: User): User {
  const { id, email, displayName, role, createdAt, language, timeZone } = user;
  return { id, email, displayName, role, passwordHash: '', createdAt, language, timeZone, calendarToken: null };
}

function authorizationOf(connectionParams: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = connectionParams?.authorization ?? connectionParams?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/**
 * graphql-ws on the HTTP server's port and path. The token travels in
 * `connectionParams.authorization`; without a valid one the socket is closed with 4403 before any
 * operation runs, and it is closed the same way when the token expires. Operations meet the same
 * limits as over HTTP.
 */
export function attachWebSocketServer(
  httpServer: Server,
  path: string,
  schema: GraphQLSchema,
  deps: AppDependencies,
  formatError: FormatError,
  limits: OperationLimits,
) {
  const webSocketServer = new WebSocketServer({ server: httpServer, path, maxPayload: MAX_MESSAGE_BYTES });
  const connectionsPerUser = new Map<string, number>();
  /** Who each connection signed in as (checked once in onConnect; subscriptions start from it), and from where. */
  const peers = new WeakMap<WebSocket, { viewer: User; address: string }>();
  const { maxConnectionsPerUser, maxSubscriptionsPerConnection, maxUnsentBytes } = deps.config.limits;
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));

  /** A result as the client gets it: its errors through the app's formatError, as over HTTP. */
  const formatted = <R extends { errors?: readonly GraphQLError[] }>(result: R) => (result.errors ? { ...result, errors: format(result.errors) } : result);
  /** Each result as a `next` message's payload, serialised once however many subscribers share it. */
  const payloads = new WeakMap<ExecutionResult, string>();
  const payloadOf = (result: ExecutionResult): string => {
    let payload = payloads.get(result);
    if (payload === undefined) payloads.set(result, (payload = JSON.stringify(formatted(result))));
    return payload;
  };
  /** Sends a subscription's results as graphql-ws would; drops a connection whose client stopped reading. */
  const resultSender = (socket: WebSocket, id: string, drop: () => void) => {
    const head = `{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`;
    return (result: ExecutionResult) => {
      socket.send(`${head}${payloadOf(result)}}`);
      if (socket.bufferedAmount > maxUnsentBytes) drop();
    };
  };

  return useServer(
    {
      schema,
      subscribe: subscribeSharingResults,
      onConnect: async ({ connectionParams, extra }) => {
        const authorization = authorizationOf(connectionParams);
        if (!authorization) return false;
        let signedIn: Awaited<ReturnType<typeof authenticate>>;
        try {
          signedIn = await authenticate(deps.orm.em.fork(), deps.tokens, authorization);
        } catch (error) {
          // While the database is away, the token may well be fine: "try again later", not "forbidden".
          if (error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE') extra.socket.close(TRY_AGAIN_LATER, error.message);
          return false;
        }
        const userId = signedIn.user.id;
        const open = connectionsPerUser.get(userId) ?? 0;
        if (open >= maxConnectionsPerUser) {
          extra.socket.close(TOO_MANY_CONNECTIONS, 'Too many connections for this user');
          return false;
        }
        connectionsPerUser.set(userId, open + 1);
        peers.set(extra.socket, { viewer: detachedCopy(signedIn.user), address: extra.request.socket.remoteAddress ?? 'unknown' });
        // graphql-ws would keep the upgrade request, headers and all, for the connection's life: nothing needs it now.
        (extra as { request?: unknown }).request = undefined;
        const untilExpiry = signedIn.expiresAt.getTime() - Date.now();
        const expiry =
          untilExpiry < LONGEST_TIMER_MS ? setTimeout(() => extra.socket.close(CloseCode.Forbidden, 'Token expired'), untilExpiry) : undefined;
        extra.socket.once('close', () => {
          clearTimeout(expiry);
          const remaining = (connectionsPerUser.get(userId) ?? 1) - 1;
          if (remaining > 0) connectionsPerUser.set(userId, remaining);
          else connectionsPerUser.delete(userId);
        });
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        // The operation being subscribed is already counted.
        if (Object.keys(ctx.subscriptions).length > maxSubscriptionsPerConnection) {
          const message = `At most ${maxSubscriptionsPerConnection} operations may run at once on one connection`;
          return [new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } })];
        }
        const checked = limits.check(schema, payload.query);
        if (!('kind' in checked)) return checked;
        return { schema, document: checked, operationName: payload.operationName, variableValues: payload.variables };
      },
      // Queries and mutations authenticate again, as over HTTP (a mutation may change the viewer).
      context: async ({ connectionParams, extra }, id, payload, args) => {
        const peer = peers.get(extra.socket);
        if (!peer) throw new Error('An operation arrived on a connection that onConnect did not accept');
        const subscription = getOperationAST(args.document, payload.operationName)?.operation === OperationTypeNode.SUBSCRIPTION;
        const ctx = subscription
          ? createSubscriptionContext(deps, peer.viewer, peer.address)
          : await createContext(deps, authorizationOf(connectionParams), peer.address);
        ctx.dropConnection = () => extra.socket.close(TOO_SLOW, 'Too slow to read events; reconnect with afterEventId');
        if (subscription) ctx.sendResult = resultSender(extra.socket, id, ctx.dropConnection);
        return ctx;
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? formatted(result) : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    webSocketServer,
    deps.config.limits.keepAliveMs,
  );
}
