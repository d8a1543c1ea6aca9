import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { InviteStudents } from './InviteStudents';
import { MeetingActions } from './MeetingActions';
import { MeetingCounts } from './MeetingCounts';
import { MeetingDetailsCard } from './MeetingDetailsCard';
import { AttendanceCsvButton } from './AttendanceCsvButton';
import { AttendanceTable } from './AttendanceTable';
import { allowedActions, startOpensAt } from './meeting-permissions';
import { MeetingPageHeader } from './MeetingPageHeader';
import { MeetingUnavailable } from './MeetingUnavailable';
import { useRefetchAt } from './useRefetchAt';

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
      <MeetingPageHeader meeting={meeting} back={{ to: '/meetings', label: t('meeting.backToList') }} />
      <MeetingActions meeting={meeting} />
      <div className="meeting-page__grid">
        <MeetingDetailsCard meeting={meeting} />
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
            {attendance.length > 0 && (meeting.status === 'LIVE' || meeting.status === 'ENDED') && (
              <AttendanceCsvButton meetingId={meeting.id} title={meeting.title} />
            )}
          </div>
        </section>
      </div>
    </article>
  );
}
