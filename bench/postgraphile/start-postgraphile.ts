import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postgraphile } from 'postgraphile';
import { grafserv } from 'postgraphile/grafserv/node';
import { postGraphilePreset } from './postgraphile-preset';

export interface RunningPostGraphile {
  url: string;
  server: Server;
  stop(): Promise<void>;
}

/** PostGraphile's own Node server on loopback; port 0 picks a free one. */
export async function startPostGraphile(databaseUrl: string, port = 0, poolMax = 10): Promise<RunningPostGraphile> {
  const { preset, pool } = postGraphilePreset(databaseUrl, poolMax);
  const instance = postgraphile(preset);
  const serv = instance.createServ(grafserv);
  const server = createServer();
  server.on('error', () => {});
  serv.addTo(server);
  await instance.getSchema();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/graphql`,
    server,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Releasing the instance releases its server too.
      await instance.release();
      await pool.end();
    },
  };
}
