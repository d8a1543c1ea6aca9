import { Link } from 'react-router';
import type { MeetingStatus } from '../gql/graphql';
import { MeetingStatusBadge } from './MeetingStatusBadge';

/** The top of a meeting's page, for organizers and students alike: the way back, the title and the status. */
export function MeetingPageHeader({ meeting, back }: { meeting: { title: string; status: MeetingStatus }; back: { to: string; label: string } }) {
  return (
    <>
      <Link to={back.to} className="back-link">
        ← {back.label}
      </Link>
      <div className="page-header">
        <h1>{meeting.title}</h1>
        <MeetingStatusBadge status={meeting.status} />
      </div>
    </>
  );
}
