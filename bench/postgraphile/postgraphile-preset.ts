import { makePgService } from 'postgraphile/adaptors/pg';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { Pool } from 'pg';

/**
 * PostGraphile 5 as it comes (amber preset) over the benchmark database, with as many database
 * connections as Amphi's pool (DATABASE_POOL_MAX, 10 by default) and no GraphiQL.
 */
export function postGraphilePreset(databaseUrl: string, poolMax = 10): { preset: GraphileConfig.Preset; pool: Pool } {
  const pool = new Pool({ connectionString: databaseUrl, max: poolMax });
  // An idle connection dropped by the server must not crash the process.
  pool.on('error', () => {});
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
    grafast: { explain: false },
  };
  return { preset, pool };
}
