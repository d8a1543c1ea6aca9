import type { Subscriber } from '../graphql/subscriber';

/** Who a connection signed in as: at least their id (connections are counted per user). */
export interface SignedIn<Viewer extends { id: string }> {
  viewer: Viewer;
  /** When the token runs out: the socket is closed then. */
  expiresAt: Date;
}

/** How the transports turn a request into a GraphQL context (composition/context.ts makes them). */
export interface OperationContexts<Context extends { subscriber?: Subscriber }, Viewer extends { id: string }> {
  /** The viewer a "Bearer <token>" value signs in; a domain error (UNAUTHENTICATED, SERVICE_UNAVAILABLE) otherwise. */
  signIn(authorization: string): Promise<SignedIn<Viewer>>;
  /** One query's or mutation's context, signed in with `authorization` (anonymous without). */
  operation(authorization: string | undefined, clientAddress: string): Promise<Context>;
  /** A subscription's context, for as long as it runs: the viewer its connection signed in as. */
  subscription(viewer: Viewer, clientAddress: string): Context;
}
