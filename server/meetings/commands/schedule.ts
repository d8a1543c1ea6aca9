import { User } from '../../accounts/model/user.entity';
import { badUserInput, conflict } from '../../platform/errors';
import type { Viewer } from '../access';
import { type WriteScope, writeWithEvents } from '../events/write-with-events';
import { MeetingEventType } from '../model/meeting-event-type';
import { MeetingStatus } from '../model/meeting-status';
import { Meeting } from '../model/meeting.entity';
import { LATEST_STORABLE_TIME } from '../model/storable-time';
import { mailTo, peopleConcernedBy, snapshotOf } from '../notices/mail-job';
import { inviteStudentsInto } from './invitations';
import { changeManagedMeeting, meetingEvent } from './managed-meeting';

/** What scheduling needs besides a write: how long before the start the reminder goes (0: none). */
export interface ScheduleScope extends WriteScope {
  config: { mail: { reminderMinutes: number } };
}

export interface NewMeeting {
  title: string;
  description?: string | null;
  scheduledAt: Date;
  durationMinutes: number;
  attendanceThresholdPercent?: number | null;
  studentIds: string[];
}

/** What an edit may change; a value left out stays as it was, null clears it. */
export interface MeetingEdit {
  title?: string;
  description?: string | null;
  scheduledAt?: Date;
  durationMinutes?: number;
  attendanceThresholdPercent?: number | null;
  /** The version the edit was based on: refused with CONFLICT if the meeting changed since. */
  version?: number;
}

function assertFuture(scope: ScheduleScope, scheduledAt: Date): void {
  if (scheduledAt.getTime() <= scope.clock.now().getTime()) {
    throw badUserInput('scheduledAt', 'scheduledAt must be in the future');
  }
}

function assertStorableEnd(scheduledAt: Date, durationMinutes: number): void {
  if (scheduledAt.getTime() + durationMinutes * 60_000 > LATEST_STORABLE_TIME) {
    throw badUserInput('scheduledAt', 'The meeting must end before the year 10000');
  }
}

export async function createMeeting(scope: ScheduleScope, viewer: Viewer, input: NewMeeting): Promise<Meeting> {
  assertFuture(scope, input.scheduledAt);
  assertStorableEnd(input.scheduledAt, input.durationMinutes);
  return writeWithEvents(scope, async (em) => {
    const meeting = new Meeting({
      title: input.title.trim(),
      description: input.description?.trim() || null,
      scheduledAt: input.scheduledAt,
      durationMinutes: input.durationMinutes,
      instructor: em.getReference(User, viewer.id, { wrapped: true }),
    });
    meeting.attendanceThresholdPercent = input.attendanceThresholdPercent ?? null;
    meeting.planReminder(scope.config.mail.reminderMinutes, scope.clock.now());
    em.persist(meeting);
    const invited = await inviteStudentsInto(em, meeting, input.studentIds, scope.clock.now());
    return {
      ...meetingEvent(meeting, MeetingEventType.CREATED),
      mail: mailTo(
        invited.map((participant) => participant.user.id),
        'invitation',
        meeting,
      ),
    };
  });
}

export function updateMeeting(scope: ScheduleScope, viewer: Viewer, id: string, input: MeetingEdit): Promise<Meeting> {
  return changeManagedMeeting(scope, viewer, id, async (meeting, em) => {
    if (input.version != null && input.version !== meeting.version) {
      throw conflict('The meeting was changed by someone else since you opened it; reload it and try again');
    }
    const reschedules = input.scheduledAt != null || input.durationMinutes != null;
    if (meeting.status === MeetingStatus.ENDED || meeting.status === MeetingStatus.CANCELLED) {
      throw conflict(`The meeting is ${meeting.status.toLowerCase()} and can no longer change`);
    }
    if (meeting.status === MeetingStatus.LIVE && input.scheduledAt != null) {
      throw conflict('A live meeting cannot be moved; change its duration instead');
    }
    if (input.scheduledAt != null && input.scheduledAt.getTime() !== meeting.scheduledAt.getTime()) {
      assertFuture(scope, input.scheduledAt);
    }
    if (reschedules) assertStorableEnd(input.scheduledAt ?? meeting.scheduledAt, input.durationMinutes ?? meeting.durationMinutes);
    const before = snapshotOf(meeting);
    if (input.title != null) meeting.title = input.title.trim();
    if (input.description !== undefined) meeting.description = input.description?.trim() || null;
    if (input.attendanceThresholdPercent !== undefined) meeting.attendanceThresholdPercent = input.attendanceThresholdPercent;
    if (reschedules) {
      meeting.reschedule(input.scheduledAt ?? meeting.scheduledAt, input.durationMinutes ?? meeting.durationMinutes);
      if (meeting.scheduledAt.toISOString() !== before.scheduledAt) meeting.planReminder(scope.config.mail.reminderMinutes, scope.clock.now());
    }
    const after = snapshotOf(meeting);
    const worthTelling = after.title !== before.title || after.scheduledAt !== before.scheduledAt || after.durationMinutes !== before.durationMinutes;
    const people = worthTelling ? await peopleConcernedBy(em, meeting, viewer) : [];
    return { ...meetingEvent(meeting, MeetingEventType.UPDATED), mail: mailTo(people, 'update', meeting, { previous: before }) };
  });
}
