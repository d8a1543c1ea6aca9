import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const API_PORT = process.env.PORT ?? '4000';

/** Runs a process with its output prefixed, so the API's and Vite's lines can be told apart. */
function run(name: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) console.log(`[${name}] ${line}`);
    });
  }
  return child;
}

// The API (GraphQL, WebSockets, embedded database) and Vite's dev server with hot reload, which
// proxies /graphql (WebSockets included) to the API: open http://localhost:5173.
const children = [
  run('api', [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], { PORT: API_PORT }),
  run('web', [path.join(ROOT, 'node_modules/vite/bin/vite.js'), '--config', 'client/vite.config.mts'], {
    AMPHI_API_URL: `http://localhost:${API_PORT}`,
  }),
];

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
for (const child of children) {
  child.once('exit', (code) => {
    stop('SIGTERM');
    if (children.every((each) => each.exitCode !== null || each.signalCode !== null)) process.exit(code ?? 0);
  });
}
