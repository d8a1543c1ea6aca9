import { useTranslation } from 'react-i18next';
import type { MyInvitationsQuery } from '../gql/graphql';
import { MeetingCard } from '../meetings/MeetingCard';
import { ParticipantStatusBadge } from '../meetings/ParticipantStatusBadge';
import { canAnswer } from './own-invitation';
import { RsvpButtons } from './RsvpButtons';

type Invitation = MyInvitationsQuery['myInvitations'][number];

export function InvitationCard({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const { meeting } = invitation;
  return (
    <MeetingCard
      meeting={meeting}
      testId="invitation"
      showInstructor
      roomLinkLabel={t('meeting.join')}
      sideNote={meeting.status === 'LIVE' && !meeting.canJoin && <p className="hint">{t('invitations.acceptToJoin')}</p>}
    >
      {canAnswer(invitation, meeting) ? (
        <RsvpButtons meetingId={meeting.id} title={meeting.title} rsvp={invitation.rsvp} />
      ) : (
        <p className="meeting-item__answer">
          {t('invitations.yourStatus')} <ParticipantStatusBadge status={invitation.status} />
        </p>
      )}
    </MeetingCard>
  );
}
