import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl, dropDatabase, ensureDatabase } from './platform/database/create-database';
import { freePort } from './testing/free-port';
import { type ServerProcess, startServerProcess } from './testing/server-process';

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
  let server: ServerProcess;
  let dataDir: string;
  let port: number;
  let databasePort: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'amphi-start-'));
    chmodSync(dataDir, 0o755);
    port = await freePort();
    databasePort = await freePort();
    server = startServerProcess({
      DATABASE_URL: '',
      PORT: String(port),
      EMBEDDED_DATABASE_PORT: String(databasePort),
      DATA_DIR: dataDir,
    });
  });

  afterAll(async () => {
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts an embedded PostgreSQL, migrates, seeds the demo accounts and serves GraphQL', async () => {
    const readiness = await server.waitFor(`http://127.0.0.1:${port}/readyz`);
    expect(readiness.status).toBe(200);
    expect(await signInAsDemoInstructor(port)).toEqual({ data: { signIn: { user: { role: 'INSTRUCTOR' } } } });
  });

  it('stops cleanly on SIGTERM, taking the embedded database down with it', async () => {
    server.child.kill('SIGTERM');
    const code = await new Promise((resolve) => server.child.once('exit', resolve));
    expect(code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    await expect(isListening(databasePort)).resolves.toBe(false);
  });
});

describe('npm start with DATABASE_URL', () => {
  const serverUrl = inject('databaseServerUrl');
  const database = 'amphi_start_with_url';
  let server: ServerProcess;
  let port: number;

  beforeAll(async () => {
    await dropDatabase(serverUrl, database);
    await ensureDatabase(serverUrl, database);
    port = await freePort();
    server = startServerProcess({ DATABASE_URL: databaseUrl(serverUrl, database), PORT: String(port), DATA_DIR: '/nonexistent' });
  });

  afterAll(async () => {
    await server.kill();
    await dropDatabase(serverUrl, database);
  });

  it('uses that database: migrates it, seeds it and serves from it, with no embedded server', async () => {
    expect((await server.waitFor(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(await signInAsDemoInstructor(port)).toEqual({ data: { signIn: { user: { role: 'INSTRUCTOR' } } } });
    const client = new Client({ connectionString: databaseUrl(serverUrl, database) });
    await client.connect();
    try {
      const { rows } = await client.query("select count(*)::int as users from users where email like '%@amphi.test'");
      expect(rows[0].users).toBe(8);
    } finally {
      await client.end();
    }
    expect(server.output()).not.toContain('embedded PostgreSQL');
  });
});
