import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { TcpProxy } from '../../testing/tcp-proxy';
import { startTestServer, type TestServer } from '../../testing/test-server';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('Readiness with Redis SKIPPED: set REDIS_URL (e.g. redis://127.0.0.1:6379) to run it.');

async function probe(server: TestServer, path: '/healthz' | '/readyz'): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, server.url));
  return { status: response.status, body: await response.json() };
}

async function proxyTo(url: string, defaultPort: number): Promise<TcpProxy> {
  const target = new URL(url);
  const proxy = new TcpProxy(target.hostname, Number(target.port || defaultPort));
  await proxy.start();
  return proxy;
}

describe('/healthz and /readyz', () => {
  let proxy: TcpProxy;
  let server: TestServer;

  beforeAll(async () => {
    proxy = await proxyTo(inject('databaseServerUrl'), 5432);
    server = await startTestServer({}, { databaseProxy: proxy });
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.cut();
  });

  it('both answer 200 when the database answers; /readyz says nothing of Redis when it is not configured', async () => {
    expect(await probe(server, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await probe(server, '/readyz')).toEqual({ status: 200, body: { status: 'ready', database: 'ok' } });
  });

  it('without the database, /readyz answers 503 naming it while /healthz stays 200; both recover with it', async () => {
    await proxy.cut();
    try {
      expect(await probe(server, '/readyz')).toEqual({ status: 503, body: { status: 'unavailable', database: 'unreachable' } });
      expect(await probe(server, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    } finally {
      await proxy.restore();
    }
    expect(await probe(server, '/readyz')).toEqual({ status: 200, body: { status: 'ready', database: 'ok' } });
  });
});

describe.skipIf(!REDIS_URL)('/readyz with REDIS_URL', () => {
  let proxy: TcpProxy;
  let server: TestServer;

  beforeAll(async () => {
    proxy = await proxyTo(REDIS_URL!, 6379);
    server = await startTestServer({ redisUrl: `redis://127.0.0.1:${proxy.port}` });
    await vi.waitFor(() => expect(server.events.connected()).toBe(true), { timeout: 10_000 });
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.cut();
  });

  it('answers 503 naming Redis while Redis is unreachable, and 200 again once the event bus reconnects', async () => {
    expect(await probe(server, '/readyz')).toEqual({ status: 200, body: { status: 'ready', database: 'ok', redis: 'ok' } });
    await proxy.cut();
    try {
      await expect.poll(() => server.events.connected()).toBe(false);
      expect(await probe(server, '/readyz')).toEqual({ status: 503, body: { status: 'unavailable', database: 'ok', redis: 'unreachable' } });
    } finally {
      await proxy.restore();
    }
    await vi.waitFor(async () => expect((await probe(server, '/readyz')).status).toBe(200), { timeout: 10_000 });
  });
});
