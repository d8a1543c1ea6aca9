import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** Where `npm run build` writes the web client (see client/vite.config.mts). */
export const CLIENT_BUILD_DIRECTORY = path.resolve(__dirname, '../../../dist/client');

/** Paths the server answers itself: the client never shadows them, whatever their method or Accept header. */
const SERVER_PATHS = ['/graphql', '/healthz', '/readyz'];
const GRAPHIQL_PATH = '/graphiql';

const underPath = (requestPath: string, prefix: string) => requestPath === prefix || requestPath.startsWith(`${prefix}/`);

/**
 * Serves the built web client on the API's port: hashed assets cached for good, GraphiQL at /graphiql,
 * and the app's index.html for every other page a browser asks for (client-side routes such as
 * /meetings/…). Requests for files that do not exist (anything with an extension) and non-HTML requests
 * fall through to the routes registered after this, or to a 404.
 */
export function mountClientApp(app: Express, directory = CLIENT_BUILD_DIRECTORY): void {
  const page = (file: string) => (_request: Request, response: Response, next: NextFunction) => {
    const filePath = path.join(directory, file);
    if (!existsSync(filePath)) {
      response.status(503).type('text/plain').send('The Amphi web client is not built yet: run `npm run build` (npm start does it for you).\n');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(filePath, (error) => error && next(error));
  };
  const appPage = page('index.html');

  const client = express.Router();
  client.get([GRAPHIQL_PATH, `${GRAPHIQL_PATH}/`], page('graphiql/index.html'));
  client.use('/assets', express.static(path.join(directory, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  client.use(express.static(directory, { index: false, redirect: false }));
  client.use((request, response, next) => {
    const isPageRequest =
      (request.method === 'GET' || request.method === 'HEAD') && !path.extname(request.path) && request.accepts(['html', 'json']) === 'html';
    if (isPageRequest) appPage(request, response, next);
    else next();
  });

  app.use((request, response, next) => {
    if (SERVER_PATHS.some((prefix) => underPath(request.path, prefix))) next();
    else client(request, response, next);
  });
}
