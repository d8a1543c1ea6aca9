import type { NextFunction, Request, Response } from 'express';
import { getOperationAST, type OperationDefinitionNode, parse } from 'graphql';

const REFUSAL = {
  errors: [
    {
      message: 'Subscriptions run over WebSocket (graphql-ws) at this same URL, not over HTTP',
      extensions: { code: 'BAD_REQUEST' },
    },
  ],
};

/**
 * Refuses subscription operations sent over HTTP before Apollo sees them: they would run once as a
 * query with no event, and graphql-js's subscription validation throws (rather than reports) on some
 * malformed ones, which Apollo answers with a 500. Anything that does not parse is left to Apollo.
 */
export function refuseSubscriptionsOverHttp(maxTokens: number) {
  return (request: Request, response: Response, next: NextFunction) => {
    const params = (request.method === 'GET' ? request.query : request.body) as { query?: unknown; operationName?: unknown } | undefined;
    if (typeof params?.query !== 'string') return next();
    let operation: OperationDefinitionNode | null | undefined;
    try {
      const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
      operation = getOperationAST(parse(params.query, { maxTokens }), operationName);
    } catch {
      return next();
    }
    if (operation?.operation === 'subscription') response.status(400).json(REFUSAL);
    else next();
  };
}
