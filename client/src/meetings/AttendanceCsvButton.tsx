import { useTranslation } from 'react-i18next';
import { DownloadButton, fileSlug } from '../ui/DownloadButton';

/** /meetings/:id/attendance.csv, for the instructor and admins. */
export function AttendanceCsvButton({ meetingId, title }: { meetingId: string; title: string }) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      path={`/meetings/${meetingId}/attendance.csv`}
      filename={`${fileSlug(title)}-attendance.csv`}
      label={t('participants.csv')}
      failedMessage={t('participants.csvFailed')}
    />
  );
}
