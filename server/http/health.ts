import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';

/** 200 once the database answers, 503 otherwise: for load balancers and orchestrators. */
export function healthHandler(orm: MikroORM) {
  return async (_request: Request, response: Response) => {
    const database = await orm.checkConnection();
    response
      .status(database.ok ? 200 : 503)
      .json(database.ok ? { status: 'ok' } : { status: 'unavailable', database: 'unreachable' });
  };
}
