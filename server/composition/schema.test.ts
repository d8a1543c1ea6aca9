import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsList } from '../platform/database/migrations';
import { buildAppSchema, printAppSchema } from './schema';
import { startTestServer, type TestServer } from '../testing/test-server';

describe('committed artefacts', () => {
  it('schema.graphql is what the resolvers emit (run `npm run schema` after changing them)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');
    expect(printAppSchema(await buildAppSchema())).toBe(committed);
  });

  it('lists every migration file, in order', () => {
    const files = readdirSync(path.resolve(__dirname, '../platform/database/migrations'))
      .filter((file) => file.startsWith('Migration'))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(migrationsList.map((migration) => migration.name)).toEqual(files);
  });

  describe('on a database migrated to the latest migration', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(() => server.stop());

    it('the entities need no new migration (run `npm run migration:create` after changing them)', async () => {
      const pending = await server.orm.migrator.checkSchema();
      expect(pending).toBe(false);
    });
  });
});
