import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '../gql/graphql';
import { Badge, type BadgeTone } from '../ui/Badge';

const TONES: Record<MeetingStatus, BadgeTone> = {
  SCHEDULED: 'info',
  LIVE: 'live',
  ENDED: 'neutral',
  CANCELLED: 'warning',
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`meetingStatus.${status}`)}</Badge>;
}
