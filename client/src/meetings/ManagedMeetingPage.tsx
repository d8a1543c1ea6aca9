import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { InviteStudents } from './InviteStudents';
import { MeetingActions } from './MeetingActions';
import { MeetingCounts } from './MeetingCounts';
import { MeetingFacts } from './MeetingFacts';
import { AttendanceCsvButton } from './AttendanceCsvButton';
import { AttendanceTable } from './AttendanceTable';
import { allowedActions, startOpensAt } from './meeting-permissions';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { MeetingUnavailable } from './MeetingUnavailable';
import { useRefetchAt } from './useRefetchAt';
import { AddToCalendarButton } from '../calendar/AddToCalendarButton';

const ManagedMeetingQuery = graphql(`
  query ManagedMeeting($id: ID!) {
    meeting(id: $id) {
      ...MeetingSummaryFields
      ...MeetingFactsFields
      attendance {
        ...AttendanceRowFields
      }
    }
  }
`);

/** The meeting as its instructor (or an admin) sees it: actions, counts and the class list, live. */
export function ManagedMeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(ManagedMeetingQuery, { variables: { id } });
  const meeting = data?.meeting;
  useDocumentTitle(meeting?.title);
  useRefetchAt([meeting ? startOpensAt(meeting.scheduledAt) : null, meeting?.endsAt ?? null], refetch);

  if (!meeting) return <MeetingUnavailable answered={Boolean(data)} error={error} onRetry={() => void refetch()} />;

  const allowed = allowedActions(meeting);
  const attendance = meeting.attendance ?? [];
  return (
    <article className="meeting-page">
      <Link to="/meetings" className="back-link">
        ← {t('meeting.backToList')}
      </Link>
      <div className="page-header">
        <h1>{meeting.title}</h1>
        <MeetingStatusBadge status={meeting.status} />
      </div>
      <MeetingActions meeting={meeting} />
      <div className="meeting-page__grid">
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">{t('meeting.details')}</h2>
          <MeetingFacts meeting={meeting} />
          {(meeting.status === 'SCHEDULED' || meeting.status === 'LIVE') && (
            <div className="section-footer">
              <AddToCalendarButton meetingId={meeting.id} title={meeting.title} />
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="participants-title">
          <div className="section-header">
            <h2 id="participants-title">{t('participants.title')}</h2>
            {meeting.status === 'LIVE' && (
              <span className="in-room" role="status">
                <span className="live-dot" aria-hidden="true" /> {t('counts.inRoom', { count: meeting.inRoomCount })}
              </span>
            )}
          </div>
          <MeetingCounts meeting={meeting} />
          <AttendanceTable meetingId={meeting.id} rows={attendance} canRemove={allowed.invite} />
          <div className="section-footer">
            {allowed.invite && <InviteStudents meetingId={meeting.id} invitedIds={new Set(attendance.map((row) => row.user.id))} />}
            {attendance.length > 0 && (meeting.status === 'LIVE' || meeting.status === 'ENDED') && <AttendanceCsvButton meetingId={meeting.id} title={meeting.title} />}
          </div>
        </section>
      </div>
    </article>
  );
}
