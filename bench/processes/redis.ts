import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '../../server/testing/free-port';

export interface BenchRedis {
  url: string;
  /** How the Redis was found, for the report. */
  origin: 'REDIS_URL' | 'redis-server started by the benchmark';
  stop(): Promise<void>;
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/** REDIS_URL's Redis, or a throwaway `redis-server` on loopback (nothing saved), or null when neither exists. */
export async function startBenchRedis(): Promise<BenchRedis | null> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, origin: 'REDIS_URL', stop: async () => {} };
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(true));
    server.once('spawn', () => resolve(false));
  });
  if (failed) return null;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop = async () => {
    if (server.exitCode === null) server.kill('SIGTERM');
    await exited;
  };
  process.once('exit', () => server.kill('SIGKILL'));
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (Date.now() > deadline || server.exitCode !== null) {
      await stop();
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `redis://127.0.0.1:${port}`, origin: 'redis-server started by the benchmark', stop };
}
