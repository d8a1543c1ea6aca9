import { useParams } from 'react-router';
import { useViewer } from '../auth/SessionProvider';
import { isOrganizer } from '../auth/viewer';
import { StudentMeetingPage } from '../invitations/StudentMeetingPage';
import { ManagedMeetingPage } from './ManagedMeetingPage';

/** One address per meeting: organizers manage it there, students follow it there. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  return isOrganizer(viewer) ? <ManagedMeetingPage id={id} /> : <StudentMeetingPage id={id} />;
}
