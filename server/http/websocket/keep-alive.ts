import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Pings every open socket each `intervalMs`, and terminates one that has not answered the previous
 * ping by the next round. One timer for the whole server, rather than an interval and a pong timeout
 * per socket: an idle connection costs nothing here but its place in a set while a ping is out.
 */
export class KeepAlive {
  private readonly awaitingPong = new Set<WebSocket>();
  private readonly timer: NodeJS.Timeout | undefined;
  /** One listener shared by every socket (`this` is the socket that answered). */
  private readonly answered: (this: WebSocket) => void;

  constructor(
    private readonly server: WebSocketServer,
    intervalMs: number,
  ) {
    const awaitingPong = this.awaitingPong;
    this.answered = function (this: WebSocket) {
      awaitingPong.delete(this);
    };
    if (intervalMs > 0 && Number.isFinite(intervalMs)) this.timer = setInterval(() => this.round(), intervalMs);
  }

  watch(socket: WebSocket): void {
    socket.on('pong', this.answered);
    socket.on('close', this.answered);
  }

  stop(): void {
    clearInterval(this.timer);
    this.awaitingPong.clear();
  }

  private round(): void {
    for (const socket of this.server.clients) {
      if (this.awaitingPong.has(socket)) {
        this.awaitingPong.delete(socket);
        socket.terminate();
      } else if (socket.readyState === socket.OPEN) {
        this.awaitingPong.add(socket);
        socket.ping();
      }
    }
  }
}
