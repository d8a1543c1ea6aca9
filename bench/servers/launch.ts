import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../server/testing/free-port';
import { BENCH_JWT_SECRET } from '../auth/bench-tokens';
import { type BenchChild, type ChildProcesses, type Core, waitUntilAnswering } from '../processes/child-processes';
import { PROFILE_DIRECTORY } from '../report/paths';

export interface RunningServer {
  child: BenchChild;
  /** http://127.0.0.1:PORT/graphql (the raw broadcast server answers on / and /broadcast). */
  url: string;
  wsUrl: string;
}

const entry = (name: string) => path.join(__dirname, `${name}.ts`);

/**
 * GC on demand, for comparable memory readings; and BENCH_SERVER_NODE_FLAGS, for looking inside the
 * servers with the same runs (e.g. `--perf-basic-prof` for `perf record`, `--trace-gc`).
 */
const NODE_ARGS = ['--expose-gc', ...(process.env.BENCH_SERVER_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [])];

/** The Node flags `npm start` gives Amphi (package.json's start script), so that it runs here as it does there. */
const START_FLAGS: string[] = (
  JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

async function started(child: BenchChild, port: number, healthPath: string, graphqlPath = '/graphql'): Promise<RunningServer> {
  await waitUntilAnswering(child, `http://127.0.0.1:${port}${healthPath}`);
  return { child, url: `http://127.0.0.1:${port}${graphqlPath}`, wsUrl: `ws://127.0.0.1:${port}${graphqlPath}` };
}

export interface AmphiOptions {
  databaseUrl: string;
  redisUrl?: string;
  withoutBatching?: boolean;
  /** EVENT_POLL_INTERVAL_MS: long where a stray poll would disturb a count. */
  eventPollIntervalMs?: number;
  /** The server core unless told otherwise. */
  core?: Core;
}

/** Amphi as `npm start` runs it, in production mode, quiet but for warnings. */
export async function startAmphi(children: ChildProcesses, name: string, options: AmphiOptions): Promise<RunningServer> {
  const port = await freePort();
  const child = children.start(name, entry('amphi'), {
    core: options.core ?? 'server',
    nodeArgs: [...NODE_ARGS, ...START_FLAGS],
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      JWT_SECRET: BENCH_JWT_SECRET,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      REDIS_URL: options.redisUrl ?? '',
      EVENT_POLL_INTERVAL_MS: String(options.eventPollIntervalMs ?? 5_000),
      BENCH_WITHOUT_BATCHING: options.withoutBatching ? '1' : '',
    },
  });
  return started(child, port, '/readyz');
}

export async function startPostGraphileServer(children: ChildProcesses, options: { databaseUrl: string }): Promise<RunningServer> {
  const port = await freePort();
  const child = children.start('postgraphile', entry('postgraphile'), {
    core: 'server',
    nodeArgs: NODE_ARGS,
    env: { PORT: String(port), DATABASE_URL: options.databaseUrl, DATABASE_POOL_MAX: '10' },
  });
  // PostGraphile answers GET /graphql with 405 once up; the ready line is the surer sign.
  const deadline = Date.now() + 60_000;
  while (!child.recentOutput().includes('PostGraphile ready')) {
    if (child.process.exitCode !== null || Date.now() > deadline) throw new Error(`PostGraphile did not start:\n${child.recentOutput()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, url: `http://127.0.0.1:${port}/graphql`, wsUrl: `ws://127.0.0.1:${port}/graphql` };
}

export async function startRawBroadcast(children: ChildProcesses): Promise<RunningServer> {
  const port = await freePort();
  const child = children.start('raw-broadcast', entry('raw-broadcast'), { core: 'server', nodeArgs: NODE_ARGS, env: { PORT: String(port) } });
  const server = await started(child, port, '/healthz', '/');
  return { ...server, url: `http://127.0.0.1:${port}/broadcast` };
}

/** Reads the server's resident set size after a full GC. */
export async function residentBytes(server: RunningServer): Promise<number> {
  const { rss } = await server.child.request<{ rss: number }>({ type: 'memory' });
  return rss;
}

/** Runs `work` with the server's CPU profiled, when `file` is given (the benchmark's --profile). */
export async function profiled<T>(server: RunningServer, file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  await server.child.request({ type: 'profile:start' });
  try {
    return await work();
  } finally {
    await server.child.request({ type: 'profile:stop', file: path.join(PROFILE_DIRECTORY, file) });
  }
}

/** CPU time the server process has used so far, in microseconds. */
export async function cpuMicros(server: RunningServer): Promise<number> {
  const { micros } = await server.child.request<{ micros: number }>({ type: 'cpu' });
  return micros;
}
