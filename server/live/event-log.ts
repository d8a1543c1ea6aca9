/** An event as the log keeps it: its place in commit order, and the meeting it is about. */
export interface LoggedEvent {
  readonly id: number;
  readonly meetingId: string;
}

/** An event loaded for delivery: its record, and whatever its feature loaded with it for every subscriber to share. */
export interface Delivery<E extends LoggedEvent = LoggedEvent> {
  readonly record: E;
}

/** Who a subscriber is, as the hub indexes listeners and the audience judges them. */
export interface EventViewer {
  readonly id: string;
  readonly role: string;
}

/** How a subscriber receives an event: a manager sees what every manager sees, a student their own view. */
export type EventRole = 'manager' | 'student';

/** The users an event may reach besides those who receive everything: a Set will do, or anything that counts and lists them. */
export interface Recipients extends Iterable<string> {
  readonly size: number;
}

/** The feature's rules for who receives what, written once (the meetings' are in meetings/access.ts). */
export interface Audience<D extends Delivery> {
  /** How `viewer` receives `delivery`, or null when they may not. */
  receivesAs(viewer: EventViewer, delivery: D): EventRole | null;
  /** Everyone who may receive `delivery` but those who receive every event: the hub offers it to their listeners only. */
  recipients(delivery: D): Recipients;
  /** Whether `viewer` may receive every event (admins): their listeners are offered them all. */
  receivesEverything(viewer: EventViewer): boolean;
}

/** Where events are kept, in commit order (ids are assigned in commit order, so "after id N" misses none). */
export interface EventLog<E extends LoggedEvent> {
  /** The newest committed event id (0 when the log is empty). */
  newestId(): Promise<number>;
  /** The oldest event still kept, or null when the log is empty. */
  oldestId(): Promise<number | null>;
  /** Up to `limit` events after `afterId`, of one meeting when given, oldest first. */
  readAfter(afterId: number, limit: number, meetingId?: string): Promise<E[]>;
  /** Forgets the events older than `cutoff`. */
  pruneBefore(cutoff: Date): Promise<void>;
}
