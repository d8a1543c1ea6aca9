import type { WebSocket } from 'ws';

/** Sockets are pinged in this many groups, one group per tick, so that pings do not all go out at once. */
const GROUPS = 10;

/**
 * Pings every open socket once per `intervalMs`, and terminates one that has not answered the previous
 * ping by the next. One timer for the whole server, rather than an interval and a pong timeout per
 * socket; the sockets are spread over groups pinged in turn, so that ten thousand pings do not go out
 * in one burst (which would hold up whatever event was being delivered at that moment).
 */
export class KeepAlive {
  private readonly groups = Array.from({ length: GROUPS }, () => new Set<WebSocket>());
  private readonly awaitingPong = new Set<WebSocket>();
  private readonly timer: NodeJS.Timeout | undefined;
  private nextGroupToPing = 0;
  private nextGroupToJoin = 0;
  /** Listeners shared by every socket (`this` is the socket). */
  private readonly answered: (this: WebSocket) => void;
  private readonly forget: (this: WebSocket) => void;

  constructor(intervalMs: number) {
    const { awaitingPong, groups } = this;
    this.answered = function (this: WebSocket) {
      awaitingPong.delete(this);
    };
    this.forget = function (this: WebSocket) {
      awaitingPong.delete(this);
      for (const group of groups) group.delete(this);
    };
    if (intervalMs > 0 && Number.isFinite(intervalMs)) this.timer = setInterval(() => this.tick(), intervalMs / GROUPS);
  }

  watch(socket: WebSocket): void {
    this.groups[this.nextGroupToJoin].add(socket);
    this.nextGroupToJoin = (this.nextGroupToJoin + 1) % GROUPS;
    socket.on('pong', this.answered);
    socket.on('close', this.forget);
  }

  stop(): void {
    clearInterval(this.timer);
    this.awaitingPong.clear();
    for (const group of this.groups) group.clear();
  }

  private tick(): void {
    const group = this.groups[this.nextGroupToPing];
    this.nextGroupToPing = (this.nextGroupToPing + 1) % GROUPS;
    for (const socket of group) {
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
