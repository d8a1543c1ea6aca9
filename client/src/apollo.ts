import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { CloseCode, createClient, type Client as SocketClient } from 'graphql-ws';

export const GRAPHQL_PATH = '/graphql';

export interface ApolloSession {
  client: ApolloClient;
  /** The graphql-ws connection carrying subscriptions (lazy: opened by the first subscription). */
  socket: SocketClient;
  /** Closes the WebSocket and stops the client; the session cannot be used afterwards. */
  dispose(): void;
}

export interface ApolloSessionOptions {
  /** The token from signIn, or null when signed out. */
  token: string | null;
  /** Called when the server says the token is missing, invalid or expired. */
  onUnauthenticated(): void;
}

function socketUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${GRAPHQL_PATH}`;
}

function isSubscription(operation: ApolloLink.Operation): boolean {
  const definition = getMainDefinition(operation.query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
}

function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return error.errors.some((item) => item.extensions?.code === 'UNAUTHENTICATED');
  return ServerError.is(error) && error.statusCode === 401;
}

function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          // One list per filter; "Load more" appends the next page to it.
          meetings: relayStylePagination(['when', 'status']),
        },
      },
    },
  });
}

/**
 * One Apollo client per signed-in session: queries and mutations over HTTP, subscriptions over
 * graphql-ws on the same path, the token on both. A new token means a new session, so no cached data
 * or open subscription outlives the person it belonged to.
 */
export function createApolloSession({ token, onUnauthenticated }: ApolloSessionOptions): ApolloSession {
  const authorization = token ? `Bearer ${token}` : undefined;
  const socket = createClient({
    url: socketUrl(),
    lazy: true,
    connectionParams: authorization ? { authorization } : {},
    // Live events resubscribe themselves after a drop, with the id of the last event they saw.
    retryAttempts: 0,
    on: {
      // The server closes the socket with 4403 when the token is refused or expires.
      closed: (event) => {
        if (token && (event as CloseEvent).code === CloseCode.Forbidden) onUnauthenticated();
      },
    },
  });
  const http = new HttpLink({ uri: GRAPHQL_PATH, headers: authorization ? { authorization } : {} });
  const errors = new ErrorLink(({ error }) => {
    if (token && isUnauthenticated(error)) onUnauthenticated();
  });
  const client = new ApolloClient({
    link: ApolloLink.from([errors, ApolloLink.split(isSubscription, new GraphQLWsLink(socket), http)]),
    cache: createCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return {
    client,
    socket,
    dispose() {
      client.stop();
      void socket.dispose();
    },
  };
}
