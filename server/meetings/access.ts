import { Role } from '../accounts/model/role';
import type { EventRole, EventViewer, Recipients } from '../live/event-log';
import { MeetingEventType, PARTICIPANT_EVENT_TYPES } from './model/meeting-event-type';
import { MeetingStatus } from './model/meeting-status';
import { Rsvp } from './model/participant-status';

/**
 * Who may see, manage, join and receive the events of a meeting: the one place that decides. Queries,
 * mutations, event delivery, the calendar, the attendance export and room tokens all ask here.
 */

/** Who asks: a user's id and role (a User, or the plain copy a WebSocket connection keeps). */
export type Viewer = EventViewer;

/** What the rules read of a meeting, an entity or a row alike. */
export interface MeetingOwnership {
  instructor: { id: string };
}

/** Admins see and run every meeting. */
export function managesEveryMeeting(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN;
}

/**
 * The owner instructor and admins manage a meeting: they change and run it, moderate its room, and see
 * its class list, its room name and its attendance. Invited students only take part.
 */
export function mayManage(viewer: Viewer, meeting: MeetingOwnership): boolean {
  return managesEveryMeeting(viewer) || meeting.instructor.id === viewer.id;
}

/**
 * A set of meetings as the rules name it, for the read side to turn into SQL (read/meeting-scope.ts):
 * every meeting, or those taught by a user or those a user is invited to (either, when both are given).
 */
export interface MeetingScope {
  everything?: true;
  taughtBy?: string;
  invited?: { userId: string; declinedToo: boolean };
}

/** The meetings a viewer may see: every one for admins, their own for instructors, those they are invited to for students. */
export function visibleMeetings(viewer: Viewer): MeetingScope {
  switch (viewer.role) {
    case Role.ADMIN:
      return { everything: true };
    case Role.INSTRUCTOR:
      return { taughtBy: viewer.id };
    default:
      return invitationsOf(viewer);
  }
}

/**
 * The meetings someone takes part in, whatever their role (an admin's calendar holds the meetings they
 * teach or are invited to, not every meeting): always a subset of the ones they may see.
 */
export function meetingsTakenPartIn(user: Viewer, { declinedToo }: { declinedToo: boolean }): MeetingScope {
  return { taughtBy: user.id, invited: { userId: user.id, declinedToo } };
}

/** The meetings a user is invited to, whatever they answered: their invitations page. */
export function invitationsOf(user: Viewer): MeetingScope {
  return { invited: { userId: user.id, declinedToo: true } };
}

/** Why the viewer may not enter a meeting's room now, or null when they may. */
export type JoinRefusal = 'not-live' | 'not-invited' | 'declined';

/** Only a live meeting, for its managers and for the students invited who did not decline. */
export function joinRefusal(
  viewer: Viewer,
  meeting: MeetingOwnership & { status: MeetingStatus },
  invitation: { rsvp: Rsvp } | null,
): JoinRefusal | null {
  if (meeting.status !== MeetingStatus.LIVE) return 'not-live';
  if (mayManage(viewer, meeting)) return null;
  if (!invitation) return 'not-invited';
  return invitation.rsvp === Rsvp.DECLINED ? 'declined' : null;
}

/** An event, as the rules read it: what happened, to which meeting as it is now, and who is invited to it now. */
export interface EventFacts {
  record: { type: MeetingEventType; userId: string | null };
  meeting: MeetingOwnership;
  invitedUserIds: ReadonlySet<string>;
}

/**
 * Who receives an event, judged on the meeting as it is when the event is delivered: its managers
 * always; an invited student the meeting's own events, and the participant events about themselves
 * only. A removed student gets their UNINVITED event and nothing of that meeting after it.
 */
export function receivesAs(viewer: Viewer, event: EventFacts): EventRole | null {
  if (mayManage(viewer, event.meeting)) return 'manager';
  return reachesStudent(event, viewer.id) ? 'student' : null;
}

/**
 * The users besides admins an event may reach (the hub offers it to their listeners only): its
 * instructor, and the students `receivesAs` lets it reach.
 */
export function eventRecipients(event: EventFacts): Recipients {
  const instructorId = event.meeting.instructor.id;
  if (PARTICIPANT_EVENT_TYPES.has(event.record.type)) {
    const { userId } = event.record;
    return new Set(userId && reachesStudent(event, userId) ? [instructorId, userId] : [instructorId]);
  }
  // Counted and listed without copying the invited set: a class may hold thousands, and the hub often needs only the count.
  const invited = event.invitedUserIds;
  return {
    size: invited.size + 1,
    *[Symbol.iterator]() {
      yield instructorId;
      yield* invited;
    },
  };
}

function reachesStudent({ record, invitedUserIds }: EventFacts, userId: string): boolean {
  if (record.type === MeetingEventType.UNINVITED) return record.userId === userId;
  const invited = invitedUserIds.has(userId);
  return PARTICIPANT_EVENT_TYPES.has(record.type) ? invited && record.userId === userId : invited;
}
