import { createGraphiQLFetcher, type Fetcher, type SyncExecutionResult } from '@graphiql/toolkit';
import { getOperationAST } from 'graphql';
import { createClient, type Client } from 'graphql-ws';

const GRAPHQL_PATH = '/graphql';

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return typeof entry?.[1] === 'string' && entry[1] ? entry[1] : undefined;
}

/**
 * Queries and mutations over HTTP with the Headers tab's headers; subscriptions over graphql-ws on the
 * same path, with the Headers tab's Authorization as `connectionParams.authorization` (as the app does).
 */
export function createAmphiFetcher(): Fetcher {
  const http = createGraphiQLFetcher({ url: GRAPHQL_PATH, enableIncrementalDelivery: false });
  const sockets = new Map<string, Client>();
  const socketFor = (authorization: string | undefined): Client => {
    const key = authorization ?? '';
    let socket = sockets.get(key);
    if (!socket) {
      const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
      socket = createClient({
        url: `${protocol}//${window.location.host}${GRAPHQL_PATH}`,
        lazy: true,
        connectionParams: authorization ? { authorization } : {},
      });
      sockets.set(key, socket);
    }
    return socket;
  };

  return (params, options) => {
    const operation = options?.documentAST ? getOperationAST(options.documentAST, params.operationName) : null;
    if (operation?.operation !== 'subscription') return http(params, options);
    // graphql-ws yields results as sent on the wire (errors as plain objects), which GraphiQL shows as
    // they are; the toolkit's type merely names GraphQLError instances.
    return socketFor(headerValue(options?.headers, 'authorization')).iterate(params) as SyncExecutionResult;
  };
}
