import { Migrator } from '@mikro-orm/migrations';
import { DataloaderType, defineConfig, type Options } from '@mikro-orm/postgresql';
import type { PoolConfig } from 'pg';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../config';
import { migrationsList } from './migrations';
import { PooledClient } from './pooled-client';

export interface OrmConfigOptions {
  clientUrl: string;
  /** Every entity of the app (composition/entities.ts lists them). */
  entities: Options['entities'];
  poolMax?: number;
  timeouts?: DatabaseTimeouts;
  /** Sees every SQL statement before it runs: tests and benchmarks count them. */
  onQuery?: (sql: string) => void;
}

/**
 * `pg` settings, merged by MikroORM into the options of its `pg.Pool`. Without them a request waits
 * forever for a database that does not answer, and a transaction left open holds its locks forever.
 */
function driverOptions({ connectMs, statementMs }: DatabaseTimeouts): PoolConfig {
  return {
    // Bounds both opening a connection and waiting for a free one in the pool.
    connectionTimeoutMillis: connectMs,
    statement_timeout: statementMs,
    idle_in_transaction_session_timeout: statementMs * 2,
    // Notices a database host that vanished without closing its sockets (power loss, network cut).
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: 'amphi',
    Client: PooledClient,
  };
}

export function ormConfig({ clientUrl, entities, poolMax = 10, timeouts = DEFAULT_DATABASE_TIMEOUTS, onQuery }: OrmConfigOptions): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // Batches Reference and Collection loads made during one request into single queries.
    dataloader: DataloaderType.ALL,
    pool: { min: 0, max: poolMax, idleTimeoutMillis: 30_000 },
    driverOptions: driverOptions(timeouts),
    migrations: {
      // Listed explicitly: file discovery of .ts migrations fails under vitest and compiled builds alike.
      migrationsList,
      pathTs: 'server/platform/database/migrations',
      path: 'server/platform/database/migrations',
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    onQuery: onQuery
      ? (sql) => {
          onQuery(sql);
          return sql;
        }
      : undefined,
  });
}
