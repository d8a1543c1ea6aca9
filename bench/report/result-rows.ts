import type { BenchSettings } from '../bench-settings';
import type { Delivery } from '../load/swarm';
import type { FanOutSize } from '../measure/fan-out';
import type { LoadRun } from '../measure/query-throughput';
import type { BenchResults, ResultRow } from './bench-results';
import { median } from './statistics';

const SATURATED = 0.9;

const ms = (value: number) => `${value.toFixed(0)} ms`;

function throughputRows({ throughput }: BenchResults, settings: BenchSettings): ResultRow[] {
  const summary = (runs: LoadRun[]) => ({
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p99: median(runs.map((run) => run.p99)),
    failures: runs.reduce((sum, run) => sum + run.non2xx + run.errors + run.timeouts, 0),
    busiest: Math.max(...runs.map((run) => run.busy)),
    cpuPerRequest: median(runs.map((run) => run.serverCpuMsPerRequest)),
    firstBurst: median(runs.map((run) => run.firstBurstMs)),
  });
  const [ours, theirs] = [summary(throughput.amphi), summary(throughput.postgraphile)];
  const failures = ours.failures + theirs.failures;
  const saturated = Math.max(ours.busiest, theirs.busiest) >= SATURATED;
  const note = [
    failures ? `${failures} failed requests` : '',
    saturated ? `load generator ${(Math.max(ours.busiest, theirs.busiest) * 100).toFixed(0)} % busy` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const { connections, rampSeconds } = settings.throughput;
  const label = `page of ${settings.pageSize}, ${connections} connections`;
  const warmLabel = `${label}, after ${rampSeconds} s of ramp-up`;
  const rate = ours.requestsPerSecond / theirs.requestsPerSecond;
  const latency = ours.p99 / theirs.p99;
  return [
    {
      measurement: `Query throughput (${warmLabel})`,
      ours: `${ours.requestsPerSecond.toFixed(0)} req/s`,
      baseline: `${theirs.requestsPerSecond.toFixed(0)} req/s`,
      ratio: rate,
      target: '≥ 1.0×',
      pass: rate >= 1 && failures === 0,
      note: note || undefined,
    },
    {
      measurement: `Server CPU per query request (${label})`,
      ours: `${ours.cpuPerRequest.toFixed(1)} ms`,
      baseline: `${theirs.cpuPerRequest.toFixed(1)} ms`,
      ratio: ours.cpuPerRequest / theirs.cpuPerRequest,
      target: '—',
      pass: null,
      note: 'CPU time of the server process, PostgreSQL excluded; other load on the machine does not change it',
    },
    {
      measurement: `Query latency p99 (${warmLabel})`,
      ours: ms(ours.p99),
      baseline: ms(theirs.p99),
      ratio: latency,
      target: '≤ 1.0×',
      pass: latency <= 1 && failures === 0,
      note: note || undefined,
    },
    {
      measurement: `First burst (${label} opened at once): until each has its first answer`,
      ours: ms(ours.firstBurst),
      baseline: ms(theirs.firstBurst),
      ratio: ours.firstBurst / theirs.firstBurst,
      target: '—',
      pass: null,
      note: `the ramp-up that throughput and p99 leave out (the CPU row counts it); ${connections} answers per run, so it moves a lot from run to run`,
    },
  ];
}

function statementRows({ statements }: BenchResults, settings: BenchSettings): ResultRow[] {
  const sizes = settings.statementPageSizes;
  const list = (counts: Record<number, number>) => sizes.map((size) => counts[size]).join(' / ');
  const ours = sizes.map((size) => statements.amphi[size]);
  const flat = ours.every((count) => count === ours[0]);
  const label = `pages of ${sizes.join(' / ')}`;
  return [
    {
      measurement: `SQL statements per request (${label})`,
      ours: list(statements.amphi),
      baseline: list(statements.postgraphile),
      ratio: null,
      target: '≤ 3, flat',
      pass: flat && Math.max(...ours) <= 3,
      note: 'baseline: PostGraphile; the viewer’s session lookup is one of ours',
    },
    {
      measurement: `SQL statements per request without batching (${label})`,
      ours: list(statements.amphiWithoutBatching),
      baseline: list(statements.postgraphile),
      ratio: null,
      target: '—',
      pass: null,
      note: 'the same server with every DataLoader’s batching off',
    },
  ];
}

interface DeliverySummary {
  max: number;
  p50: number;
  p99: number;
  delivered: number;
  clients: number;
  busiest: number;
}

function summarise(deliveries: Delivery[]): DeliverySummary {
  return {
    max: median(deliveries.map((delivery) => delivery.max)),
    p50: median(deliveries.map((delivery) => delivery.p50)),
    p99: median(deliveries.map((delivery) => delivery.p99)),
    delivered: Math.min(...deliveries.map((delivery) => delivery.delivered)),
    clients: deliveries[0]?.clients ?? 0,
    busiest: Math.max(...deliveries.map((delivery) => delivery.loadGeneratorBusy)),
  };
}

const describeDelivery = (summary: DeliverySummary) =>
  `${ms(summary.max)} (p50 ${summary.p50.toFixed(0)}, p99 ${summary.p99.toFixed(0)}; ${summary.delivered}/${summary.clients})`;

function deliveryRow(measurement: string, size: FanOutSize, target: number, machineBound?: string): ResultRow {
  const [ours, theirs] = [summarise(size.contender), summarise(size.baseline)];
  const ratio = ours.max / theirs.max;
  const allDelivered = ours.delivered === ours.clients && theirs.delivered === theirs.clients;
  const notes = [
    ours.busiest >= SATURATED ? `Amphi's load generator ${(ours.busiest * 100).toFixed(0)} % busy` : '',
    theirs.busiest >= SATURATED ? `the baseline's load generator ${(theirs.busiest * 100).toFixed(0)} % busy (bounded by its clients)` : '',
    machineBound ?? '',
  ].filter(Boolean);
  return {
    measurement,
    ours: describeDelivery(ours),
    baseline: describeDelivery(theirs),
    ratio,
    target: `≤ ${target.toFixed(1)}×, 100 % delivered`,
    pass: allDelivered && ratio <= target,
    note: notes.length ? notes.join('; ') : undefined,
  };
}

function serverCpuRow(measurement: string, size: FanOutSize): ResultRow {
  const cpu = (deliveries: Delivery[]) =>
    median(deliveries.map((delivery) => delivery.serverCpuMsEach?.reduce((sum, cpuMs) => sum + cpuMs, 0) ?? Number.NaN));
  const [ours, theirs] = [cpu(size.contender), cpu(size.baseline)];
  return {
    measurement,
    ours: ms(ours),
    baseline: ms(theirs),
    ratio: ours / theirs,
    target: '—',
    pass: null,
    note: 'CPU time of the server process(es) over the round',
  };
}

function fanOutRows({ fanOut }: BenchResults): ResultRow[] {
  return fanOut.flatMap((size) => [
    deliveryRow(`Fan-out to ${size.clients} subscribers: commit → last receipt (vs raw ws)`, size, 1.5),
    serverCpuRow(`Server CPU per broadcast to ${size.clients} subscribers`, size),
  ]);
}

function memoryRows({ fanOut }: BenchResults): ResultRow[] {
  const largest = fanOut.at(-1);
  if (!largest) return [];
  const [ours, theirs] = [largest.contenderBytesPerClient, largest.baselineBytesPerClient];
  const ratio = ours / theirs;
  return [
    {
      measurement: `Memory per idle subscription (${largest.clients} clients, RSS growth ÷ N after a warm-up)`,
      ours: `${(ours / 1024).toFixed(1)} KiB`,
      baseline: `${(theirs / 1024).toFixed(1)} KiB`,
      ratio,
      target: '≤ 2.0×',
      pass: ratio <= 2,
    },
  ];
}

/**
 * On a machine with a core for the servers and one for the load generators, the second instance gets the
 * load generators' core: when that core had more work in a round (the second instance's CPU and the
 * clients') than one instance took to reach every client, two instances could not win, however fast
 * each is. Said on the row, with the figures, rather than left to be guessed.
 */
function sharedCoreNote(size: FanOutSize): string | undefined {
  // The two-instance broadcaster lists the second instance second.
  const sharedCoreMs = median(size.contender.map((delivery) => (delivery.serverCpuMsEach?.[1] ?? Number.NaN) + delivery.loadGeneratorCpuMs));
  const oneInstanceMs = median(size.baseline.map((delivery) => delivery.max));
  if (!(sharedCoreMs >= oneInstanceMs)) return undefined;
  return (
    `bound by the machine: the second instance shares the load generator's core, which had ${ms(sharedCoreMs)} of CPU work per round ` +
    `(that instance's and the clients'), more than one instance took in all (${ms(oneInstanceMs)}); it needs a third core`
  );
}

function scaleOutRows({ scaleOut }: BenchResults, settings: BenchSettings): ResultRow[] {
  const label = `Scale-out: ${settings.scaleOutClients} subscribers on 2 instances + Redis (vs 1 instance)`;
  if (!scaleOut)
    return [
      { measurement: label, ours: '—', baseline: '—', ratio: null, target: '≤ 1.0×', pass: null, note: 'skipped: no REDIS_URL and no redis-server' },
    ];
  return scaleOut.sizes.map((size) => deliveryRow(label, size, 1, scaleOut.secondInstanceBesideLoad ? sharedCoreNote(size) : undefined));
}

/** The table's rows, in the order. */
export function resultRows(results: BenchResults, settings: BenchSettings): ResultRow[] {
  return [
    ...throughputRows(results, settings),
    ...statementRows(results, settings),
    ...fanOutRows(results),
    ...memoryRows(results),
    ...scaleOutRows(results, settings),
  ];
}
