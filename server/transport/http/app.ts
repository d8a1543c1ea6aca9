import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { type AppDependencies, type Context, createContext } from '../../composition/context';
import { mountClientApp } from './client-app';
import { createErrorFormatter } from '../../graphql/format-error';
import { ATTENDANCE_CSV_PATH, attendanceCsvHandler } from '../../meetings/attendance/attendance-csv-route';
import { CALENDAR_FEED_PATH, calendarFeedHandler } from '../../calendar/http/calendar-feed-route';
import { MEETING_ICS_PATH, meetingIcsHandler } from '../../calendar/http/meeting-ics-route';
import { healthHandler } from './health';
import { readinessHandler } from './readiness';
import { httpErrorHandler, MAX_BODY } from './http-errors';
import { requestLogging } from './request-logging';
import { refuseSubscriptionsOverHttp } from './no-subscriptions-over-http';
import { createOperationLimits } from '../../graphql/operation-limits';
import { attachWebSocketServer } from '../websocket/websocket-server';
import { compiledExecution } from '../../graphql/compiled-execution';
import { rethrowCoded } from '../../graphql/errors';
import { buildAppSchema } from '../../composition/schema';

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

export async function createApp(deps: AppDependencies): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  if (deps.config.trustProxy) app.set('trust proxy', parseTrustProxy(deps.config.trustProxy));
  app.use(requestLogging(deps.logger));
  const httpServer = createServer(app);
  const schema = await buildAppSchema();
  const formatError = createErrorFormatter(deps.logger);
  const limits = createOperationLimits(deps.config);
  const webSockets = attachWebSocketServer(httpServer, GRAPHQL_PATH, schema, deps, formatError, limits);
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
  app.get('/readyz', readinessHandler(deps));
  app.get(ATTENDANCE_CSV_PATH, attendanceCsvHandler(deps));
  app.get(CALENDAR_FEED_PATH, calendarFeedHandler(deps));
  app.get(MEETING_ICS_PATH, meetingIcsHandler(deps));
  mountClientApp(app);
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: MAX_BODY }),
    refuseSubscriptionsOverHttp(limits.parseOptions.maxTokens),
    expressMiddleware(apollo, { context: ({ req }) => createContext(deps, req.headers.authorization, req.ip).catch(rethrowCoded) }),
  );
  app.use(httpErrorHandler(deps.logger));

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
