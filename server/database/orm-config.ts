import { Migrator } from '@mikro-orm/migrations';
import { DataloaderType, defineConfig, type Options } from '@mikro-orm/postgresql';
import { migrationsList } from '../migrations';
import { entities } from './entities';

export interface OrmConfigOptions {
  clientUrl: string;
  poolMax?: number;
  /** Sees every SQL statement before it runs: tests and benchmarks count them. */
  onQuery?: (sql: string) => void;
}

export function ormConfig({ clientUrl, poolMax = 10, onQuery }: OrmConfigOptions): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    // Batches Reference and Collection loads made during one request into single queries.
    dataloader: DataloaderType.ALL,
    pool: { min: 0, max: poolMax, idleTimeoutMillis: 30_000 },
    migrations: {
      // Listed explicitly: file discovery of .ts migrations fails under vitest and compiled builds alike.
      migrationsList,
      pathTs: 'server/migrations',
      path: 'server/migrations',
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
