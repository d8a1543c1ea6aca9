import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { databaseUrl, dropDatabase, ensureDatabase } from '../../server/platform/database/create-database';
import { startEmbeddedPostgres } from '../../server/platform/database/embedded-postgres';
import { amphiOrmConfig } from '../../server/composition/entities';
import { freePort } from '../../server/testing/free-port';

export const BENCH_DATABASE = 'amphi_bench';

export interface BenchDatabase {
  /** The PostgreSQL server (its `postgres` database, or DATABASE_URL as given). */
  serverUrl: string;
  /** The benchmark's own database on that server, migrated and empty. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A fresh, migrated `amphi_bench` database: on DATABASE_URL's server when set, otherwise on an
 * embedded PostgreSQL in a temporary folder that stop() removes.
 */
export async function startBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!serverUrl) {
    const directory = mkdtempSync(path.join(tmpdir(), 'amphi-bench-pg-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder.
    chmodSync(directory, 0o755);
    const embedded = await startEmbeddedPostgres({ directory: path.join(directory, 'data'), port: await freePort(), password: 'amphi-bench' });
    log(`embedded PostgreSQL at ${new URL(embedded.serverUrl).host}`);
    serverUrl = embedded.serverUrl;
    stopServer = async () => {
      await embedded.stop();
      rmSync(directory, { recursive: true, force: true });
    };
  }
  const server = serverUrl;
  try {
    await dropDatabase(server, BENCH_DATABASE);
    await ensureDatabase(server, BENCH_DATABASE);
    const url = databaseUrl(server, BENCH_DATABASE);
    const orm = await MikroORM.init(amphiOrmConfig({ clientUrl: url }));
    try {
      await orm.migrator.up();
    } finally {
      await orm.close();
    }
    return {
      serverUrl: server,
      url,
      async stop() {
        await dropDatabase(server, BENCH_DATABASE).catch(() => {});
        await stopServer();
      },
    };
  } catch (error) {
    await stopServer();
    throw error;
  }
}
