import { serviceUnavailable } from '../errors';

/**
 * SQLSTATEs after which the same request may well succeed a moment later: the server is shutting
 * down or starting (57P01–57P03), out of connection slots (53300), a statement hit
 * statement_timeout (57014), or a transaction lost a serialization or deadlock race (40001, 40P01).
 * Class 08 (connection exceptions) is matched as a whole.
 */
const RETRYABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '40001', '40P01']);

/** Socket errors of a database that is restarting or unreachable. */
const RETRYABLE_SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** `pg` and `pg-pool` report a lost or unobtainable connection with these messages and no code. */
const LOST_CONNECTION_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown;
}

/** The error and everything it wraps: GraphQL's originalError, `cause`, an AggregateError's errors. */
function* chain(error: unknown, depth = 0): Generator<ErrorLike> {
  if (!error || typeof error !== 'object' || depth > 8) return;
  const current = error as ErrorLike;
  yield current;
  yield* chain(current.originalError, depth + 1);
  yield* chain(current.cause, depth + 1);
  if (Array.isArray(current.errors)) for (const inner of current.errors) yield* chain(inner, depth + 1);
}

function isTransient({ code, message }: ErrorLike): boolean {
  // 08P01 (protocol violation) is a malformed request, e.g. a NUL in a string: retrying cannot help.
  const connectionException = typeof code === 'string' && /^08[0-9A-Z]{3}$/.test(code) && code !== '08P01';
  if (typeof code === 'string' && (RETRYABLE_SQLSTATES.has(code) || connectionException || RETRYABLE_SOCKET_ERRORS.has(code))) return true;
  return typeof message === 'string' && LOST_CONNECTION_MESSAGE.test(message);
}

/** The code and message of the database failure that retrying the whole request may fix, if that is what this is. */
export function transientCause(error: unknown): { code?: string; message?: string } | undefined {
  for (const link of chain(error)) {
    if (isTransient(link)) return { code: typeof link.code === 'string' ? link.code : undefined, message: String(link.message) };
  }
  return undefined;
}

export function isTransientDatabaseError(error: unknown): boolean {
  return transientCause(error) !== undefined;
}

/** For `.catch()`: a transient database failure becomes SERVICE_UNAVAILABLE; anything else is rethrown. */
export function unavailableIfTransient(error: unknown): never {
  throw isTransientDatabaseError(error) ? serviceUnavailable(error) : error;
}
