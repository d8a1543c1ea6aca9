import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

const requestLogger = new AsyncLocalStorage<Logger>();

/** Runs `work` with `logger` as the current request's logger (its lines carry the request's id). */
export function withRequestLogger(logger: Logger, work: () => void): void {
  requestLogger.run(logger, work);
}

/** The current request's logger (with its id), or the given one outside a request. */
export function currentLogger(fallback: Logger): Logger {
  return requestLogger.getStore() ?? fallback;
}
