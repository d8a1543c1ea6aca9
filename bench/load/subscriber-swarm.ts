import WebSocket from 'ws';

/**
 * A load generator holding many WebSocket clients, driven over IPC by the benchmark:
 * - `connect`: opens more clients, either graphql-ws subscribers (connection_init with a token, then
 *   one subscription) or plain sockets (the raw broadcast has no protocol);
 * - `arm`: from now on, notes when each client first receives an event matching `expect`;
 * - `collect`: waits until every client has one (or the timeout), and returns each one's latency: its
 *   receipt time minus the event's `at`, both read from this machine's clock;
 * - `close`: closes every client.
 * Each client parses every message it receives, as a real client would.
 */

interface Client {
  socket: WebSocket;
  failure?: string;
}

interface Expectation {
  type: string;
  meetingId?: string;
}

interface EventMessage {
  type?: string;
  payload?: { data?: { meetingEvents?: { type: string; at: string; meeting?: { id: string } } }; errors?: unknown };
}

const clients: Client[] = [];
let armed: {
  expect: Expectation;
  latencies: Array<number | undefined>;
  received: number;
  cpu: NodeJS.CpuUsage;
  startedAt: number;
  lastAt: number;
} | null = null;
let errorMessages = 0;
let onReceipt: (() => void) | null = null;

const now = () => performance.timeOrigin + performance.now();

function onMessage(index: number, data: WebSocket.RawData): void {
  const message = JSON.parse(data.toString()) as EventMessage;
  if (message.type === 'error' || message.payload?.errors) errorMessages += 1;
  const event = message.payload?.data?.meetingEvents;
  if (!armed || !event || armed.latencies[index] !== undefined) return;
  if (event.type !== armed.expect.type || (armed.expect.meetingId && event.meeting?.id !== armed.expect.meetingId)) return;
  const receivedAt = now();
  armed.latencies[index] = receivedAt - Date.parse(event.at);
  armed.received += 1;
  armed.lastAt = receivedAt;
  if (armed.received === clients.length) onReceipt?.();
}

function open(url: string, localAddress: string, token: string | undefined, query: string | undefined): Promise<void> {
  return new Promise((resolve) => {
    const index = clients.length;
    const socket = new WebSocket(url, token ? 'graphql-transport-ws' : undefined, { localAddress, perMessageDeflate: false });
    const client: Client = { socket };
    clients.push(client);
    const fail = (reason: string) => {
      client.failure ??= reason;
      resolve();
    };
    socket.on('error', (error) => fail(error.message));
    socket.on('close', (code) => fail(`closed with ${code}`));
    socket.on('open', () => {
      if (!token) return resolve();
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    });
    socket.on('message', (data) => {
      if (token && !client.failure && JSON.parse(data.toString()).type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        socket.removeAllListeners('message');
        socket.on('message', (next) => onMessage(index, next));
        resolve();
        return;
      }
      onMessage(index, data);
    });
  });
}

async function connect(request: {
  url: string;
  tokens?: string[];
  count?: number;
  query?: string;
  concurrency?: number;
}): Promise<Record<string, unknown>> {
  const count = request.tokens?.length ?? request.count ?? 0;
  const first = clients.length;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const position = next++;
      // Many source addresses: tens of thousands of connections to one port would exhaust one address's ports.
      const localAddress = `127.0.0.${2 + ((first + position) % 32)}`;
      await open(request.url, localAddress, request.tokens?.[position], request.query);
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.concurrency ?? 50, count) }, worker));
  const failures = clients.slice(first).filter((client) => client.failure);
  return { connected: clients.length - failures.length, failed: failures.length, firstFailure: failures[0]?.failure };
}

async function collect(timeoutMs: number): Promise<Record<string, unknown>> {
  if (!armed) throw new Error('collect before arm');
  const state = armed;
  if (state.received < clients.length) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      onReceipt = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  onReceipt = null;
  armed = null;
  const cpu = process.cpuUsage(state.cpu);
  const busyMs = (cpu.user + cpu.system) / 1000;
  const windowMs = Math.max(1, (state.lastAt || now()) - state.startedAt);
  return {
    clients: clients.length,
    delivered: state.received,
    latencies: state.latencies.filter((latency): latency is number => latency !== undefined),
    errors: errorMessages,
    closed: clients.filter((client) => client.failure).length,
    busyMs,
    // Share of the time from arming to the last receipt this process spent on the CPU.
    busy: busyMs / windowMs,
  };
}

async function closeAll(): Promise<Record<string, unknown>> {
  await Promise.all(
    clients.map(
      ({ socket }) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.terminate();
        }),
    ),
  );
  clients.length = 0;
  return {};
}

process.on('message', (message: { id: number; type: string; expect: Expectation; timeoutMs: number }) => {
  const handle = async (): Promise<Record<string, unknown>> => {
    switch (message.type) {
      case 'connect':
        return connect(message as never);
      case 'arm':
        armed = { expect: message.expect, latencies: new Array(clients.length), received: 0, cpu: process.cpuUsage(), startedAt: now(), lastAt: 0 };
        errorMessages = 0;
        return {};
      case 'collect':
        return collect(message.timeoutMs);
      case 'close':
        return closeAll();
      default:
        throw new Error(`unknown request ${message.type}`);
    }
  };
  handle().then(
    (reply) => process.send!({ ...reply, id: message.id }),
    (error: Error) => process.send!({ id: message.id, error: error.stack ?? error.message }),
  );
});
