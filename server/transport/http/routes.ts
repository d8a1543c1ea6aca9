import type { Router } from 'express';
import type { Logger } from 'pino';

/** A feature's HTTP routes: each feature registers its own (the composition root hands them to the app). */
export type HttpRoutes = (router: Router) => void;

/** What a feature's routes get from the app: a GraphQL-like context for a request's Authorization header, and the logger. */
export interface RouteDependencies<Context> {
  /** The operation context of a request, signed in with its `Authorization` header (UNAUTHENTICATED without one, where it is needed). */
  contextFor(authorization: string | undefined): Promise<Context>;
  logger: Logger;
}
