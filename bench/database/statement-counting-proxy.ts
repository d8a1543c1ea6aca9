import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that counts the statements its clients send, read off the wire
 * protocol: each simple Query ('Q') and each Execute ('E') of the extended protocol is one statement,
 * whatever the driver or ORM above it. Servers pointed at it are counted alike, except connections
 * whose startup names one of `uncountedApplications` (Amphi's job queue, polling in the background:
 * not part of any request).
 */
export class StatementCountingProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  statements = 0;
  port = 0;

  constructor(
    private readonly target: { host: string; port: number },
    private readonly uncountedApplications: ReadonlySet<string> = new Set(['amphi-jobs']),
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.on('data', this.frontendReader());
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** `url` with its host and port replaced by this proxy's. */
  urlFor(url: string): string {
    const proxied = new URL(url);
    proxied.host = `127.0.0.1:${this.port}`;
    return proxied.toString();
  }

  /**
   * Follows one client's messages: the first (startup, or an SSL request) has no type byte; every
   * later one is a type byte and a length that counts itself but not the type.
   */
  private frontendReader(): (chunk: Buffer) => void {
    let buffered = Buffer.alloc(0);
    let untyped = true;
    let counted = true;
    return (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (untyped) {
          if (buffered.length < 8) return;
          const length = buffered.readInt32BE(0);
          if (buffered.length < length) return;
          // An SSLRequest (80877103) is followed by another untyped startup message.
          untyped = buffered.readInt32BE(4) === 80877103;
          if (!untyped) counted = !this.uncountedApplications.has(startupParameters(buffered.subarray(8, length)).application_name ?? '');
          buffered = buffered.subarray(length);
          continue;
        }
        if (buffered.length < 5) return;
        const length = buffered.readInt32BE(1);
        if (buffered.length < 1 + length) return;
        const type = String.fromCharCode(buffered[0]);
        if (counted && (type === 'Q' || type === 'E')) this.statements += 1;
        buffered = buffered.subarray(1 + length);
      }
    };
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The name/value pairs of a startup message (after its length and protocol version), NUL-separated. */
function startupParameters(body: Buffer): Record<string, string> {
  const fields = body.toString('utf8').split('\0');
  const parameters: Record<string, string> = {};
  for (let index = 0; index + 1 < fields.length && fields[index] !== ''; index += 2) parameters[fields[index]] = fields[index + 1];
  return parameters;
}
