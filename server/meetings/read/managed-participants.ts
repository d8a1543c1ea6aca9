import { forbidden } from '../../platform/errors';
import { mayManage, type Viewer } from '../access';
import type { MeetingLoaders } from './loaders';
import type { MeetingRow } from './meeting-row';
import type { ParticipantRow } from './participant-row';

/** Everyone invited to a meeting, with their users; FORBIDDEN for anyone but its managers. */
export function managedParticipants(loaders: MeetingLoaders, viewer: Viewer, meeting: MeetingRow): Promise<ParticipantRow[]> {
  if (!mayManage(viewer, meeting)) throw forbidden('Only the meeting’s instructor or an admin can see its attendance');
  return loaders.participants.load(meeting.id);
}
