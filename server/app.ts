import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { type AppDependencies, type Context, createContext } from './context';
import { mountClientApp } from './http/client-app';
import { createErrorFormatter } from './http/format-error';
import { ATTENDANCE_CSV_PATH, attendanceCsvHandler } from './http/attendance-csv-route';
import { healthHandler } from './http/health';
import { attachWebSocketServer } from './http/websocket';
import { buildAppSchema } from './schema';

export interface App {
  httpServer: Server;
  /** Resolves with the port actually bound (useful with port 0). */
  listen(port: number): Promise<number>;
  stop(): Promise<void>;
}

export const GRAPHQL_PATH = '/graphql';

export async function createApp(deps: AppDependencies): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const schema = await buildAppSchema();
  const formatError = createErrorFormatter(deps.logger);
  const webSockets = attachWebSocketServer(httpServer, GRAPHQL_PATH, schema, deps, formatError);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => webSockets.dispose() }) },
      // Apollo's landing page loads from a CDN; GraphiQL is served by Amphi itself.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get('/healthz', healthHandler(deps.orm));
  app.get(ATTENDANCE_CSV_PATH, attendanceCsvHandler(deps));
  mountClientApp(app);
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, { context: ({ req }) => createContext(deps, req.headers.authorization) }),
  );

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
