import type { StatementCountingProxy } from '../database/statement-counting-proxy';
import { graphqlData } from '../query/graphql-request';
import { AMPHI_UPCOMING_PAGE, POSTGRAPHILE_UPCOMING_PAGE } from '../query/upcoming-page';
import type { RunningServer } from '../servers/launch';

/** Statements per request, by page size. */
export type StatementCounts = Record<number, number>;

export interface StatementComparison {
  amphi: StatementCounts;
  amphiWithoutBatching: StatementCounts;
  postgraphile: StatementCounts;
}

const REPEATS = 3;

/**
 * Counts, on the wire, the statements one request for a page costs each server (all three talk to
 * PostgreSQL through `proxy`). Each page size is asked once to warm up, then REPEATS times; the
 * fewest counted is kept, since a stray background statement can only add.
 */
export async function countStatements(
  proxy: StatementCountingProxy,
  servers: { amphi: RunningServer; amphiWithoutBatching: RunningServer; postgraphile: RunningServer; adminToken: string },
  pageSizes: number[],
): Promise<StatementComparison> {
  const ask = {
    amphi: (first: number) => graphqlData(servers.amphi.url, AMPHI_UPCOMING_PAGE, { first }, { token: servers.adminToken }),
    amphiWithoutBatching: (first: number) =>
      graphqlData(servers.amphiWithoutBatching.url, AMPHI_UPCOMING_PAGE, { first }, { token: servers.adminToken }),
    postgraphile: (first: number) => graphqlData(servers.postgraphile.url, POSTGRAPHILE_UPCOMING_PAGE, { first }),
  };
  const result: StatementComparison = { amphi: {}, amphiWithoutBatching: {}, postgraphile: {} };
  for (const [name, request] of Object.entries(ask) as Array<[keyof StatementComparison, (first: number) => Promise<unknown>]>) {
    for (const pageSize of pageSizes) {
      await request(pageSize);
      let fewest = Number.POSITIVE_INFINITY;
      for (let repeat = 0; repeat < REPEATS; repeat += 1) {
        const before = proxy.statements;
        await request(pageSize);
        fewest = Math.min(fewest, proxy.statements - before);
      }
      result[name][pageSize] = fewest;
    }
  }
  return result;
}
