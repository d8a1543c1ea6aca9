import type { Delivery } from '../load/swarm';
import { cpuMicros, type RunningServer } from '../servers/launch';

/** Runs `work` and notes the CPU time each of `servers` spent meanwhile. */
export async function withServerCpu(servers: RunningServer[], work: () => Promise<Delivery>): Promise<Delivery> {
  const used = () => Promise.all(servers.map(cpuMicros));
  const before = await used();
  const delivery = await work();
  return { ...delivery, serverCpuMsEach: (await used()).map((micros, index) => (micros - before[index]) / 1000) };
}

/** How long a broadcast may take before the clients still waiting count as not delivered. */
export const DELIVERY_TIMEOUT_MS = 30_000;

/** One side of a fan-out comparison: clients connected to it, and a way to tell them all one thing. */
export interface Broadcaster {
  readonly name: string;
  /** Connects clients until `total` are connected. */
  growTo(total: number): Promise<void>;
  /**
   * An unmeasured probe, awaited at every client (so every subscription is live, and code is warm),
   * then the measured event; with `profileFile`, the server's CPU is profiled while it is delivered.
   */
  broadcast(profileFile?: string): Promise<Delivery>;
  /** Resident bytes of the server process(es), after a full GC. */
  residentBytes(): Promise<number>;
}
