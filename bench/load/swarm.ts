import path from 'node:path';
import type { BenchChild, ChildProcesses } from '../processes/child-processes';
import { percentile } from '../report/statistics';

export interface Expected {
  type: string;
  meetingId?: string;
}

/** How one event reached a swarm's clients. Latencies in milliseconds, from the event's `at`. */
export interface Delivery {
  clients: number;
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  /** Share of the window the load generator spent on the CPU: near 1, it measured itself. */
  loadGeneratorBusy: number;
  /** The load generator's CPU time over the window. */
  loadGeneratorCpuMs: number;
  /**
   * CPU time each server spent on the window, in the broadcaster's order (set by the broadcaster):
   * robust to a busy machine.
   */
  serverCpuMsEach?: number[];
  errors: number;
}

interface Collected {
  clients: number;
  delivered: number;
  latencies: number[];
  errors: number;
  closed: number;
  busyMs: number;
  busy: number;
}

/** The benchmark's side of a subscriber-swarm load generator (load/subscriber-swarm.ts). */
export class Swarm {
  private constructor(private readonly child: BenchChild) {}

  static start(children: ChildProcesses, name: string): Swarm {
    return new Swarm(children.start(name, path.join(__dirname, 'subscriber-swarm.ts'), { core: 'load' }));
  }

  /** graphql-ws clients, one per token, each subscribed with `query`. */
  async subscribe(url: string, tokens: string[], query: string): Promise<void> {
    await this.connect({ url, tokens, query });
  }

  /** Plain WebSocket clients. */
  async connectPlain(url: string, count: number): Promise<void> {
    await this.connect({ url, count });
  }

  private async connect(request: Record<string, unknown>): Promise<void> {
    const result = await this.child.request<{ failed: number; firstFailure?: string }>({ type: 'connect', ...request }, 300_000);
    if (result.failed > 0) throw new Error(`${this.child.name}: ${result.failed} clients could not connect (${result.firstFailure})`);
  }

  /** Arms the clients for `expected`, runs `trigger`, and waits until all received it or `timeoutMs` passed. */
  async receive(expected: Expected, trigger: () => Promise<unknown>, timeoutMs: number): Promise<Delivery> {
    await this.child.request({ type: 'arm', expect: expected });
    await trigger();
    const collected = await this.child.request<Collected>({ type: 'collect', timeoutMs }, timeoutMs + 30_000);
    const sorted = collected.latencies.sort((a, b) => a - b);
    return {
      clients: collected.clients,
      delivered: collected.delivered,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
      loadGeneratorBusy: collected.busy,
      loadGeneratorCpuMs: collected.busyMs,
      errors: collected.errors,
    };
  }

  async close(): Promise<void> {
    await this.child.request({ type: 'close' }, 120_000);
  }

  stop(): Promise<void> {
    return this.child.stop();
  }
}
