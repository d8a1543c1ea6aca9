import type { Server } from 'node:http';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { type AppDependencies, authenticate, createContext } from '../context';
import { subscribeSharingResults } from '../events/shared-execution';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Timers cannot wait longer than this (about 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

function authorizationOf(connectionParams: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = connectionParams?.authorization ?? connectionParams?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/**
 * graphql-ws on the HTTP server's port and path. The token travels in
 * `connectionParams.authorization`; without a valid one the socket is closed with 4403 before any
 * operation runs, and it is closed the same way when the token expires.
 */
export function attachWebSocketServer(httpServer: Server, path: string, schema: GraphQLSchema, deps: AppDependencies, formatError: FormatError) {
  const webSocketServer = new WebSocketServer({ server: httpServer, path });
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  return useServer(
    {
      schema,
      subscribe: subscribeSharingResults,
      onConnect: async ({ connectionParams, extra }) => {
        const authorization = authorizationOf(connectionParams);
        if (!authorization) return false;
        try {
          const { expiresAt } = await authenticate(deps.orm.em.fork(), deps.tokens, authorization);
          const untilExpiry = expiresAt.getTime() - Date.now();
          if (untilExpiry < LONGEST_TIMER_MS) {
            const timer = setTimeout(() => extra.socket.close(CloseCode.Forbidden, 'Token expired'), untilExpiry);
            extra.socket.once('close', () => clearTimeout(timer));
          }
          return true;
        } catch {
          return false;
        }
      },
      context: ({ connectionParams }) => createContext(deps, authorizationOf(connectionParams)),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    webSocketServer,
  );
}
