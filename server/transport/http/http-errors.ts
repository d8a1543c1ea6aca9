import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { currentLogger } from '../../platform/logging';

/** Largest request body: operations and their variables are small; a 10 MB body is an attack. */
export const MAX_BODY = '128kb';

const REASONS: Record<string, string> = {
  'entity.too.large': `The request body is larger than ${MAX_BODY}`,
  'entity.parse.failed': 'The request body is not valid JSON',
  'encoding.unsupported': 'The request body’s encoding is not supported',
  'charset.unsupported': 'The request body’s charset is not supported',
};

/**
 * Errors raised before GraphQL runs (body too large, malformed JSON…) answered in GraphQL's shape,
 * never Express's HTML page (which shows a stack trace outside production).
 */
export function httpErrorHandler(logger: Logger) {
  return (error: { status?: number; type?: string }, _request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) currentLogger(logger).error({ err: error }, 'unexpected HTTP error');
    const message = status === 500 ? 'Something went wrong on our side; try again later' : (REASONS[error.type ?? ''] ?? 'Bad request');
    response.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  };
}
