import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Wakes every instance's dispatcher when events were committed. It carries no event data: the
 * dispatchers read the log, so a lost or duplicated wake-up costs nothing but latency.
 */
export interface EventBus {
  announce(): void;
  onAnnouncement(handler: () => void): void;
  /** False while wake-ups from other instances cannot arrive (Redis unreachable). */
  connected(): boolean;
  close(): Promise<void>;
}

export function createInProcessBus(): EventBus {
  const handlers: Array<() => void> = [];
  return {
    announce: () => {
      for (const handler of handlers) handler();
    },
    onAnnouncement: (handler) => void handlers.push(handler),
    connected: () => true,
    close: async () => {},
  };
}

const CHANNEL = 'amphi:meeting-events';

/** Redis pub/sub between instances; the local dispatcher is woken directly, never through Redis. */
export function createRedisBus(url: string, logger: Logger): EventBus {
  const handlers: Array<() => void> = [];
  const wake = () => {
    for (const handler of handlers) handler();
  };
  const options = { lazyConnect: false, maxRetriesPerRequest: 1, retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000) };
  // Without an offline queue, a publish while Redis is down fails at once instead of piling up.
  const publisher = new Redis(url, { ...options, enableOfflineQueue: false });
  const subscriber = new Redis(url, options);
  let subscribed = false;
  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error: Error) => logger.warn({ err: error.message, client: name }, 'redis event bus unavailable'));
  }
  subscriber.on('ready', () => {
    subscriber
      .subscribe(CHANNEL)
      .then(() => {
        subscribed = true;
        // Whatever other instances committed while we were cut off is in the log: catch up now.
        wake();
      })
      .catch((error: Error) => logger.warn({ err: error.message }, 'redis subscribe failed'));
  });
  subscriber.on('close', () => (subscribed = false));
  subscriber.on('message', wake);
  return {
    announce() {
      wake();
      publisher.publish(CHANNEL, '').catch(() => {
        // Other instances catch up from the log on their next poll or reconnect.
      });
    },
    onAnnouncement: (handler) => void handlers.push(handler),
    connected: () => subscribed && publisher.status === 'ready',
    async close() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
