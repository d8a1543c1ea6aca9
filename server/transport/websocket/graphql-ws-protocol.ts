import type { IncomingMessage } from 'node:http';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  CloseCode,
  GRAPHQL_TRANSPORT_WS_PROTOCOL,
  type Message,
  MessageType,
  parseMessage,
  stringifyMessage,
  type SubscribePayload,
} from 'graphql-ws';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';

/** How long a client has to send connection_init, as graphql-ws gives it. */
const CONNECTION_INIT_WAIT_MS = 3_000;
/** Close code for a client that stopped reading what it is sent (RFC 6455: policy violation). */
export const TOO_SLOW = 1008;

type Operation = AsyncGenerator<unknown>;

/** One socket speaking graphql-transport-ws: what the protocol remembers about it, and no more. */
export class Connection<Peer> {
  initReceived = false;
  /** The socket has closed, and the connection been let go. */
  released = false;
  /** Who connection_init signed in, once it has been accepted. */
  peer: Peer | null = null;
  /** Operations running, by the client's id: null while one starts, its subscription once it runs. */
  readonly operations = new Map<string, Operation | null>();
  /** Waits for connection_init, then for whatever the hooks set (the token's expiry). */
  timer: NodeJS.Timeout | undefined;

  constructor(
    readonly socket: WebSocket,
    readonly address: string,
  ) {}

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }
}

/** What the application decides; the protocol around it is GraphqlWsProtocol's. */
export interface ProtocolHooks<Peer> {
  /** connection_init: the peer it signs in, or false (then 4403, unless the hook closed the socket itself). */
  accept(connection: Connection<Peer>, params: Readonly<Record<string, unknown>> | undefined): Promise<Peer | false>;
  /**
   * A subscribe message: runs its operation, or refuses it with errors. A subscription's results go to
   * the socket by themselves; a query's or mutation's result is sent once.
   */
  start(connection: Connection<Peer>, id: string, payload: SubscribePayload): Promise<Operation | ExecutionResult | readonly GraphQLError[]>;
  /** The `payload` of a `next` message for a query's or mutation's result. */
  payloadOf(result: ExecutionResult): string;
  formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[];
  /** The socket has closed (its operations are returned already); `peer` is set if it was accepted. */
  closed(connection: Connection<Peer>): void;
}

function isErrorList(result: Operation | ExecutionResult | readonly GraphQLError[]): result is readonly GraphQLError[] {
  return Array.isArray(result);
}

/** A `next` message for operation `id` up to its payload: append the serialised payload and `}`. */
export function nextMessageHead(id: string): string {
  return `{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`;
}

function closeUninitialised(connection: Connection<unknown>): void {
  if (!connection.initReceived) connection.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout');
}

/**
 * The server side of graphql-transport-ws (the protocol graphql-ws's clients speak), with the close
 * codes and messages of graphql-ws's own server. Written here rather than taken from graphql-ws
 * because of what an idle subscription costs there: a suspended async function per subscription
 * holding its message, payload and three closures, and two timers and a dozen closures per
 * connection. Here a connection is one small object and two listeners; a subscription, its entry in
 * a map (see shared-execution.ts for what it holds itself).
 */
export class GraphqlWsProtocol<Peer> {
  private readonly connections = new WeakMap<WebSocket, Connection<Peer>>();
  private readonly onMessage: (this: WebSocket, data: RawData) => void;
  private readonly onClose: (this: WebSocket) => void;
  private readonly onError: (this: WebSocket, error: Error) => void;

  constructor(
    private readonly hooks: ProtocolHooks<Peer>,
    private readonly logger: Logger,
    /** What may wait unsent on a socket before its client counts as not reading: queries answered into the void would pile up. */
    private readonly maxUnsentBytes: number,
  ) {
    // Listeners shared by every socket (`this` is the socket), rather than closures made per connection.
    const protocol = this;
    this.onMessage = function (this: WebSocket, data: RawData) {
      const connection = protocol.connections.get(this);
      if (connection) void protocol.receive(connection, String(data));
    };
    this.onClose = function (this: WebSocket) {
      const connection = protocol.connections.get(this);
      if (connection) protocol.release(connection);
    };
    this.onError = function (this: WebSocket, error: Error) {
      // ws closes the socket itself (1009 for an oversized message, 1002 for a protocol error).
      protocol.logger.warn({ err: error, address: protocol.connections.get(this)?.address }, 'a WebSocket client broke the protocol');
    };
  }

  open(socket: WebSocket, request: IncomingMessage): void {
    socket.on('error', this.onError);
    if (socket.protocol !== GRAPHQL_TRANSPORT_WS_PROTOCOL) {
      socket.close(CloseCode.SubprotocolNotAcceptable, 'Subprotocol not acceptable');
      return;
    }
    const connection = new Connection<Peer>(socket, request.socket.remoteAddress ?? 'unknown');
    this.connections.set(socket, connection);
    connection.timer = setTimeout(closeUninitialised, CONNECTION_INIT_WAIT_MS, connection);
    socket.on('message', this.onMessage);
    socket.on('close', this.onClose);
  }

