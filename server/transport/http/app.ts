import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { compiledExecution } from '../../graphql/compiled-execution';
import { rethrowCoded } from '../../graphql/errors';
import { createErrorFormatter } from '../../graphql/format-error';
import { createOperationLimits } from '../../graphql/operation-limits';
import type { Subscriber } from '../../graphql/subscriber';
import type { AppConfig } from '../../platform/config';
import type { OperationContexts } from '../operation-contexts';
import { attachWebSocketServer } from '../websocket/websocket-server';
import { mountClientApp } from './client-app';
import { healthHandler } from './health';
import { httpErrorHandler, MAX_BODY } from './http-errors';
import { refuseSubscriptionsOverHttp } from './no-subscriptions-over-http';
import { type ReadinessChecks, readinessHandler } from './readiness';
import { requestLogging } from './request-logging';
import type { HttpRoutes } from './routes';

export interface App {
  httpServer: Server;
  /** Resolves with the port actually bound (useful with port 0). */
  listen(port: number): Promise<number>;
  stop(): Promise<void>;
}

export const GRAPHQL_PATH = '/graphql';

/** TRUST_PROXY: `true`, a hop count, or addresses / subnets as Express understands them. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

export interface HttpAppOptions<Context extends { subscriber?: Subscriber }, Viewer extends { id: string }> {
  config: Pick<AppConfig, 'trustProxy' | 'environment' | 'limits'>;
  logger: Logger;
  schema: GraphQLSchema;
  contexts: OperationContexts<Context, Viewer>;
  /** Each feature's own routes. */
  routes: readonly HttpRoutes[];
  readiness: ReadinessChecks;
}

/**
 * Express 5 and Apollo Server 5 on one port: GraphQL at /graphql over HTTP and WebSocket, the health
 * checks, the features' routes, and the web client with GraphiQL.
 */
export async function createHttpApp<Context extends { subscriber?: Subscriber }, Viewer extends { id: string }>(
  options: HttpAppOptions<Context, Viewer>,
): Promise<App> {
  const { config, logger, schema, contexts } = options;
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', parseTrustProxy(config.trustProxy));
  app.use(requestLogging(logger));
  const httpServer = createServer(app);
  const formatError = createErrorFormatter(logger);
  const limits = createOperationLimits(config);
  const webSockets = attachWebSocketServer({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    contexts,
    formatError,
    limits,
    logger,
    settings: config.limits,
  });
  const apollo = new ApolloServer<Context>({
    // The schema, served through graphql-jit for queries (Apollo takes an executor only as a gateway).
    gateway: compiledExecution(schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: limits.apollo.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    plugins: [
      ...limits.apollo.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => webSockets.dispose() }) },
      // Apollo's landing page loads from a CDN; GraphiQL is served by Amphi itself.
      ApolloServerPluginLandingPageDisabled(),
      // Amphi sets no cache hints; Apollo's default cache-control plugin would still wrap every field
      // resolver of every request to collect them (a fifth of the CPU of a page of meetings).
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  app.get('/healthz', healthHandler());
  app.get('/readyz', readinessHandler(options.readiness));
  for (const routes of options.routes) routes(app);
  mountClientApp(app);
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: MAX_BODY }),
    refuseSubscriptionsOverHttp(limits.parseOptions.maxTokens),
    expressMiddleware(apollo, { context: ({ req }) => contexts.operation(req.headers.authorization, req.ip ?? 'unknown').catch(rethrowCoded) }),
  );
  app.use(httpErrorHandler(logger));

  return {
    httpServer,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => resolve((httpServer.address() as AddressInfo).port));
      }),
    stop: () => apollo.stop(),
  };
}
