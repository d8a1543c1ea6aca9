import type { Logger } from 'pino';

/** Runs `task` every `intervalMs` without keeping the process alive; a failure is logged and the next run retries. */
export function runPeriodically(
  task: () => Promise<unknown>,
  intervalMs: number,
  logger: Pick<Logger, 'warn'>,
  failureMessage: string,
): { stop(): void } {
  const timer = setInterval(() => {
    task().catch((error: unknown) => logger.warn({ err: error }, failureMessage));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
