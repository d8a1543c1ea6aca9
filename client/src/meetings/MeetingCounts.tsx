import { useTranslation } from 'react-i18next';

interface Counts {
  participantCount: number;
  acceptedCount: number;
  presentCount: number;
}

/** Invited / accepted / present, each with its word so that it reads well aloud. */
export function MeetingCounts({ meeting }: { meeting: Counts }) {
  const { t } = useTranslation();
  return (
    <ul className="counts">
      <li>
        <strong>{meeting.participantCount}</strong> {t('counts.invited', { count: meeting.participantCount })}
      </li>
      <li>
        <strong>{meeting.acceptedCount}</strong> {t('counts.accepted', { count: meeting.acceptedCount })}
      </li>
      <li>
        <strong>{meeting.presentCount}</strong> {t('counts.present', { count: meeting.presentCount })}
      </li>
    </ul>
  );
}
