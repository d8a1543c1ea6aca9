import { writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { benchTokens } from './auth/bench-tokens';
import { FULL, QUICK, type BenchSettings } from './bench-settings';
import { startBenchDatabase } from './database/bench-database';
import { benchUserId, seedBenchData } from './database/seed-bench-data';
import { runFanOutPhase } from './phases/fan-out-phase';
import { runQueryPhase } from './phases/query-phase';
import { runScaleOutPhase } from './phases/scale-out-phase';
import { runStatementsPhase } from './phases/statements-phase';
import { addPostGraphileSchemaAdditions } from './postgraphile/schema-additions';
import { ChildProcesses, pinningDescription } from './processes/child-processes';
import type { BenchResults, MachineDescription } from './report/bench-results';
import { markdownTable, runDescription } from './report/markdown-table';
import { LATEST_RESULTS, PERFORMANCE_DOC, README, RESULTS_DIRECTORY } from './report/paths';
import { updateReports } from './report/report-sections';
import { resultRows } from './report/result-rows';

/**
 * `npm run bench [-- --quick] [-- --profile]`: seeds a data set, then compares Amphi with PostGraphile
 * (same data, throughput, SQL statements) and with a raw WebSocket broadcast (fan-out, memory), and
 * one instance with two (scale-out). Prints the table, writes bench/results/latest.json and the
 * README's and docs/performance.md's tables (and a line of history there). Every child process is stopped at the end, whatever happens.
 */

function machine(loadAverage: number): MachineDescription {
  return {
    cpus: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.versions.node,
    os: `Linux ${release()}`,
    pinning: pinningDescription(),
    loadAverage,
  };
}

async function main(): Promise<void> {
  const settings: BenchSettings = process.argv.includes('--quick') ? QUICK : FULL;
  const profile = process.argv.includes('--profile');
  const startedAt = new Date();
  const loadAverage = loadavg()[0];
  const clock = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - clock) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const children = new ChildProcesses();
  let cleanUp = async () => {};
  const interrupted = async (signal: string) => {
    log(`${signal}: stopping every child process`);
    await cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));

  log(`${settings.name} run; ${pinningDescription()}; load average ${loadAverage.toFixed(2)}`);
  if (loadAverage > 0.5) log('warning: the machine is busy; times will be noisy (the CPU rows are not affected)');
  const database = await startBenchDatabase(log);
  cleanUp = async () => {
    await children.stopAll();
    await database.stop();
  };
  try {
    await seedBenchData(database.url, settings.data);
    await addPostGraphileSchemaAdditions(database.url);
    log(`seeded ${settings.data.meetings} meetings × ${settings.data.participantsPerMeeting} participants, ${settings.data.listeners} listeners`);
    const context = { settings, children, database, adminToken: await benchTokens.issue(benchUserId('admin', 1)), profile, log };

    log('1. same data, then query throughput: Amphi vs PostGraphile');
    const { sameData, throughput } = await runQueryPhase(context);
    log('2. SQL statements per request');
    const statements = await runStatementsPhase(context);
    log(`3. fan-out and memory: Amphi vs raw ws, ${settings.fanOut.clientCounts.join(' / ')} clients`);
    const fanOut = await runFanOutPhase(context);
    log(`4. scale-out: two instances vs one, ${settings.scaleOutClients} clients`);
    const scaleOut = await runScaleOutPhase(context);

    const results: BenchResults = {
      mode: settings.name,
      startedAt: startedAt.toISOString(),
      durationSeconds: (performance.now() - clock) / 1000,
      machine: machine(loadAverage),
      data: settings.data,
      sameData,
      throughput,
      statements,
      fanOut,
      scaleOut,
      rows: [],
    };
    results.rows = resultRows(results, settings);
    mkdirSync(RESULTS_DIRECTORY, { recursive: true });
    writeFileSync(LATEST_RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    updateReports(README, PERFORMANCE_DOC, results);
    console.log(`\n${runDescription(results)}\n\n${markdownTable(results.rows)}\n`);
    log(`written to ${LATEST_RESULTS}, the README and docs/performance.md`);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
