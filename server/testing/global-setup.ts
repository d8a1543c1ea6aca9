import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../platform/database/embedded-postgres';
import { freePort } from './free-port';
import { prepareTemplateDatabase } from './template-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

/**
 * One PostgreSQL for the run: TEST_DATABASE_URL's server, or an embedded one in a temporary folder,
 * so that `npm test` needs no database installed. Each test file then gets its own database.
 */
export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let teardown = async () => {};
  if (!serverUrl) {
    const directory = mkdtempSync(path.join(tmpdir(), 'amphi-test-pg-'));
    // Run as root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder.
    chmodSync(directory, 0o755);
    const embedded = await startEmbeddedPostgres({ directory: path.join(directory, 'data'), port: await freePort(), password: 'amphi-test' });
    serverUrl = embedded.serverUrl;
    teardown = async () => {
      await embedded.stop();
      rmSync(directory, { recursive: true, force: true });
    };
  }
  await prepareTemplateDatabase(serverUrl);
  project.provide('databaseServerUrl', serverUrl);
  return teardown;
}
