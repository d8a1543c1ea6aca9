import path from 'node:path';
import type { AppConfig } from '../config';
import { readOrCreateSecret } from '../data-dir';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseServer {
  /** A URL on the server whose database may be swapped with databaseUrl(). */
  serverUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The PostgreSQL server named by DATABASE_URL, or the embedded one in the data folder, started. */
export async function startDatabaseServer(config: AppConfig): Promise<DatabaseServer> {
  if (config.databaseUrl) return { serverUrl: config.databaseUrl, embedded: false, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({
    directory: path.join(config.dataDir, 'postgres'),
    port: config.embeddedDatabasePort,
    password: readOrCreateSecret(config.dataDir, 'postgres-password'),
  });
  return { serverUrl: embedded.serverUrl, embedded: true, stop: embedded.stop };
}
