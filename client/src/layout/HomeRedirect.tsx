import { Navigate } from 'react-router';
import { useViewer } from '../auth/SessionProvider';
import { isOrganizer } from '../auth/viewer';

/** Organizers land on their meetings, students on their invitations. */
export function HomeRedirect() {
  const viewer = useViewer();
  return <Navigate to={isOrganizer(viewer) ? '/meetings' : '/invitations'} replace />;
}
