import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseUrl } from '../server/platform/database/create-database';
import { startTestServer, type TestServer } from '../server/testing/test-server';
import type { User } from '../server/accounts/model/user.entity';
import { QUICK } from './bench-settings';
import { benchUserId, seedBenchData } from './database/seed-bench-data';
import { addPostGraphileSchemaAdditions } from './postgraphile/schema-additions';
import { type RunningPostGraphile, startPostGraphile } from './postgraphile/start-postgraphile';
import { checkSameData, pagesToCheck } from './query/same-data';

/**
 * The benchmark compares Amphi with PostGraphile only if both return the same data: this runs the
 * quick bench's check (its data set, its pages) in `npm test`, so a change to either side, to the
 * seed or to the queries cannot silently make the comparison meaningless.
 */
describe('the benchmark’s data check', () => {
  let amphi: TestServer;
  let postgraphile: RunningPostGraphile;

  beforeAll(async () => {
    amphi = await startTestServer();
    const url = databaseUrl(inject('databaseServerUrl'), amphi.database);
    await seedBenchData(url, QUICK.data);
    await addPostGraphileSchemaAdditions(url);
    postgraphile = await startPostGraphile(url);
  });
  afterAll(async () => {
    await postgraphile?.stop();
    await amphi?.stop();
  });

  it.each(pagesToCheck(QUICK))('Amphi and PostGraphile return the same upcoming page of %i meetings', async (pageSize) => {
    const token = await amphi.tokenFor({ id: benchUserId('admin', 1) } as User);
    const report = await checkSameData(amphi.url, token, postgraphile.url, pageSize);
    expect(report).toMatchObject({ pageSize, meetings: pageSize });
    expect(report.participants).toBe(pageSize * QUICK.data.participantsPerMeeting);
  });
});
