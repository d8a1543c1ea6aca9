import { MeetingStatus } from './meeting-status';

/** How early before `scheduledAt` an instructor may go live. */
export const EARLY_START_MINUTES = 15;

/** What the rules of a meeting's timing read, of an entity or a row alike. */
export interface MeetingSchedule {
  status: MeetingStatus;
  scheduledAt: Date;
  endsAt: Date;
}

/** Past once ended, or once its time is over without it being live. SQL twin: whenFilter(). */
export function isPast(meeting: MeetingSchedule, now: Date): boolean {
  return meeting.status === MeetingStatus.ENDED || (meeting.status !== MeetingStatus.LIVE && meeting.endsAt <= now);
}

/** The reason the meeting cannot go live now, or null when it can. */
export function whyCannotStart(meeting: MeetingSchedule, now: Date): string | null {
  if (meeting.status !== MeetingStatus.SCHEDULED) return `The meeting is ${meeting.status.toLowerCase()}, not scheduled`;
  const opensAt = meeting.scheduledAt.getTime() - EARLY_START_MINUTES * 60_000;
  if (now.getTime() < opensAt) return `The meeting can start from ${EARLY_START_MINUTES} minutes before its scheduled time`;
  if (now >= meeting.endsAt) return 'The meeting’s scheduled time is over; reschedule it to start it';
  return null;
}
