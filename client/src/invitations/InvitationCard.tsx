import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyInvitationsQuery } from '../gql/graphql';
import { MeetingStatusBadge } from '../meetings/MeetingStatusBadge';
import { ParticipantStatusBadge } from '../meetings/ParticipantStatusBadge';
import { DateTile } from '../ui/DateTile';
import { useFormatters } from '../ui/useFormatters';
import { canAnswer } from './own-invitation';
import { RsvpButtons } from './RsvpButtons';

type Invitation = MyInvitationsQuery['myInvitations'][number];

export function InvitationCard({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { meeting } = invitation;
  const live = meeting.status === 'LIVE';
  return (
    <li className={`meeting-item meeting-item--${meeting.status.toLowerCase()}`} data-testid="invitation">
      <DateTile iso={meeting.scheduledAt} />
      <div className="meeting-item__main">
        <h2 className="meeting-item__title">
          <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
        </h2>
        <p className="meeting-item__when">
          <time dateTime={meeting.scheduledAt}>{format.dateTime(meeting.scheduledAt)}</time> · {format.duration(meeting.durationMinutes)} ·{' '}
          {meeting.instructor.displayName}
        </p>
        {canAnswer(invitation, meeting) ? (
          <RsvpButtons meetingId={meeting.id} title={meeting.title} rsvp={invitation.rsvp} />
        ) : (
          <p className="meeting-item__answer">
            {t('invitations.yourStatus')} <ParticipantStatusBadge status={invitation.status} />
          </p>
        )}
      </div>
      <div className="meeting-item__side">
        <MeetingStatusBadge status={meeting.status} />
        {live && meeting.canJoin && (
          <Link className="button button--live button--small" to={`/meetings/${meeting.id}/room`}>
            {t('meeting.join')}
          </Link>
        )}
        {live && !meeting.canJoin && <p className="hint">{t('invitations.acceptToJoin')}</p>}
      </div>
    </li>
  );
}
