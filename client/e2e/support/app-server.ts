import { seedDemoData } from '../../../server/seed/demo-data';
import { startTestServer, type TestServer } from '../../../server/testing/test-server';
import { ensureClientBuild } from '../../build-tools/ensure-client-build';
import { JITSI_TEST_DOMAIN } from './jitsi-stand-in';

/** Signs the Jitsi room tokens of the test server; tests verify them with it. */
export const JITSI_TEST_SECRET = 'e2e-jitsi-secret-long-enough-for-hs256-0123456789';
export const JITSI_TEST_APP_ID = 'amphi-e2e';

export interface E2EApp {
  /** http://127.0.0.1:<port>: the production build, the API and GraphiQL on one port. */
  baseUrl: string;
  server: TestServer;
  stop(): Promise<void>;
}

/**
 * The real server over its own database, seeded with the demo accounts and meetings, serving the
 * production build of the client (built first if a source changed), with Jitsi tokens turned on.
 */
export async function startE2EApp(): Promise<E2EApp> {
  await ensureClientBuild();
  const server = await startTestServer({
    jitsiDomain: JITSI_TEST_DOMAIN,
    jitsiToken: {
      kind: 'shared-secret',
      appId: JITSI_TEST_APP_ID,
      secret: JITSI_TEST_SECRET,
      issuer: JITSI_TEST_APP_ID,
      audience: 'jitsi',
      subject: JITSI_TEST_DOMAIN,
    },
    eventPollIntervalMs: 500,
  });
  await seedDemoData(server.em());
  return { baseUrl: server.url.replace(/\/graphql$/, ''), server, stop: () => server.stop() };
}
