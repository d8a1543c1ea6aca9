import path from 'node:path';
import type { BenchSettings } from '../bench-settings';
import type { ChildProcesses } from '../processes/child-processes';
import { AMPHI_UPCOMING_PAGE, POSTGRAPHILE_UPCOMING_PAGE } from '../query/upcoming-page';
import { cpuMicros, profiled, type RunningServer } from '../servers/launch';

/** One autocannon run against one server. */
export interface LoadRun {
  /** Throughput and latencies after the run's ramp-up (see http-load.ts). */
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** From the start of the run until each of its new connections had its first answer. */
  firstBurstMs: number;
  /** All of the run's requests, the ramp-up's included. */
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Share of the run the load generator spent on the CPU. */
  busy: number;
  /** The server's CPU time per request: robust to whatever else the machine is doing. */
  serverCpuMsPerRequest: number;
}

export interface ThroughputComparison {
  amphi: LoadRun[];
  postgraphile: LoadRun[];
}

/**
 * The page of upcoming meetings at `connections` connections: both servers warmed up, then
 * `rounds` runs each, taking turns (PostGraphile first).
 */
export async function compareThroughput(
  children: ChildProcesses,
  servers: { amphi: RunningServer; postgraphile: RunningServer; adminToken: string },
  settings: BenchSettings,
  log: (line: string) => void,
  profile: boolean,
): Promise<ThroughputComparison> {
  const { connections, warmUpSeconds, rampSeconds, seconds, rounds } = settings.throughput;
  const load = children.start('http-load', path.join(__dirname, '../load/http-load.ts'), { core: 'load' });
  const variables = { first: settings.pageSize };
  const targets = {
    amphi: {
      server: servers.amphi,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${servers.adminToken}` },
      body: JSON.stringify({ query: AMPHI_UPCOMING_PAGE, variables }),
    },
    postgraphile: {
      server: servers.postgraphile,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: POSTGRAPHILE_UPCOMING_PAGE, variables }),
    },
  };
  const run = (name: keyof typeof targets, runSeconds: number, profileFile?: string) =>
    profiled(targets[name].server, profileFile, async () => {
      const { server, headers, body } = targets[name];
      const cpuBefore = await cpuMicros(server);
      const measured = await load.request<Omit<LoadRun, 'serverCpuMsPerRequest'>>(
        { type: 'run', url: server.url, headers, body, connections, rampSeconds, seconds: runSeconds },
        (rampSeconds + runSeconds + 60) * 1000,
      );
      return { ...measured, serverCpuMsPerRequest: ((await cpuMicros(server)) - cpuBefore) / 1000 / Math.max(1, measured.requests) };
    });
  try {
    const result: ThroughputComparison = { amphi: [], postgraphile: [] };
    for (const name of ['postgraphile', 'amphi'] as const) await run(name, warmUpSeconds);
    for (let round = 0; round < rounds; round += 1) {
      for (const name of ['postgraphile', 'amphi'] as const) {
        const profileFile = profile && round === rounds - 1 ? `throughput-${name}.cpuprofile` : undefined;
        const measured = await run(name, seconds, profileFile);
        result[name].push(measured);
        log(
          `  round ${round + 1}, ${name}: ${measured.requestsPerSecond.toFixed(0)} req/s, p99 ${measured.p99} ms, first burst ${measured.firstBurstMs.toFixed(0)} ms,` +
            ` ${measured.serverCpuMsPerRequest.toFixed(1)} ms CPU per request, load generator ${(measured.busy * 100).toFixed(0)} % busy`,
        );
      }
    }
    return result;
  } finally {
    await load.stop();
  }
}
