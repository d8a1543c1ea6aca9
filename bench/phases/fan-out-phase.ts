import { Client } from 'pg';
import { Swarm } from '../load/swarm';
import { AmphiBroadcaster } from '../measure/amphi-broadcaster';
import { RawBroadcaster } from '../measure/raw-broadcaster';
import { compareFanOut, type FanOutSize } from '../measure/fan-out';
import { startAmphi, startRawBroadcast } from '../servers/launch';
import type { BenchContext } from './bench-context';

/** Amphi against the raw broadcast, at each client count; the largest also gives the memory per subscription. */
export async function runFanOutPhase({ children, database, settings, log, profile }: BenchContext): Promise<FanOutSize[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const amphi = await startAmphi(children, 'amphi-fan-out', { databaseUrl: database.url });
  const raw = await startRawBroadcast(children);
  const [amphiSwarm, rawSwarm] = [Swarm.start(children, 'swarm-amphi'), Swarm.start(children, 'swarm-raw')];
  try {
    return await compareFanOut(
      new AmphiBroadcaster('Amphi', [amphi], amphiSwarm, client, 1),
      new RawBroadcaster(raw, rawSwarm),
      settings.fanOut.clientCounts,
      settings.fanOut.rounds,
      log,
      profile ? 'fan-out' : undefined,
    );
  } finally {
    await Promise.all([amphiSwarm.stop(), rawSwarm.stop(), amphi.child.stop(), raw.child.stop()]);
    await client.end();
  }
}
