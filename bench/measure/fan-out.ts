import type { Delivery } from '../load/swarm';
import type { Broadcaster } from './broadcaster';

export interface FanOutSize {
  clients: number;
  /** One delivery per round, in the order measured. */
  contender: Delivery[];
  baseline: Delivery[];
  /**
   * Resident bytes added per client since the warm-up (a few clients and one broadcast, so that code
   * compiled and pools opened once are not counted), once every client of this size is subscribed.
   */
  contenderBytesPerClient: number;
  baselineBytesPerClient: number;
}

/** Clients connected, and served one unmeasured broadcast, before the memory reference is read. */
const WARM_UP_CLIENTS = 10;

/**
 * For each client count: both sides connect that many clients, then take turns broadcasting, `rounds`
 * times each (baseline first). Memory is read after each side's first broadcast at a size, when every
 * subscription is known to be live, against a reading taken after a small warm-up.
 */
export async function compareFanOut(
  contender: Broadcaster,
  baseline: Broadcaster,
  clientCounts: number[],
  rounds: number,
  log: (line: string) => void,
  /** Profile each side's last broadcast at each size, into files named after this. */
  profilePrefix?: string,
): Promise<FanOutSize[]> {
  for (const side of [baseline, contender]) {
    await side.growTo(WARM_UP_CLIENTS);
    await side.broadcast();
  }
  const [contenderBefore, baselineBefore] = [await contender.residentBytes(), await baseline.residentBytes()];
  const perClient = (bytes: number, clients: number) => bytes / (clients - WARM_UP_CLIENTS);
  const results: FanOutSize[] = [];
  for (const clients of clientCounts) {
    await baseline.growTo(clients);
    await contender.growTo(clients);
    const size: FanOutSize = { clients, contender: [], baseline: [], contenderBytesPerClient: 0, baselineBytesPerClient: 0 };
    for (let round = 0; round < rounds; round += 1) {
      const profile = (side: string) => (profilePrefix && round === rounds - 1 ? `${profilePrefix}-${side}-${clients}.cpuprofile` : undefined);
      size.baseline.push(await baseline.broadcast(profile('baseline')));
      if (round === 0) size.baselineBytesPerClient = perClient((await baseline.residentBytes()) - baselineBefore, clients);
      size.contender.push(await contender.broadcast(profile('contender')));
      if (round === 0) size.contenderBytesPerClient = perClient((await contender.residentBytes()) - contenderBefore, clients);
      const [mine, theirs] = [size.contender.at(-1)!, size.baseline.at(-1)!];
      log(
        `  ${clients} clients, round ${round + 1}: ${contender.name} last after ${mine.max.toFixed(0)} ms (${mine.delivered}/${mine.clients}),` +
          ` ${baseline.name} ${theirs.max.toFixed(0)} ms (${theirs.delivered}/${theirs.clients})`,
      );
    }
    results.push(size);
  }
  return results;
}
