import autocannon from 'autocannon';
import { percentile } from '../report/statistics';

/**
 * A load generator for HTTP, driven over IPC: `run` fires autocannon at one URL and answers with
 * throughput, latency, failures, and how busy this process was (a saturated load generator
 * measures itself rather than the server).
 *
 * Each run opens its connections anew, and their first requests all arrive at once. The first
 * `rampSeconds` are left out of the throughput and the latencies: measured from the start, a run of
 * 10 s at about 100 requests per second has its p99 decided by that first burst (3 % of its requests).
 * The burst is reported on its own instead: how long until every connection had its first answer.
 */
interface RunRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  rampSeconds: number;
  seconds: number;
}

async function run({ url, headers, body, connections, rampSeconds, seconds }: RunRequest): Promise<Record<string, unknown>> {
  const cpu = process.cpuUsage();
  const startedAt = performance.now();
  const measuredFrom = startedAt + rampSeconds * 1000;
  const latencies: number[] = [];
  const answeredConnections = new Set<object>();
  let firstBurstMs = 0;
  const instance = autocannon({ url, method: 'POST', headers, body, connections, duration: rampSeconds + seconds });
  instance.on('response', (connection, _status, _bytes, latency) => {
    if (!answeredConnections.has(connection)) {
      answeredConnections.add(connection);
      firstBurstMs = Math.max(firstBurstMs, performance.now() - startedAt);
    }
    if (performance.now() >= measuredFrom) latencies.push(latency);
  });
  const result = await instance;
  const measuredSeconds = (performance.now() - measuredFrom) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / measuredSeconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    firstBurstMs,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    busy: (used.user + used.system) / 1000 / (performance.now() - startedAt),
  };
}

process.on('message', (message: { id: number; type: string } & RunRequest) => {
  if (message.type !== 'run') return;
  run(message).then(
    (reply) => process.send!({ ...reply, id: message.id }),
    (error: Error) => process.send!({ id: message.id, error: error.stack ?? error.message }),
  );
});
