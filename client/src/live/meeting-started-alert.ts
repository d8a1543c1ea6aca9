import type { MeetingEvent } from './follow-meeting-events';
import { hasLeftRoom } from './room-memory';

/** The room's path when a meeting the student may join just went live, else null. */
export function joinableStart(event: MeetingEvent): string | null {
  if (event.type !== 'STARTED' || !event.meeting.canJoin || !event.meeting.myParticipation) return null;
  return `/meetings/${event.meeting.id}/room`;
}

/**
 * The room opens by itself for a student who has the meeting's page open or accepted it, unless they
 * are already in a room or walked out of this one.
 */
export function shouldOpenRoom(event: MeetingEvent, pathname: string): boolean {
  const meetingPath = `/meetings/${event.meeting.id}`;
  const inARoom = /^\/meetings\/[^/]+\/room$/.test(pathname);
  const watching = pathname === meetingPath;
  const accepted = event.meeting.myParticipation?.rsvp === 'ACCEPTED';
  return !inARoom && (watching || accepted) && !hasLeftRoom(event.meeting.id);
}

/** A system notification, for when the tab is in the background; clicking it opens the room. */
export function notifyMeetingStarted(title: string, body: string, onClick: () => void): void {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag: 'amphi-meeting-started', icon: '/favicon.svg' });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}
