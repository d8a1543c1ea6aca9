import { useTranslation } from 'react-i18next';
import type { MeetingSummaryFieldsFragment } from '../gql/graphql';
import { MeetingCard } from './MeetingCard';
import { MeetingCounts } from './MeetingCounts';

export function MeetingListItem({ meeting, showInstructor }: { meeting: MeetingSummaryFieldsFragment; showInstructor: boolean }) {
  const { t } = useTranslation();
  return (
    <MeetingCard meeting={meeting} testId="meeting-item" showInstructor={showInstructor} roomLinkLabel={t('meeting.enterRoom')}>
      <MeetingCounts meeting={meeting} />
    </MeetingCard>
  );
}
