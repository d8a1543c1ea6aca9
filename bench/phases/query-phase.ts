import { compareThroughput, type ThroughputComparison } from '../measure/query-throughput';
import { checkSameData, pagesToCheck, type SameDataReport } from '../query/same-data';
import { startAmphi, startPostGraphileServer } from '../servers/launch';
import type { BenchContext } from './bench-context';

/** Checks both servers return the same pages (the measured size and the largest), then compares throughput. */
export async function runQueryPhase(context: BenchContext): Promise<{ sameData: SameDataReport[]; throughput: ThroughputComparison }> {
  const { children, database, settings, adminToken, log } = context;
  const [amphi, postgraphile] = [
    await startAmphi(children, 'amphi', { databaseUrl: database.url }),
    await startPostGraphileServer(children, { databaseUrl: database.url }),
  ];
  try {
    const sameData: SameDataReport[] = [];
    for (const pageSize of pagesToCheck(settings)) {
      sameData.push(await checkSameData(amphi.url, adminToken, postgraphile.url, pageSize));
    }
    log(`same data: ${sameData.map((report) => `${report.meetings} meetings, ${report.participants} participants`).join('; ')}`);
    const throughput = await compareThroughput(children, { amphi, postgraphile, adminToken }, settings, log, context.profile);
    return { sameData, throughput };
  } finally {
    await amphi.child.stop();
    await postgraphile.child.stop();
  }
}
