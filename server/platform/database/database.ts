import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import { databaseUrl, ensureDatabase } from './create-database';
import { startDatabaseServer } from './database-server';
import { logDroppedConnections } from './dropped-connections';
import { ormConfig, type OrmConfigOptions } from './orm-config';

export interface Database {
  orm: MikroORM;
  /** The connection URL of Amphi's database (embedded or DATABASE_URL). */
  url: string;
  /** Closes the pool, then stops the embedded server if there is one. */
  close(): Promise<void>;
}

const EMBEDDED_DATABASE_NAME = 'amphi';

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL; then applies pending migrations. */
export async function openDatabase(
  config: AppConfig,
  logger: Pick<Logger, 'info' | 'warn'>,
  options: Pick<OrmConfigOptions, 'entities' | 'onQuery'>,
): Promise<Database> {
  const server = await startDatabaseServer(config);
  let url = server.serverUrl;
  if (server.embedded) {
    await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE_NAME);
    url = databaseUrl(server.serverUrl, EMBEDDED_DATABASE_NAME);
    logger.info(`embedded PostgreSQL on 127.0.0.1:${config.embeddedDatabasePort}, data in ${config.dataDir}`);
  }
  const orm = await MikroORM.init(ormConfig({ ...options, clientUrl: url, poolMax: config.databasePoolMax, timeouts: config.databaseTimeouts }));
  const close = async () => {
    await orm.close();
    await server.stop();
  };
  try {
    await logDroppedConnections(orm, logger);
    const applied = await orm.migrator.up();
    if (applied.length) logger.info(`applied migrations: ${applied.map((migration) => migration.name).join(', ')}`);
  } catch (error) {
    await close();
    throw error;
  }
  return { orm, url, close };
}
