import { MikroORM } from '@mikro-orm/postgresql';
import { databaseUrl, dropDatabase, ensureDatabase } from '../platform/database/create-database';
import { amphiOrmConfig } from '../composition/entities';
import { startJobQueue } from '../mail/job-queue';
import { TEST_MAIL_CONFIG } from './test-mail-config';

export const TEMPLATE_DATABASE = 'amphi_test_template';

/** A database migrated once per run, job queue included; every test file copies it instead of migrating again. */
export async function prepareTemplateDatabase(serverUrl: string): Promise<void> {
  await dropDatabase(serverUrl, TEMPLATE_DATABASE);
  await ensureDatabase(serverUrl, TEMPLATE_DATABASE);
  const orm = await MikroORM.init({ ...amphiOrmConfig({ clientUrl: databaseUrl(serverUrl, TEMPLATE_DATABASE) }), debug: false });
  try {
    await orm.migrator.up();
  } finally {
    await orm.close();
  }
  const jobs = await startJobQueue(databaseUrl(serverUrl, TEMPLATE_DATABASE), TEST_MAIL_CONFIG, console);
  await jobs.stop({ graceful: false });
}
