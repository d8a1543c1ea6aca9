import './benchmark-probes';
import { startPostGraphile } from '../postgraphile/start-postgraphile';

/** PostGraphile over DATABASE_URL on PORT, until SIGTERM. */
async function main(): Promise<void> {
  const server = await startPostGraphile(process.env.DATABASE_URL!, Number(process.env.PORT), Number(process.env.DATABASE_POOL_MAX ?? 10));
  console.log(`PostGraphile ready: ${server.url}`);
  process.once('SIGTERM', () => void server.stop().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
