import type { UserView } from '../../accounts/model/user-view';
import { attendedSecondsAt, isGone } from '../model/presence';
import type { ParticipantStatus, Rsvp } from '../model/participant-status';
import type { ParticipantRow } from '../read/participant-row';

/** One student's answer next to their actual attendance. */
export interface AttendanceRecord {
  user: UserView;
  rsvp: Rsvp;
  status: ParticipantStatus;
  /** Seconds in the room, the visit in progress included. */
  attendedSeconds: number;
  /** First entry into the room. */
  joinedAt: Date | null;
  /** Last exit from the room. */
  leftAt: Date | null;
  inRoom: boolean;
}

/** The attendance report of a meeting's participants (users loaded), as of `now`, by name. */
export function attendanceOf(participants: ParticipantRow[], now: Date): AttendanceRecord[] {
  return participants
    .map((participant) => ({
      user: participant.user,
      rsvp: participant.rsvp,
      status: participant.status,
      attendedSeconds: attendedSecondsAt(participant, now),
      joinedAt: participant.joinedAt,
      leftAt: participant.leftAt,
      inRoom: participant.presentSince !== null && !isGone(participant, now),
    }))
    .sort((a, b) => a.user.displayName.localeCompare(b.user.displayName) || a.user.id.localeCompare(b.user.id));
}
