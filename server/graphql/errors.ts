import { GraphQLError } from 'graphql';
import { DomainError, type DomainErrorCode } from '../platform/errors';

/** Every code a client may see; anything else is masked as INTERNAL_SERVER_ERROR. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status of a response such an error stops (Apollo reads `extensions.http`); 200 for the others, as GraphQL answers. */
const HTTP_STATUS: Partial<Record<DomainErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** How a domain error reads in GraphQL: its code and details as extensions, with the HTTP head of a response it stops. */
export function extensionsOf(error: DomainError): Record<string, unknown> {
  const status = HTTP_STATUS[error.code];
  const retryAfter = error.details.retryAfterSeconds;
  const headers = typeof retryAfter === 'number' ? new Map([['retry-after', String(retryAfter)]]) : undefined;
  return { code: error.code satisfies ErrorCode, ...error.details, ...(status ? { http: { status, ...(headers ? { headers } : {}) } } : {}) };
}

/** The GraphQL error a domain error becomes, at the same place in the response as `located` (when it has been located). */
export function graphqlErrorOf(error: DomainError, located?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { nodes: located?.nodes, path: located?.path, originalError: error, extensions: extensionsOf(error) });
}

/** Errors as Apollo and graphql-ws report them: a domain error thrown by a resolver carries its code and HTTP status from here on. */
export function withDomainErrorsCoded(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((error) => (error.originalError instanceof DomainError ? graphqlErrorOf(error.originalError, error) : error));
}

/** For `.catch()` where Apollo receives errors directly (the context function): a domain error becomes its GraphQL error. */
export function rethrowCoded(error: unknown): never {
  throw error instanceof DomainError ? graphqlErrorOf(error) : error;
}
