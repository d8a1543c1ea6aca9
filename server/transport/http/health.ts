import type { Request, Response } from 'express';

/**
 * Liveness: 200 while this process answers HTTP, whatever its dependencies. A database or Redis
 * outage is not cured by restarting Amphi, and restarting every instance at once during one would
 * only slow the recovery down; /readyz reports the dependencies.
 */
export function healthHandler() {
  return (_request: Request, response: Response) => {
    response.set('cache-control', 'no-store').json({ status: 'ok' });
  };
}
