import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { StudentMeetingQuery } from '../gql/graphql';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { MeetingDetailsCard } from '../meetings/MeetingDetailsCard';
import { MeetingPageHeader } from '../meetings/MeetingPageHeader';
import { MeetingUnavailable } from '../meetings/MeetingUnavailable';
import { ParticipantStatusBadge } from '../meetings/ParticipantStatusBadge';
import { useNow } from '../ui/useNow';
import { Countdown } from './Countdown';
import { canAnswer } from './own-invitation';
import { RsvpButtons } from './RsvpButtons';

const StudentMeetingDocument = graphql(`
  query StudentMeeting($id: ID!) {
    meeting(id: $id) {
      ...MeetingSummaryFields
      ...MeetingFactsFields
      myParticipation {
        ...OwnInvitationFields
      }
    }
  }
`);

type Meeting = NonNullable<StudentMeetingQuery['meeting']>;

/** Where the meeting stands for the student: counting down, waiting, live (join), or over. */
function Stage({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const now = useNow(5_000);
  const invitation = meeting.myParticipation;
  switch (meeting.status) {
    case 'SCHEDULED':
      return Date.parse(meeting.scheduledAt) > now ? (
        <div className="stage">
          <p className="stage__title">{t('studentMeeting.startsIn')}</p>
          <Countdown until={meeting.scheduledAt} />
          <p className="hint">{t(invitation?.rsvp === 'DECLINED' ? 'studentMeeting.declinedHint' : 'studentMeeting.autoOpenHint')}</p>
        </div>
      ) : (
        <div className="stage">
          <span className="spinner" aria-hidden="true" />
          <p className="stage__title" role="status">
            {t('studentMeeting.waiting', { name: meeting.instructor.displayName })}
          </p>
        </div>
      );
    case 'LIVE':
      return (
        <div className="stage stage--live" role="status">
          <p className="stage__title">
            <span className="live-dot" aria-hidden="true" /> {t('studentMeeting.live')}
          </p>
          {meeting.canJoin ? (
            <Link className="button button--live button--large" to={`/meetings/${meeting.id}/room`}>
              {t('meeting.join')}
            </Link>
          ) : (
            <p>{t('invitations.acceptToJoin')}</p>
          )}
        </div>
      );
    case 'ENDED':
      return (
        <div className="stage">
          <p className="stage__title">{t('studentMeeting.ended')}</p>
          {invitation && (
            <p data-testid="own-attendance">
              {t('studentMeeting.yourAttendance')} <ParticipantStatusBadge status={invitation.status} />
            </p>
          )}
        </div>
      );
    case 'CANCELLED':
      return (
        <div className="stage">
          <p className="stage__title">{t('studentMeeting.cancelled')}</p>
        </div>
      );
  }
}

export function StudentMeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(StudentMeetingDocument, { variables: { id } });
  const meeting = data?.meeting;
  useDocumentTitle(meeting?.title);

  if (!meeting) return <MeetingUnavailable answered={Boolean(data)} error={error} onRetry={() => void refetch()} />;

  const invitation = meeting.myParticipation;
  return (
    <article className="meeting-page">
      <MeetingPageHeader meeting={meeting} back={{ to: '/invitations', label: t('invitations.back') }} />
      <div className="meeting-page__grid">
        <section className="card" aria-label={t('studentMeeting.stage')}>
          <Stage meeting={meeting} />
          {invitation && canAnswer(invitation, meeting) && (
            <div className="stage__answer">
              <p>{t('studentMeeting.yourAnswer')}</p>
              <RsvpButtons meetingId={meeting.id} title={meeting.title} rsvp={invitation.rsvp} />
            </div>
          )}
        </section>
        <MeetingDetailsCard meeting={meeting} />
      </div>
    </article>
  );
}
