import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useViewer } from '../auth/SessionProvider';
import { graphql } from '../gql';
import type { JoinMeetingMutation } from '../gql/graphql';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { rememberLeftRoom } from '../live/room-memory';
import { MeetingStatusBadge } from '../meetings/MeetingStatusBadge';
import { MeetingUnavailable } from '../meetings/MeetingUnavailable';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { useToast } from '../ui/Toaster';
import { JitsiRoom } from './JitsiRoom';
import { usePresenceHeartbeat } from './usePresenceHeartbeat';

const RoomMeetingQuery = graphql(`
  query RoomMeeting($id: ID!) {
    meeting(id: $id) {
      id
      title
      status
      canJoin
      inRoomCount
    }
  }
`);

const JoinMeetingDocument = graphql(`
  mutation JoinMeeting($id: ID!) {
    joinMeeting(id: $id) {
      domain
      roomName
      jwt
      displayName
      moderator
    }
  }
`);

const LeaveMeetingMutation = graphql(`
  mutation LeaveMeeting($id: ID!) {
    leaveMeeting(id: $id) {
      ...OwnInvitationFields
      meeting {
        id
        inRoomCount
        presentCount
      }
    }
  }
`);

export interface RoomLocationState {
  /** The room was opened for the person because the meeting went live. */
  autoOpened?: boolean;
}

/**
 * The Jitsi room of a live meeting: `joinMeeting` gives where and as whom to enter; leaving (the
 * button, Jitsi's hang-up, or navigating away) calls `leaveMeeting`; the room closes when the
 * meeting ends.
 */
export function RoomPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const viewer = useViewer();
  const toast = useToast();
  const autoOpened = Boolean((location.state as RoomLocationState | null)?.autoOpened);
  const { data, error: meetingError, refetch } = useQuery(RoomMeetingQuery, { variables: { id } });
  const [join, { data: joined, error: joinError }] = useMutation(JoinMeetingDocument);
  const [leave] = useMutation(LeaveMeetingMutation);
  const joinRequested = useRef(false);
  const inRoom = useRef<JoinMeetingMutation['joinMeeting'] | null>(null);
  const [leaving, setLeaving] = useState(false);
  const meeting = data?.meeting;
  const info = joined?.joinMeeting;
  usePresenceHeartbeat(id, Boolean(info && !info.moderator && meeting?.status === 'LIVE'));
  useDocumentTitle(meeting ? t('room.title', { title: meeting.title }) : undefined);

  const live = meeting?.status === 'LIVE';
  useEffect(() => {
    if (!live || joinRequested.current) return;
    joinRequested.current = true;
    join({ variables: { id } })
      .then(({ data: result }) => {
        inRoom.current = result?.joinMeeting ?? null;
      })
      .catch(() => {
        // Shown from the mutation's error state.
      });
  }, [live, join, id]);

  /** Records the departure of a student (the owner has no invitation to close). */
  const recordLeaving = useCallback(() => {
    const info = inRoom.current;
    inRoom.current = null;
    if (!info || info.moderator) return Promise.resolve();
    return leave({ variables: { id } }).then(() => undefined);
  }, [leave, id]);

  // Navigating away from the room is leaving it too.
  useEffect(() => () => void recordLeaving().catch(() => {}), [recordLeaving]);

  const leaveRoom = useCallback(async () => {
    setLeaving(true);
    rememberLeftRoom(id);
    try {
      await recordLeaving();
      toast.show(t('room.left'), 'info');
    } catch {
      toast.show(t('room.leaveFailed'), 'error');
    }
    navigate(`/meetings/${id}`, { replace: true });
  }, [id, recordLeaving, navigate, toast, t]);

  // The meeting ended (here or elsewhere): the room closes for everyone.
  const ended = meeting?.status === 'ENDED';
  useEffect(() => {
    if (!ended) return;
    inRoom.current = null;
    toast.show(t('room.closedByEnd'), 'info');
    navigate(`/meetings/${id}`, { replace: true });
  }, [ended, id, navigate, toast, t]);

  if (!meeting) return <MeetingUnavailable answered={Boolean(data)} error={meetingError} onRetry={() => void refetch()} />;
  if (!live) {
    return (
      <div className="state state--empty">
        <p className="state__title">{t('room.notLive')}</p>
        <MeetingStatusBadge status={meeting.status} />
        <Link className="button" to={`/meetings/${id}`}>
          {t('meeting.backToMeeting')}
        </Link>
      </div>
    );
  }

  return (
    <section className="room" aria-labelledby="room-title">
      <div className="room__bar">
        <div className="room__heading">
          <span className="live-dot" aria-hidden="true" />
          <h1 id="room-title">{meeting.title}</h1>
          <span className="room__count">{t('counts.inRoom', { count: meeting.inRoomCount })}</span>
        </div>
        <button type="button" className="button button--danger" onClick={() => void leaveRoom()} disabled={leaving}>
          {t('room.leave')}
        </button>
      </div>
      {autoOpened && (
        <div className="notice notice--info" role="status">
          <p>{t('room.autoOpened')}</p>
          <button type="button" className="button button--small" onClick={() => void leaveRoom()}>
            {t('room.notNow')}
          </button>
        </div>
      )}
      {joinError ? (
        <ErrorState error={joinError} />
      ) : info ? (
        <JitsiRoom info={info} email={viewer.email} onHangUp={() => void leaveRoom()} />
      ) : (
        <LoadingState label={t('room.joining')} />
      )}
    </section>
  );
}