  private async receive(connection: Connection<Peer>, data: string): Promise<void> {
    let message: Message;
    try {
      message = parseMessage(data);
    } catch {
      connection.close(CloseCode.BadRequest, 'Invalid message received');
      return;
    }
    try {
      await this.handle(connection, message);
    } catch (error) {
      this.logger.error({ err: error, address: connection.address }, 'a WebSocket message could not be handled');
      connection.close(CloseCode.InternalServerError, 'Internal server error');
    }
  }

  private async handle(connection: Connection<Peer>, message: Message): Promise<void> {
    switch (message.type) {
      case MessageType.ConnectionInit:
        return this.initialise(connection, message.payload);
      case MessageType.Ping:
        return this.send(connection, message.payload ? { type: MessageType.Pong, payload: message.payload } : { type: MessageType.Pong });
      case MessageType.Subscribe:
        return this.subscribe(connection, message.id, message.payload);
      case MessageType.Complete: {
        const operation = connection.operations.get(message.id);
        connection.operations.delete(message.id);
        await operation?.return(undefined);
        return;
      }
      default:
        // Pong, and what only a server sends: nothing to do.
        return;
    }
  }

  private async initialise(connection: Connection<Peer>, payload: Readonly<Record<string, unknown>> | undefined): Promise<void> {
    if (connection.initReceived) return connection.close(CloseCode.TooManyInitialisationRequests, 'Too many initialisation requests');
    connection.initReceived = true;
    clearTimeout(connection.timer);
    connection.timer = undefined;
    const peer = await this.hooks.accept(connection, payload);
    if (peer === false) return connection.close(CloseCode.Forbidden, 'Forbidden');
    connection.peer = peer;
    // The socket closed while the peer was being checked: release() ran without knowing it.
    if (connection.released) return this.forget(connection);
    this.send(connection, { type: MessageType.ConnectionAck });
  }

  private async subscribe(connection: Connection<Peer>, id: string, payload: SubscribePayload): Promise<void> {
    if (connection.peer === null) return connection.close(CloseCode.Unauthorized, 'Unauthorized');
    if (connection.operations.has(id)) return connection.close(CloseCode.SubscriberAlreadyExists, `Subscriber for ${id} already exists`);
    connection.operations.set(id, null);
    let result: Operation | ExecutionResult | readonly GraphQLError[];
    try {
      result = await this.hooks.start(connection, id, payload);
    } catch (error) {
      connection.operations.delete(id);
      throw error;
    }
    if (isErrorList(result)) {
      if (connection.operations.has(id)) this.sendErrors(connection, id, result);
      return;
    }
    if (Symbol.asyncIterator in result) {
      if (connection.operations.has(id)) this.follow(connection, id, result);
      else void result.return(undefined);
      return;
    }
    if (!connection.operations.delete(id)) return;
    this.send(connection, `${nextMessageHead(id)}${this.hooks.payloadOf(result)}}`);
    this.send(connection, { id, type: MessageType.Complete });
  }

  /** A running subscription: it sends its own results; here it is only seen to its end. */
  private follow(connection: Connection<Peer>, id: string, operation: Operation): void {
    connection.operations.set(id, operation);
    operation.next().then(
      () => {
        if (this.ended(connection, id, operation)) this.send(connection, { id, type: MessageType.Complete });
      },
      (error: unknown) => {
        if (!this.ended(connection, id, operation)) return;
        const originalError = error instanceof Error ? error : new Error(String(error));
        this.sendErrors(connection, id, [new GraphQLError(originalError.message, { originalError })]);
      },
    );
  }

  /** Forgets an operation that has ended by itself; false if the client completed it first (or reused its id). */
  private ended(connection: Connection<Peer>, id: string, operation: Operation): boolean {
    return connection.operations.get(id) === operation && connection.operations.delete(id);
  }

  private sendErrors(connection: Connection<Peer>, id: string, errors: readonly GraphQLError[]): void {
    connection.operations.delete(id);
    this.send(connection, {
      id,
      type: MessageType.Error,
      payload: this.hooks.formatErrors(errors),
    });
  }

  private send(connection: Connection<Peer>, message: Message | string): void {
    const { socket } = connection;
    if (socket.readyState !== socket.OPEN) return;
    socket.send(typeof message === 'string' ? message : stringifyMessage(message));
    if (socket.bufferedAmount > this.maxUnsentBytes) connection.close(TOO_SLOW, 'Too slow to read results');
  }

  private release(connection: Connection<Peer>): void {
    connection.released = true;
    for (const operation of connection.operations.values()) void operation?.return(undefined);
    connection.operations.clear();
    this.connections.delete(connection.socket);
    this.forget(connection);
  }

  private forget(connection: Connection<Peer>): void {
    clearTimeout(connection.timer);
    this.hooks.closed(connection);
  }
}
