import { useApolloClient } from '@apollo/client/react';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/SessionProvider';
import { isOrganizer } from '../auth/viewer';
import type { RoomLocationState } from '../room/RoomPage';
import { followMeetingEvents, type LiveState, type MeetingEvent } from './follow-meeting-events';
import { LIST_CHANGING_EVENTS } from './meeting-events';
import { joinableStart, notifyMeetingStarted, shouldOpenRoom } from './meeting-started-alert';

const LiveStateContext = createContext<LiveState | null>(null);

/** 'live' while events arrive, 'reconnecting' after a drop; null when signed out. */
export function useLiveState(): LiveState | null {
  return useContext(LiveStateContext);
}

/**
 * While someone is signed in, follows their meeting events: the cache takes each event's meeting (so
 * statuses and counts change everywhere at once), lists reload when a meeting enters or leaves them,
 * and a student is alerted and brought into the room when a meeting of theirs goes live.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { viewer, socket } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [state, setState] = useState<LiveState | null>(null);
  // The handler outlives renders; it reads the current page and translations through this ref.
  const current = useRef({ pathname: location.pathname, navigate, t });
  current.current = { pathname: location.pathname, navigate, t };

  const viewerId = viewer?.id;
  const organizer = Boolean(viewer && isOrganizer(viewer));
  const listQuery = organizer ? 'Meetings' : 'MyInvitations';
  useEffect(() => {
    if (!viewerId) return;
    const onEvent = (event: MeetingEvent) => {
      if (LIST_CHANGING_EVENTS.has(event.type)) void client.refetchQueries({ include: [listQuery, 'Calendar'] });
      if (event.type === 'UNINVITED') void client.refetchQueries({ include: 'active' });
      const room = joinableStart(event);
      if (!room) return;
      const { pathname, navigate: go, t: translate } = current.current;
      const openRoom = () => go(room, { state: { autoOpened: true } satisfies RoomLocationState });
      notifyMeetingStarted(translate('live.notificationTitle'), translate('live.notificationBody', { title: event.meeting.title }), openRoom);
      if (shouldOpenRoom(event, pathname)) openRoom();
    };
    const stop = followMeetingEvents({
      client,
      withAttendance: organizer,
      socket,
      onEvent,
      onState: setState,
      onGap: () => void client.refetchQueries({ include: 'active' }),
    });
    return () => {
      stop();
      setState(null);
    };
  }, [viewerId, organizer, listQuery, client, socket]);

  return <LiveStateContext.Provider value={state}>{children}</LiveStateContext.Provider>;
}
