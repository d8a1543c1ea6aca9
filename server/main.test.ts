import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl, dropDatabase, ensureDatabase } from './database/create-database';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`no answer from ${url}:\n${output()}`);
}

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'development', JWT_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

async function signInAsDemoInstructor(port: number): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation { signIn(email: "instructor@amphi.test", password: "amphi-demo") { user { role } } }',
    }),
  });
  return response.json();
}

describe('npm start on a machine without a database server', () => {
  let child: ChildProcess;
  let dataDir: string;
  let port: number;
  let databasePort: number;
  let output: () => string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'amphi-start-'));
    chmodSync(dataDir, 0o755);
    port = await freePort();
    databasePort = await freePort();
    ({ child, output } = startServer({
      DATABASE_URL: '',
      PORT: String(port),
      EMBEDDED_DATABASE_PORT: String(databasePort),
      DATA_DIR: dataDir,
    }));
  });

  afterAll(async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts an embedded PostgreSQL, migrates, seeds the demo accounts and serves GraphQL', async () => {
    const health = await waitFor(`http://127.0.0.1:${port}/healthz`, child, output);
    expect(health.status).toBe(200);
    expect(await signInAsDemoInstructor(port)).toEqual({ data: { signIn: { user: { role: 'INSTRUCTOR' } } } });
  });

  it('stops cleanly on SIGTERM, taking the embedded database down with it', async () => {
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    await expect(isListening(databasePort)).resolves.toBe(false);
  });
});

describe('npm start with DATABASE_URL', () => {
  const serverUrl = inject('databaseServerUrl');
  const database = 'amphi_start_with_url';
  let child: ChildProcess;
  let output: () => string;
  let port: number;

  beforeAll(async () => {
    await dropDatabase(serverUrl, database);
    await ensureDatabase(serverUrl, database);
    port = await freePort();
    ({ child, output } = startServer({ DATABASE_URL: databaseUrl(serverUrl, database), PORT: String(port), DATA_DIR: '/nonexistent' }));
  });

  afterAll(async () => {
    await stop(child);
    await dropDatabase(serverUrl, database);
  });

  it('uses that database: migrates it, seeds it and serves from it, with no embedded server', async () => {
    expect((await waitFor(`http://127.0.0.1:${port}/healthz`, child, output)).status).toBe(200);
    expect(await signInAsDemoInstructor(port)).toEqual({ data: { signIn: { user: { role: 'INSTRUCTOR' } } } });
    const client = new Client({ connectionString: databaseUrl(serverUrl, database) });
    await client.connect();
    try {
      const { rows } = await client.query("select count(*)::int as users from users where email like '%@amphi.test'");
      expect(rows[0].users).toBe(8);
    } finally {
      await client.end();
    }
    expect(output()).not.toContain('embedded PostgreSQL');
  });
});
