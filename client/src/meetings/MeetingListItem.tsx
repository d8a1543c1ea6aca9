import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummaryFieldsFragment } from '../gql/graphql';
import { DateTile } from '../ui/DateTile';
import { useFormatters } from '../ui/useFormatters';
import { MeetingCounts } from './MeetingCounts';
import { MeetingStatusBadge } from './MeetingStatusBadge';

export function MeetingListItem({ meeting, showInstructor }: { meeting: MeetingSummaryFieldsFragment; showInstructor: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <li className={`meeting-item meeting-item--${meeting.status.toLowerCase()}`} data-testid="meeting-item">
      <DateTile iso={meeting.scheduledAt} />
      <div className="meeting-item__main">
        <h2 className="meeting-item__title">
          <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
        </h2>
        <p className="meeting-item__when">
          <time dateTime={meeting.scheduledAt}>{format.dateTime(meeting.scheduledAt)}</time> · {format.duration(meeting.durationMinutes)}
          {showInstructor && <> · {meeting.instructor.displayName}</>}
        </p>
        <MeetingCounts meeting={meeting} />
      </div>
      <div className="meeting-item__side">
        <MeetingStatusBadge status={meeting.status} />
        {meeting.canJoin && (
          <Link className="button button--live button--small" to={`/meetings/${meeting.id}/room`}>
            {t('meeting.enterRoom')}
          </Link>
        )}
      </div>
    </li>
  );
}
