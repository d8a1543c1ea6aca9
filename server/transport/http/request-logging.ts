import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { withRequestLogger } from '../../platform/logging';

const CLIENT_REQUEST_ID = /^[\w.-]{1,100}$/;
const QUIET_PATHS = /^\/(healthz|readyz|assets\/)/;

/**
 * One JSON log line per request with a request id (the caller's X-Request-Id when sensible, else a
 * new one, echoed back), and that request's logger available to code deep in the request.
 */
export function requestLogging(logger: Logger): RequestHandler[] {
  const http = pinoHttp({
    logger,
    genReqId: (request, response) => {
      const incoming = request.headers['x-request-id'];
      const id = typeof incoming === 'string' && CLIENT_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      response.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (request) => QUIET_PATHS.test(request.url ?? '') },
    // 503s come from a database outage, logged once where it is detected: not an error per request.
    customLogLevel: (_request, response, error) => {
      if (response.statusCode === 503) return 'warn';
      return error || response.statusCode >= 500 ? 'error' : 'info';
    },
  });
  return [http, (request: Request, _response: Response, next: NextFunction) => withRequestLogger(request.log, next)];
}
