import type { Request, Response } from 'express';
import { DomainError, type DomainErrorCode } from '../../platform/errors';
import type { RouteDependencies } from './routes';

const HTTP_STATUS: Partial<Record<DomainErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

export interface Download {
  type: string;
  filename: string;
  body: string;
}

/**
 * A file authorised like the API (`Authorization: Bearer …`), for links a GraphQL answer cannot be:
 * the API's refusals become 401, 403, 404 or 400 with the same code and message as JSON.
 */
export function authorizedDownload<Context>(
  deps: RouteDependencies<Context>,
  produce: (ctx: Context, request: Request<{ id: string }>) => Promise<Download>,
) {
  return async (request: Request<{ id: string }>, response: Response) => {
    try {
      const ctx = await deps.contextFor(request.headers.authorization);
      const file = await produce(ctx, request);
      response.type(file.type).attachment(file.filename).set('Cache-Control', 'no-store').send(file.body);
    } catch (error) {
      const status = error instanceof DomainError ? HTTP_STATUS[error.code] : undefined;
      if (error instanceof DomainError && status) {
        response.status(status).json({ error: { code: error.code, message: error.message } });
      } else {
        deps.logger.error({ err: error, path: request.path }, 'download failed');
        response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side; try again later' } });
      }
    }
  };
}
