import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MeetingSummaryFieldsFragment } from '../gql/graphql';
import { DateTile } from '../ui/DateTile';
import { useFormatters } from '../ui/useFormatters';
import { MeetingStatusBadge } from './MeetingStatusBadge';

interface MeetingCardProps {
  meeting: MeetingSummaryFieldsFragment;
  testId: string;
  showInstructor: boolean;
  /** The words of the link into the room, shown while the viewer may enter it. */
  roomLinkLabel: string;
  /** Under the time: what this list says about the meeting (its counts, the student's answer). */
  children: ReactNode;
  /** Under the status: a note for the viewer, such as why they cannot enter the room yet. */
  sideNote?: ReactNode;
}

/** A meeting in a list: date tile, title, time, status, and the way into its room while it is live. */
export function MeetingCard({ meeting, testId, showInstructor, roomLinkLabel, children, sideNote }: MeetingCardProps) {
  const format = useFormatters();
  return (
    <li className={`meeting-item meeting-item--${meeting.status.toLowerCase()}`} data-testid={testId}>
      <DateTile iso={meeting.scheduledAt} />
      <div className="meeting-item__main">
        <h2 className="meeting-item__title">
          <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
        </h2>
        <p className="meeting-item__when">
          <time dateTime={meeting.scheduledAt}>{format.dateTime(meeting.scheduledAt)}</time> · {format.duration(meeting.durationMinutes)}
          {showInstructor && <> · {meeting.instructor.displayName}</>}
        </p>
        {children}
      </div>
      <div className="meeting-item__side">
        <MeetingStatusBadge status={meeting.status} />
        {meeting.canJoin && (
          <Link className="button button--live button--small" to={`/meetings/${meeting.id}/room`}>
            {roomLinkLabel}
          </Link>
        )}
        {sideNote}
      </div>
    </li>
  );
}
