import { useTranslation } from 'react-i18next';
import type { ParticipantStatus } from '../gql/graphql';
import { Badge, type BadgeTone } from '../ui/Badge';

const TONES: Record<ParticipantStatus, BadgeTone> = {
  INVITED: 'neutral',
  ACCEPTED: 'success',
  DECLINED: 'danger',
  PRESENT: 'info',
  ABSENT: 'warning',
};

export function ParticipantStatusBadge({ status }: { status: ParticipantStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`participantStatus.${status}`)}</Badge>;
}
