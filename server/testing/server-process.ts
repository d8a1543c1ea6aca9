import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /**
   * The first successful (2xx) answer from `url`: readiness takes a moment after the port opens (the
   * Redis connection, for one). Fails if the server exits, or never answers successfully in time.
   */
  waitFor(url: string, timeoutMs?: number): Promise<Response>;
  /** SIGKILL to the server and the tsx process in front of it, then waits for the exit. */
  kill(): Promise<void>;
}

/** `npm start` as a child process (server/main.ts through tsx), with `env` over this environment. */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'development', JWT_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the server in a child of its own, which a SIGKILL to tsx alone would orphan.
    detached: true,
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return {
    child,
    output: () => output,
    async waitFor(url, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let last = 'no answer';
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
        try {
          const response = await fetch(url);
          if (response.ok) return response;
          last = `${response.status} ${await response.text()}`;
        } catch {
          last = 'no answer';
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`${url} never answered successfully (last: ${last}):\n${output}`);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
  };
}
