import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { LOG_DIRECTORY } from '../report/paths';

/** Where servers and load generators run: apart, when the machine has the cores and `taskset`. */
export type Core = 'server' | 'load';

export interface ChildOptions {
  env?: Record<string, string>;
  core?: Core;
  /** Extra flags for node, e.g. --cpu-prof. */
  nodeArgs?: string[];
}

export interface BenchChild {
  name: string;
  pid: number;
  process: ChildProcess;
  /** The last lines it printed, for error messages. */
  recentOutput(): string;
  /** Sends a message over IPC and resolves with the reply carrying the same `id`. */
  request<T>(message: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. */
  stop(): Promise<void>;
}

function canPin(): boolean {
  if (availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PINNING = canPin();
const CORES: Record<Core, string> = { server: '0', load: String(availableParallelism() - 1) };

/** Whether children run pinned to the cores their `core` option names. */
export function coresPinned(): boolean {
  return PINNING;
}

/** Whether children are pinned, and where: for the report. */
export function pinningDescription(): string {
  return PINNING
    ? `servers on core ${CORES.server}, load generators on core ${CORES.load} (taskset); PostgreSQL unpinned`
    : 'not pinned (no taskset or one core)';
}

/**
 * Every child process of the benchmark: TypeScript entries run by this Node through tsx, each with an
 * IPC channel and its output in bench/results/logs/. stopAll() ends them all, on success or failure.
 */
export class ChildProcesses {
  private readonly children = new Set<BenchChild>();
  private nextRequestId = 1;

  constructor() {
    // Last resort if the orchestrator dies without reaching its clean-up.
    process.once('exit', () => {
      for (const child of this.children) child.process.kill('SIGKILL');
    });
  }

  start(name: string, script: string, options: ChildOptions = {}): BenchChild {
    mkdirSync(LOG_DIRECTORY, { recursive: true });
    const log = createWriteStream(path.join(LOG_DIRECTORY, `${name}.log`));
    const nodeCommand = [process.execPath, ...(options.nodeArgs ?? []), '--import', 'tsx', script];
    const [command, ...args] = PINNING && options.core ? ['taskset', '-c', CORES[options.core], ...nodeCommand] : nodeCommand;
    const child = spawn(command, args, {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let recent: string[] = [];
    const remember = (chunk: Buffer) => {
      log.write(chunk);
      recent = [...recent, ...chunk.toString().split('\n').filter(Boolean)].slice(-30);
    };
    child.stdout!.on('data', remember);
    child.stderr!.on('data', remember);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const pending = new Map<number, (reply: unknown) => void>();
    child.on('message', (message: { id?: number }) => {
      const reply = message.id === undefined ? undefined : pending.get(message.id);
      if (reply) {
        pending.delete(message.id!);
        reply(message);
      }
    });

    const benchChild: BenchChild = {
      name,
      pid: child.pid!,
      process: child,
      recentOutput: () => recent.join('\n'),
      request: <T>(message: Record<string, unknown>, timeoutMs = 120_000) =>
        new Promise<T>((resolve, reject) => {
          const id = this.nextRequestId++;
          const timer = setTimeout(() => {
            pending.delete(id);
            reject(new Error(`${name} did not answer ${JSON.stringify(message.type)} within ${timeoutMs} ms:\n${benchChild.recentOutput()}`));
          }, timeoutMs);
          const onExit = () => reject(new Error(`${name} exited while answering ${JSON.stringify(message.type)}:\n${benchChild.recentOutput()}`));
          void exited.then(onExit);
          pending.set(id, (reply) => {
            clearTimeout(timer);
            const failure = (reply as { error?: string }).error;
            if (failure) reject(new Error(`${name}: ${failure}`));
            else resolve(reply as T);
          });
          child.send({ ...message, id });
        }),
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        }
        log.end();
        this.children.delete(benchChild);
      },
    };
    this.children.add(benchChild);
    return benchChild;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.children].map((child) => child.stop()));
  }
}

/** Polls `url` until it answers 2xx; fails early if the child exits. */
export async function waitUntilAnswering(child: BenchChild, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited with ${child.process.exitCode}:\n${child.recentOutput()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs} ms:\n${child.recentOutput()}`);
}
