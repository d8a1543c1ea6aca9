import { StatementCountingProxy } from '../database/statement-counting-proxy';
import { countStatements, type StatementComparison } from '../measure/statements-per-request';
import { startAmphi, startPostGraphileServer } from '../servers/launch';
import type { BenchContext } from './bench-context';

/** A poll of the event log during a count would be counted too. */
const NO_POLLING_MS = 600_000;

/** Amphi with and without batching, and PostGraphile, all through one counting proxy. */
export async function runStatementsPhase({ children, database, settings, adminToken }: BenchContext): Promise<StatementComparison> {
  const target = new URL(database.url);
  const proxy = new StatementCountingProxy({ host: target.hostname, port: Number(target.port || 5432) });
  await proxy.start();
  const databaseUrl = proxy.urlFor(database.url);
  try {
    const amphi = await startAmphi(children, 'amphi-counted', { databaseUrl, eventPollIntervalMs: NO_POLLING_MS });
    const amphiWithoutBatching = await startAmphi(children, 'amphi-unbatched', {
      databaseUrl,
      eventPollIntervalMs: NO_POLLING_MS,
      withoutBatching: true,
    });
    const postgraphile = await startPostGraphileServer(children, { databaseUrl });
    try {
      return await countStatements(proxy, { amphi, amphiWithoutBatching, postgraphile, adminToken }, settings.statementPageSizes);
    } finally {
      await Promise.all([amphi, amphiWithoutBatching, postgraphile].map((server) => server.child.stop()));
    }
  } finally {
    await proxy.stop();
  }
}
