import type { Logger } from 'pino';
import type { EventBus } from './event-bus';
import type { Audience, Delivery, EventLog, EventViewer, LoggedEvent } from './event-log';
import { cachedIn } from '../platform/cache';

/** A subscriber's stream: an object rather than a callback, so that listening makes no closure per subscription. */
export interface EventListener<D extends Delivery = Delivery> {
  /** Whose stream it is: the hub offers an event only to the listeners of the users who may receive it. */
  readonly viewer: EventViewer;
  receive(delivery: D): void;
}

export interface EventHubOptions<E extends LoggedEvent, D extends Delivery<E>> {
  log: EventLog<E>;
  /** An event with what its subscribers share (the meeting as it is now, who is invited); null when there is nothing left to deliver. */
  load(record: E): Promise<D | null>;
  audience: Audience<D>;
  bus: EventBus;
  logger: Logger;
  /** Safety net: how often the log is read even without a wake-up. */
  pollIntervalMs: number;
  retentionHours: number;
}

const PAGE = 200;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * One per server instance: reads the event log in id order whenever woken (by a local commit, by
 * another instance through the bus, or by the poll), loads each event once and hands it to every
 * live subscription of this instance.
 */
export class EventHub<E extends LoggedEvent = LoggedEvent, D extends Delivery<E> = Delivery<E>> {
  private dispatched = 0;
  /** Events this instance committed and has not dispatched yet: the log need not be read for them. */
  private committedHere: E[] = [];
  private draining: Promise<void> | null = null;
  private wokenWhileDraining = false;
  private readonly listeners = new Set<EventListener<D>>();
  /** The listeners of those who receive every event (admins), offered every event; everyone else's by user, offered the events that may reach them only. */
  private readonly seeingEverything = new Set<EventListener<D>>();
  private readonly byUser = new Map<string, Set<EventListener<D>>>();
  private pollTimer: NodeJS.Timeout | undefined;
  private lastPrune = 0;
  /** Subscription executions run on this instance; shared results count once. */
  readonly stats = { executions: 0 };

  private constructor(private readonly options: EventHubOptions<E, D>) {}

  static async start<E extends LoggedEvent, D extends Delivery<E>>(options: EventHubOptions<E, D>): Promise<EventHub<E, D>> {
    const hub = new EventHub(options);
    hub.dispatched = await hub.newestId();
    options.bus.onAnnouncement(() => hub.wake());
    hub.pollTimer = setInterval(() => hub.wake(), options.pollIntervalMs);
    hub.pollTimer.unref();
    return hub;
  }

  /** After a commit that appended `committed`: dispatch here, and wake the other instances. */
  announce(committed: readonly E[]): void {
    if (this.committedHere.length < PAGE) this.committedHere.push(...committed);
    this.options.bus.announce();
  }

  /** Whether wake-ups from other instances can arrive now. */
  connected(): boolean {
    return this.options.bus.connected();
  }

  /** Live subscriptions on this instance. */
  listenerCount(): number {
    return this.listeners.size;
  }

  listen(listener: EventListener<D>): void {
    this.listeners.add(listener);
    if (this.options.audience.receivesEverything(listener.viewer)) return void this.seeingEverything.add(listener);
    const { id } = listener.viewer;
    cachedIn(this.byUser, id, () => new Set<EventListener<D>>()).add(listener);
  }

  unlisten(listener: EventListener<D>): void {
    if (!this.listeners.delete(listener)) return;
    this.seeingEverything.delete(listener);
    const own = this.byUser.get(listener.viewer.id);
    own?.delete(listener);
    if (own?.size === 0) this.byUser.delete(listener.viewer.id);
  }

  /** Events after `afterId` (of one meeting, if given) from the log, oldest first. */
  async *replay(afterId: number, meetingId?: string): AsyncGenerator<D> {
    let after = afterId;
    for (;;) {
      const records = await this.options.log.readAfter(after, PAGE, meetingId);
      for (const record of records) {
        const delivery = await this.options.load(record);
        if (delivery) yield delivery;
        after = record.id;
      }
      if (records.length < PAGE) return;
    }
  }

  /** The newest committed event id (0 when the log is empty). */
  newestId(): Promise<number> {
    return this.options.log.newestId();
  }

  /** The oldest event still in the log, or null when it is empty. */
  oldestRetainedId(): Promise<number | null> {
    return this.options.log.oldestId();
  }

  wake(): void {
    if (this.draining) {
      this.wokenWhileDraining = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'event dispatch failed; retrying on the next wake-up'))
      .finally(() => {
        this.draining = null;
        if (this.wokenWhileDraining) {
          this.wokenWhileDraining = false;
          this.wake();
        }
      });
  }

  async close(): Promise<void> {
    clearInterval(this.pollTimer);
    await this.options.bus.close();
    await this.draining;
    this.listeners.clear();
    this.seeingEverything.clear();
    this.byUser.clear();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const records = this.takeCommittedHere() ?? (await this.options.log.readAfter(this.dispatched, PAGE));
      for (const record of records) {
        const delivery = this.listeners.size > 0 ? await this.options.load(record) : null;
        this.dispatched = record.id;
        if (delivery) this.offer(delivery);
      }
      if (records.length < PAGE) break;
    }
    await this.pruneNowAndThen();
  }

  /**
   * Offers an event to every listener that may receive it (each listener still checks): those who
   * receive everything, and the listeners of the event's recipients. With more listeners on this
   * instance than recipients, through the index by user: an event of a class of thirty then costs
   * thirty lookups, not one check for every subscriber on the instance.
   */
  private offer(delivery: D): void {
    const recipients = this.options.audience.recipients(delivery);
    if (this.listeners.size <= recipients.size + this.seeingEverything.size) {
      for (const listener of this.listeners) listener.receive(delivery);
      return;
    }
    for (const listener of this.seeingEverything) listener.receive(delivery);
    for (const userId of recipients) {
      const own = this.byUser.get(userId);
      if (own) for (const listener of own) listener.receive(delivery);
    }
  }

  /**
   * The events committed here, when they are exactly the next ones to dispatch. Ids are assigned in
   * commit order, so every event below the first of them is committed already; but it may not have
   * been read yet (another instance's, or an id left unused by a rollback): then the log is read.
   */
  private takeCommittedHere(): E[] | null {
    const committed = this.committedHere.sort((a, b) => a.id - b.id).filter((record) => record.id > this.dispatched);
    this.committedHere = [];
    const next = committed.every((record, index) => record.id === this.dispatched + 1 + index);
    return committed.length > 0 && next ? committed : null;
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.options.log.pruneBefore(new Date(now - this.options.retentionHours * 3_600_000));
  }
}
