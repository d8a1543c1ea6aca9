import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { managesEveryMeeting } from '../meetings/access';
import type { User } from '../accounts/model/user.entity';
import type { EventBus } from './event-bus';
import { type EventDelivery, loadDelivery } from '../meetings/events/event-delivery';
import { MeetingEventRecord } from '../meetings/events/meeting-event.entity';

/** A subscriber's stream: an object rather than a callback, so that listening makes no closure per subscription. */
export interface EventListener {
  /** Whose stream it is: the hub offers an event only to the listeners of the users who may receive it. */
  readonly viewer: Pick<User, 'id' | 'role'>;
  receive(delivery: EventDelivery): void;
}

export interface EventHubOptions {
  orm: MikroORM;
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
export class EventHub {
  private dispatched = 0;
  /** Events this instance committed and has not dispatched yet: the log need not be read for them. */
  private committedHere: MeetingEventRecord[] = [];
  private draining: Promise<void> | null = null;
  private wokenWhileDraining = false;
  private readonly listeners = new Set<EventListener>();
  /** Admins' listeners, offered every event; everyone else's by user, offered the events of their meetings only. */
  private readonly seeingEverything = new Set<EventListener>();
  private readonly byUser = new Map<string, Set<EventListener>>();
  private pollTimer: NodeJS.Timeout | undefined;
  private lastPrune = 0;
  /** Subscription executions run on this instance; shared results count once. */
  readonly stats = { executions: 0 };

  private constructor(private readonly options: EventHubOptions) {}

  static async start(options: EventHubOptions): Promise<EventHub> {
    const hub = new EventHub(options);
    hub.dispatched = await hub.newestId();
    options.bus.onAnnouncement(() => hub.wake());
    hub.pollTimer = setInterval(() => hub.wake(), options.pollIntervalMs);
    hub.pollTimer.unref();
    return hub;
  }

  /** After a commit that appended `committed`: dispatch here, and wake the other instances. */
  announce(committed: readonly MeetingEventRecord[]): void {
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

  listen(listener: EventListener): void {
    this.listeners.add(listener);
    if (managesEveryMeeting(listener.viewer)) return void this.seeingEverything.add(listener);
    const { id } = listener.viewer;
    let own = this.byUser.get(id);
    if (!own) this.byUser.set(id, (own = new Set()));
    own.add(listener);
  }

  unlisten(listener: EventListener): void {
    if (!this.listeners.delete(listener)) return;
    this.seeingEverything.delete(listener);
    const own = this.byUser.get(listener.viewer.id);
    own?.delete(listener);
    if (own?.size === 0) this.byUser.delete(listener.viewer.id);
  }

  /** Events after `afterId` (of one meeting, if given) from the log, oldest first. */
  async *replay(afterId: number, meetingId?: string): AsyncGenerator<EventDelivery> {
    let after = afterId;
    for (;;) {
      const records = await this.read(after, meetingId);
      for (const record of records) {
        const delivery = await loadDelivery(this.options.orm, record);
        if (delivery) yield delivery;
        after = record.id;
      }
      if (records.length < PAGE) return;
    }
  }

  /** The newest committed event id (0 when the log is empty). */
  async newestId(): Promise<number> {
    const [row] = await this.options.orm.em.fork().execute<Array<{ max: string | null }>>('select max(id) as max from meeting_events');
    return Number(row?.max ?? 0);
  }

  /** The oldest event still in the log, or null when it is empty. */
  async oldestRetainedId(): Promise<number | null> {
    const [row] = await this.options.orm.em.fork().execute<Array<{ min: string | null }>>('select min(id) as min from meeting_events');
    return row?.min == null ? null : Number(row.min);
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
      const records = this.takeCommittedHere() ?? (await this.read(this.dispatched));
      for (const record of records) {
        const delivery = this.listeners.size > 0 ? await loadDelivery(this.options.orm, record) : null;
        this.dispatched = record.id;
        if (delivery) this.offer(delivery);
      }
      if (records.length < PAGE) break;
    }
    await this.pruneNowAndThen();
  }

  /**
   * Offers an event to every listener that may receive it (each listener still checks): admins, the
   * meeting's instructor, the students invited, and the student an event is about (who is no longer
   * invited once removed). With more listeners on this instance than students invited, through the
   * index by user: an event of a class of thirty then costs thirty lookups, not one check for every
   * subscriber on the instance.
   */
  private offer(delivery: EventDelivery): void {
    const { meeting, invitedUserIds, record } = delivery;
    const instructorId = meeting.instructor.id;
    if (this.listeners.size <= invitedUserIds.size + this.seeingEverything.size) {
      for (const listener of this.listeners) listener.receive(delivery);
      return;
    }
    for (const listener of this.seeingEverything) listener.receive(delivery);
    this.offerTo(instructorId, delivery);
    for (const userId of invitedUserIds) if (userId !== instructorId) this.offerTo(userId, delivery);
    const { userId } = record;
    if (userId && userId !== instructorId && !invitedUserIds.has(userId)) this.offerTo(userId, delivery);
  }

  private offerTo(userId: string, delivery: EventDelivery): void {
    const own = this.byUser.get(userId);
    if (own) for (const listener of own) listener.receive(delivery);
  }

  /**
   * The events committed here, when they are exactly the next ones to dispatch. Ids are assigned in
   * commit order, so every event below the first of them is committed already; but it may not have
   * been read yet (another instance's, or an id left unused by a rollback): then the log is read.
   */
  private takeCommittedHere(): MeetingEventRecord[] | null {
    const committed = this.committedHere.sort((a, b) => a.id - b.id).filter((record) => record.id > this.dispatched);
    this.committedHere = [];
    const next = committed.every((record, index) => record.id === this.dispatched + 1 + index);
    return committed.length > 0 && next ? committed : null;
  }

  private read(afterId: number, meetingId?: string): Promise<MeetingEventRecord[]> {
    return this.options.orm.em
      .fork()
      .find(MeetingEventRecord, { id: { $gt: afterId }, ...(meetingId ? { meetingId } : {}) }, { orderBy: { id: 'asc' }, limit: PAGE });
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    const cutoff = new Date(now - this.options.retentionHours * 3_600_000);
    await this.options.orm.em.fork().nativeDelete(MeetingEventRecord, { at: { $lt: cutoff } });
  }
}
