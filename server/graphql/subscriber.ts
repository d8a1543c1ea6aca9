import type { ExecutionResult } from 'graphql';
import type { EventViewer } from '../live/event-log';

/** A subscription's end of its WebSocket connection. */
export interface Subscriber {
  /**
   * Sends one of the subscription's results straight to the socket. Subscribers of one event who
   * share a result share its serialised text too (see shared-execution.ts).
   */
  send(result: ExecutionResult): void;
  /** Closes the connection (a client too slow to read its events). */
  drop(): void;
}

/** What a subscription's context holds for sharing its results. */
export interface SubscriptionContext {
  viewer: EventViewer | null;
  /** Over WebSocket, for a subscription: where its results go. */
  subscriber?: Subscriber;
  /** Subscription executions run on this instance; shared results count once. */
  events: { stats: { executions: number } };
}
