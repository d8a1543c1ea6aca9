import { writeFileSync, mkdirSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { writeHeapSnapshot } from 'node:v8';
import path from 'node:path';

/**
 * Side effect: a benchmark server answers requests on its IPC channel, so that every server is read
 * the same way:
 * - `memory`: its resident set size after a full garbage collection (run it with --expose-gc);
 * - `cpu`: the CPU time it has used so far, in microseconds (user + system): what a window cost it,
 *   whatever else the machine was doing;
 * - `profile:start` / `profile:stop`: a CPU profile of just the window in between, written to `file`
 *   (open in Chrome DevTools or speedscope);
 * - `heap-snapshot`: a heap snapshot written to `file`, to see what the memory per connection is made of.
 */
let session: Session | null = null;

async function answer(message: { type?: string; file?: string }): Promise<Record<string, unknown> | null> {
  switch (message.type) {
    case 'memory': {
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed, external } = process.memoryUsage();
      return { rss, heapUsed, external };
    }
    case 'cpu': {
      const { user, system } = process.cpuUsage();
      return { micros: user + system };
    }
    case 'profile:start':
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      return {};
    case 'profile:stop': {
      if (!session) return {};
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = null;
      mkdirSync(path.dirname(message.file!), { recursive: true });
      writeFileSync(message.file!, JSON.stringify(profile));
      return {};
    }
    case 'heap-snapshot':
      mkdirSync(path.dirname(message.file!), { recursive: true });
      writeHeapSnapshot(message.file!);
      return {};
    default:
      return null;
  }
}

process.on('message', (message: { id?: number; type?: string; file?: string }) => {
  answer(message).then(
    (reply) => reply && process.send?.({ ...reply, id: message.id }),
    (error: Error) => process.send?.({ id: message.id, error: error.message }),
  );
});
