import type { EventHub, EventListener } from './event-hub';
import type { Audience, Delivery, EventRole, EventViewer } from './event-log';

export interface EventStreamOptions<D extends Delivery> {
  viewer: EventViewer;
  /** Who receives what: each event reaches the stream only if its audience lets it reach the viewer. */
  audience: Pick<Audience<D>, 'receivesAs'>;
  /** The error a subscriber that fell too far behind ends with, in its transport's terms. */
  tooSlow: () => Error;
  /** Only events after this id. */
  afterEventId: number;
  /** Whether to read the log for the events after `afterEventId` committed before the stream began. */
  replay: boolean;
  meetingId?: string;
  /** Events waiting for a subscriber that does not read; past it, the subscription ends. */
  maxPending?: number;
  /** Told when the subscriber falls too far behind: drops the connection it reads through. */
  connection?: { drop(): void };
}

/** What a subscriber whose client stopped reading may hold back before being cut off. */
export const MAX_PENDING_EVENTS = 1000;

export type EventSource<D extends Delivery = Delivery> = Pick<EventHub<D['record'], D>, 'listen' | 'unlisten' | 'replay'>;

const DONE: IteratorReturnResult<undefined> = { value: undefined, done: true };

/** Takes live events straight from a stream it is parked on (see EventStream.park). */
export interface EventSink<D extends Delivery> {
  /**
   * Handles one event: true when done with it, false when it will finish later. The stream then
   * unparks it and keeps the next events for next(), so that they go out in order.
   */
  deliver(delivery: D): boolean;
}

/**
 * One subscriber's events, in id order, each once: the replay from the log, then live events.
 * A live event goes straight to a sink parked on the stream, or to a reader waiting for it; events
 * arriving during the replay, or while the client is slow to read, wait in the inbox, and ids already
 * delivered are skipped. The inbox is bounded: a client that stops reading would otherwise grow
 * server memory with every event.
 *
 * A plain iterator rather than a generator or a Repeater: this runs for every subscriber of every
 * event, and each layer of promises there costs thousands of allocations per event.
 */
export class EventStream<D extends Delivery = Delivery> implements AsyncIterableIterator<D>, EventListener<D> {
  private readonly inbox: D[] = [];
  private reader: { resolve(result: IteratorResult<D>): void } | null = null;
  private sink: EventSink<D> | null = null;
  private replaying: AsyncIterator<D> | null = null;
  private failure: unknown = null;
  private started = false;
  private finished = false;
  private last: number;

  constructor(
    private readonly hub: EventSource<D>,
    private readonly options: EventStreamOptions<D>,
  ) {
    this.last = options.afterEventId;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  get viewer(): EventViewer {
    return this.options.viewer;
  }

  /** How the stream's viewer receives an event, or null when it does not reach them. */
  receivesAs(delivery: D): EventRole | null {
    return this.options.audience.receivesAs(this.options.viewer, delivery);
  }

  /**
   * Not an async function: a live event for a waiting reader then settles the promise the reader holds,
   * with no async function's own promise to resolve in between (two turns of the microtask queue fewer
   * per subscriber and event).
   */
  next(): Promise<IteratorResult<D>> {
    if (!this.started) this.start();
    if (this.replaying) return this.nextReplayed();
    for (let delivery = this.inbox.shift(); delivery; delivery = this.inbox.shift()) {
      if (this.accepts(delivery)) return Promise.resolve({ value: delivery, done: false });
    }
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      this.finished = true;
      return Promise.reject(failure);
    }
    if (this.finished) return Promise.resolve(DONE);
    return new Promise((resolve) => (this.reader = { resolve }));
  }

  /**
   * Instead of a next() waiting for the next event: hands each live event to `sink` synchronously, as
   * the hub dispatches it, for as long as the sink handles them at once. False when there is something
   * to read with next() first (the replay, a backlog, the end).
   */
  park(sink: EventSink<D>): boolean {
    if (!this.started) this.start();
    if (this.replaying || this.inbox.length > 0 || this.failure || this.finished) return false;
    this.sink = sink;
    return true;
  }

  private async nextReplayed(): Promise<IteratorResult<D>> {
    while (this.replaying) {
      const item = await this.replaying.next().catch(async (error: unknown) => {
        await this.return();
        throw error;
      });
      if (this.finished) return DONE;
      if (item.done) this.replaying = null;
      else if (this.accepts(item.value)) return { value: item.value, done: false };
    }
    return this.next();
  }

  async return(): Promise<IteratorResult<D>> {
    this.finished = true;
    this.sink = null;
    this.hub.unlisten(this);
    this.inbox.length = 0;
    const replaying = this.replaying;
    this.replaying = null;
    await replaying?.return?.();
    this.takeReader()?.resolve(DONE);
    return DONE;
  }

  async throw(error: unknown): Promise<IteratorResult<D>> {
    await this.return();
    throw error;
  }

  /** Listens before replaying, so that nothing committed meanwhile is missed. */
  private start(): void {
    this.started = true;
    this.hub.listen(this);
    if (this.options.replay) this.replaying = this.hub.replay(this.options.afterEventId, this.options.meetingId)[Symbol.asyncIterator]();
  }

  receive(delivery: D): void {
    if (this.sink) {
      // Parked only on an empty inbox and after the replay: nothing is ahead of this event.
      if (this.accepts(delivery) && !this.sink.deliver(delivery)) this.sink = null;
      return;
    }
    const reader = this.replaying ? null : this.takeReader();
    if (reader) {
      // A reader waits only on an empty inbox: nothing is ahead of this event.
      if (this.accepts(delivery)) reader.resolve({ value: delivery, done: false });
      else this.reader = reader;
      return;
    }
    if (this.inbox.length >= (this.options.maxPending ?? MAX_PENDING_EVENTS)) {
      this.inbox.length = 0;
      this.hub.unlisten(this);
      this.failure = this.options.tooSlow();
      this.options.connection?.drop();
      return;
    }
    this.inbox.push(delivery);
  }

  private takeReader(): { resolve(result: IteratorResult<D>): void } | null {
    const reader = this.reader;
    this.reader = null;
    return reader;
  }

  private accepts(delivery: D): boolean {
    if (delivery.record.id <= this.last) return false;
    this.last = delivery.record.id;
    const { meetingId } = this.options;
    return (!meetingId || delivery.record.meetingId === meetingId) && this.receivesAs(delivery) !== null;
  }
}
