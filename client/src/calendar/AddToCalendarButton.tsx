import { useTranslation } from 'react-i18next';
import { DownloadButton, fileSlug } from '../ui/DownloadButton';

/** /meetings/:id/calendar.ics: the meeting, to open in any calendar program (same UID as the mail and the feed). */
export function AddToCalendarButton({ meetingId, title }: { meetingId: string; title: string }) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      path={`/meetings/${meetingId}/calendar.ics`}
      filename={`${fileSlug(title)}.ics`}
      label={t('meeting.addToCalendar')}
      failedMessage={t('meeting.addToCalendarFailed')}
    />
  );
}
