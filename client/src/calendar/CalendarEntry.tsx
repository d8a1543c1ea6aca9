import { Link } from 'react-router';
import { useViewer } from '../auth/SessionProvider';
import type { CalendarMeetingFieldsFragment } from '../gql/graphql';
import { MeetingStatusBadge } from '../meetings/MeetingStatusBadge';
import { ParticipantStatusBadge } from '../meetings/ParticipantStatusBadge';
import { useFormatters } from '../ui/useFormatters';

/**
 * A meeting in a calendar day: its time and title, linking to its page. Cancelled, live and declined
 * meetings look so and say so; a compact entry (a month view's chip) keeps the saying for screen readers.
 */
export function CalendarEntry({ meeting, compact = false }: { meeting: CalendarMeetingFieldsFragment; compact?: boolean }) {
  const viewer = useViewer();
  const format = useFormatters();
  const declined = meeting.myParticipation?.rsvp === 'DECLINED';
  const modifiers = [
    compact && 'calendar-entry--compact',
    meeting.status === 'CANCELLED' && 'calendar-entry--cancelled',
    meeting.status === 'LIVE' && 'calendar-entry--live',
    declined && 'calendar-entry--declined',
  ].filter(Boolean);
  const showStatus = meeting.status === 'CANCELLED' || meeting.status === 'LIVE';
  return (
    <li className={['calendar-entry', ...modifiers].join(' ')}>
      <Link className="calendar-entry__link" to={`/meetings/${meeting.id}`}>
        <time className="calendar-entry__time" dateTime={meeting.scheduledAt}>
          {compact ? format.time(meeting.scheduledAt) : `${format.time(meeting.scheduledAt)}–${format.time(meeting.endsAt)}`}
        </time>{' '}
        <span className="calendar-entry__title">{meeting.title}</span>
      </Link>
      {!compact && meeting.instructor.id !== viewer.id && <span className="calendar-entry__instructor">{meeting.instructor.displayName}</span>}
      {(showStatus || declined) && (
        <span className="calendar-entry__status">
          {showStatus && <MeetingStatusBadge status={meeting.status} />}
          {declined && <ParticipantStatusBadge status="DECLINED" />}
        </span>
      )}
    </li>
  );
}
