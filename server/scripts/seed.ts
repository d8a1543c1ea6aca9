// npm run seed: re-creates the demo accounts and their meetings (refused in production).
import 'reflect-metadata';
import { loadConfig } from '../platform/config';
import { entities } from '../composition/entities';
import { openDatabase } from '../platform/database/database';
import { DEMO_PASSWORD, seedDemoData } from '../seed/demo-data';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.environment === 'production') throw new Error('Demo accounts are never seeded in production');
  const database = await openDatabase(config, console, { entities });
  try {
    await seedDemoData(database.orm.em.fork());
    console.log(`Demo accounts re-created; their password is "${DEMO_PASSWORD}".`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
