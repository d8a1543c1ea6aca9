import { GraphQLError } from 'graphql';

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

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
    /** What went wrong underneath, for the logs: never shown to clients. */
    cause?: unknown,
  ) {
    super(message, { extensions: { code, ...extensions }, originalError: cause instanceof Error ? cause : undefined });
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'You must be signed in to do this') =>
  new AppError('UNAUTHENTICATED', message, { http: { status: 401 } });

export const forbidden = (message = 'You are not allowed to do this') => new AppError('FORBIDDEN', message);

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

export const conflict = (message: string) => new AppError('CONFLICT', message);

/**
 * A passing outage (the database restarting, a lost serialization race): the same request may
 * succeed in a moment. HTTP 503 when it stops a request before anything ran.
 */
export const serviceUnavailable = (cause?: unknown) =>
  new AppError('SERVICE_UNAVAILABLE', 'Amphi is briefly unavailable; try again in a few seconds', { retryable: true, http: { status: 503 } }, cause);

export const badUserInput = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', message, { field, fields: [{ field, message }] });
