// npm run migration:create [-- name]: diffs the entities against a scratch database migrated to the
// latest migration, writes the new migration and re-lists server/platform/database/migrations/index.ts.
import 'reflect-metadata';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../platform/config';
import { databaseUrl, dropDatabase, ensureDatabase } from '../platform/database/create-database';
import { startDatabaseServer } from '../platform/database/database-server';
import { amphiOrmConfig } from '../composition/entities';

const MIGRATIONS_DIR = path.resolve(__dirname, '../platform/database/migrations');
const SCRATCH = 'amphi_migration_scratch';

function writeIndex(): void {
  const names = readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  const imports = names.map((name) => `import { ${name} } from './${name}';`);
  const entries = names.map((name) => `  { name: '${name}', class: ${name} },`);
  writeFileSync(
    path.join(MIGRATIONS_DIR, 'index.ts'),
    [
      "import type { MigrationObject } from '@mikro-orm/core';",
      ...imports,
      '',
      '/** Every migration, oldest first. Written by `npm run migration:create`. */',
      'export const migrationsList: MigrationObject[] = [',
      ...entries,
      '];',
      '',
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const server = await startDatabaseServer(loadConfig());
  await dropDatabase(server.serverUrl, SCRATCH);
  await ensureDatabase(server.serverUrl, SCRATCH);
  const orm = await MikroORM.init(amphiOrmConfig({ clientUrl: databaseUrl(server.serverUrl, SCRATCH) }));
  try {
    await orm.migrator.up();
    const result = await orm.migrator.create(MIGRATIONS_DIR, false, false, process.argv[2]);
    if (result.diff.up.length === 0) {
      console.log('The entities match the migrations: nothing to write.');
    } else {
      writeIndex();
      console.log(`Wrote server/platform/database/migrations/${result.fileName}`);
    }
  } finally {
    await orm.close();
    await dropDatabase(server.serverUrl, SCRATCH);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
