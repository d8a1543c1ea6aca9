import ical, { ICalAttendeeStatus, ICalCalendarMethod, type ICalEventData, ICalEventStatus } from 'ical-generator';
import { MeetingStatus } from '../../meetings/model/meeting-status';
import { Rsvp } from '../../meetings/model/participant-status';
import type { MeetingRow } from '../../meetings/read/meeting-row';

/** What a calendar event says of a meeting: an entity or a row alike. */
export type CalendarMeeting = Pick<
  MeetingRow,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'scheduledAt' | 'endsAt' | 'title' | 'description' | 'status'
>;

/** A person as a calendar names them. */
export interface CalendarPerson {
  displayName: string;
  email: string;
}

const PRODUCT = { company: 'Amphi', product: 'Amphi', language: 'EN' };

/** The same for the whole life of a meeting, in mail and feeds alike, so calendars update one event. */
export function meetingUid(meeting: Pick<CalendarMeeting, 'id'>): string {
  return `${meeting.id}@amphi`;
}

export function meetingLink(publicUrl: string, meeting: Pick<CalendarMeeting, 'id'>): string {
  return `${publicUrl}/meetings/${meeting.id}`;
}

/**
 * Grows with every change of the meeting (its optimistic-lock version), so a calendar program
 * always takes the newest copy for the current one.
 */
export function meetingSequence(meeting: Pick<CalendarMeeting, 'version'>): number {
  return Math.max(0, meeting.version - 1);
}

export interface MeetingEventOptions {
  publicUrl: string;
  now: Date;
  /** For an invitation: the student it is addressed to, and their answer so far. */
  attendee?: { user: CalendarPerson; rsvp: Rsvp };
  /** This copy withdraws the event (a cancellation, or a student no longer invited). */
  withdrawn?: boolean;
}

const ATTENDEE_STATUS: Record<Rsvp, ICalAttendeeStatus> = {
  [Rsvp.PENDING]: ICalAttendeeStatus.NEEDSACTION,
  [Rsvp.ACCEPTED]: ICalAttendeeStatus.ACCEPTED,
  [Rsvp.DECLINED]: ICalAttendeeStatus.DECLINED,
};

export function meetingEvent(meeting: CalendarMeeting, instructor: CalendarPerson, options: MeetingEventOptions): ICalEventData {
  const link = meetingLink(options.publicUrl, meeting);
  const cancelled = options.withdrawn || meeting.status === MeetingStatus.CANCELLED;
  return {
    id: meetingUid(meeting),
    sequence: meetingSequence(meeting),
    stamp: options.now,
    created: meeting.createdAt,
    lastModified: meeting.updatedAt,
    start: meeting.scheduledAt,
    end: meeting.endsAt,
    summary: meeting.title,
    description: [meeting.description, link].filter(Boolean).join('\n\n'),
    location: link,
    url: link,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: instructor.displayName, email: instructor.email },
    // Answers are given in Amphi, not by reply mail: RSVP=FALSE keeps calendar programs from sending one.
    attendees: options.attendee
      ? [{ name: options.attendee.user.displayName, email: options.attendee.user.email, rsvp: false, status: ATTENDEE_STATUS[options.attendee.rsvp] }]
      : [],
  };
}

/** An iTIP message (RFC 5546): REQUEST adds or updates the event, CANCEL removes it. */
export function meetingInvitationIcs(
  meeting: CalendarMeeting,
  instructor: CalendarPerson,
  options: MeetingEventOptions,
): { method: 'REQUEST' | 'CANCEL'; content: string } {
  const event = meetingEvent(meeting, instructor, options);
  const method = event.status === ICalEventStatus.CANCELLED ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  return {
    method: method === ICalCalendarMethod.CANCEL ? 'CANCEL' : 'REQUEST',
    content: ical({ prodId: PRODUCT, method, events: [event] }).toString(),
  };
}

/** One meeting as a file to open in a calendar program (PUBLISH: added, nobody invited by it). */
export function meetingFileIcs(meeting: CalendarMeeting, instructor: CalendarPerson, options: MeetingEventOptions): string {
  return ical({ prodId: PRODUCT, method: ICalCalendarMethod.PUBLISH, events: [meetingEvent(meeting, instructor, options)] }).toString();
}

/** A subscribable calendar (no METHOD: it is published, not sent), refreshed every 15 minutes. */
export function calendarFeedIcs(name: string, events: ICalEventData[]): string {
  return ical({ prodId: PRODUCT, name, ttl: 15 * 60, events }).toString();
}
