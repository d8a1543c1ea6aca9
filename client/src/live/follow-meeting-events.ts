import { CombinedGraphQLErrors, type ApolloClient } from '@apollo/client';
import type { Client as SocketClient } from 'graphql-ws';
import type { MeetingEventsSubscription as MeetingEventsResult } from '../gql/graphql';
import { MeetingEventsSubscription } from './meeting-events';

export type MeetingEvent = MeetingEventsResult['meetingEvents'];
export type LiveState = 'connecting' | 'live' | 'reconnecting';

interface FollowOptions {
  client: ApolloClient;
  /** Instructors and admins follow the class list too; students may not see it. */
  withAttendance: boolean;
  socket: SocketClient;
  onEvent(event: MeetingEvent): void;
  onState(state: LiveState): void;
  /** Events were missed beyond what the server keeps: reload what is on screen. */
  onGap(): void;
}

const RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000, 15_000];

function isExpiredResume(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((item) => item.extensions?.code === 'BAD_USER_INPUT' && item.extensions.field === 'afterEventId')
  );
}

/**
 * Follows `meetingEvents` for as long as it is not stopped: after a dropped connection it subscribes
 * again with `afterEventId` set to the last event seen, so the server replays what was missed and
 * nothing is lost or applied twice. Returns the function that stops following.
 */
export function followMeetingEvents({ client, withAttendance, socket, onEvent, onState, onGap }: FollowOptions): () => void {
  let lastEventId: string | null = null;
  let failures = 0;
  let stopped = false;
  let retryTimer: number | undefined;
  let subscription: { unsubscribe(): void } | null = null;

  const nextDelay = () => RETRY_DELAYS_MS[Math.min(failures++, RETRY_DELAYS_MS.length - 1)]!;

  const retry = (delay: number) => {
    subscription?.unsubscribe();
    subscription = null;
    if (stopped) return;
    onState('reconnecting');
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(subscribe, delay);
  };

  function subscribe() {
    if (stopped) return;
    // An attempt ends once, whether by an error result, by completion, or both.
    let ended = false;
    const end = (delay: number) => {
      if (ended) return;
      ended = true;
      retry(delay);
    };
    subscription = client.subscribe({ query: MeetingEventsSubscription, variables: { afterEventId: lastEventId, withAttendance } }).subscribe({
      next: ({ data, error }) => {
        if (error && isExpiredResume(error)) {
          lastEventId = null;
          onGap();
          end(0);
        } else if (error) {
          end(nextDelay());
        }
        const event = data?.meetingEvents;
        if (!event) return;
        failures = 0;
        if (lastEventId !== null && Number(event.id) <= Number(lastEventId)) return;
        lastEventId = event.id;
        onEvent(event);
      },
      complete: () => end(nextDelay()),
    });
  }

  const stopWatchingSocket = socket.on('connected', () => {
    failures = 0;
    onState('live');
  });
  const reconnectNow = () => {
    if (!subscription) retry(0);
  };
  window.addEventListener('online', reconnectNow);

  onState('connecting');
  subscribe();

  return () => {
    stopped = true;
    window.clearTimeout(retryTimer);
    window.removeEventListener('online', reconnectNow);
    stopWatchingSocket();
    subscription?.unsubscribe();
  };
}
