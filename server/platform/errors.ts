/**
 * What a caller did wrong or could not get, in the terms of the domain: the rules and commands throw
 * these, and each transport says them in its own words (GraphQL codes in graphql/errors.ts, HTTP
 * statuses for downloads). Anything else that escapes is unexpected, and is logged and masked.
 */
export type DomainErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'BAD_REQUEST';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Facts a client may act on (the field at fault, when to retry); never internals. */
    readonly details: Readonly<Record<string, unknown>> = {},
    /** What went wrong underneath, for the logs: never shown to clients. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'You must be signed in to do this') => new DomainError('UNAUTHENTICATED', message);

export const forbidden = (message = 'You are not allowed to do this') => new DomainError('FORBIDDEN', message);

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);

export const conflict = (message: string) => new DomainError('CONFLICT', message);

/** The request itself cannot be served as sent (not a problem with one of its values). */
export const badRequest = (message: string) => new DomainError('BAD_REQUEST', message);

/**
 * A passing outage (the database restarting, a lost serialization race): the same request may
 * succeed in a moment.
 */
export const serviceUnavailable = (cause?: unknown) =>
  new DomainError('SERVICE_UNAVAILABLE', 'Amphi is briefly unavailable; try again in a few seconds', { retryable: true }, cause);

export const badUserInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, { field, fields: [{ field, message }] });

/** Too many attempts: the caller may try again after `retryAfterSeconds`. */
export const rateLimited = (message: string, retryAfterSeconds: number) => new DomainError('RATE_LIMITED', message, { retryAfterSeconds });
