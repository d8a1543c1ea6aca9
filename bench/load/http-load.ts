import autocannon from 'autocannon';

/**
 * A load generator for HTTP, driven over IPC: `run` fires autocannon at one URL and answers with
 * throughput, latency, failures, and how busy this process was (a saturated load generator
 * measures itself rather than the server).
 */
interface RunRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  seconds: number;
}

async function run({ url, headers, body, connections, seconds }: RunRequest): Promise<Record<string, unknown>> {
  const cpu = process.cpuUsage();
  const startedAt = performance.now();
  const result = await autocannon({ url, method: 'POST', headers, body, connections, duration: seconds });
  const used = process.cpuUsage(cpu);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
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
