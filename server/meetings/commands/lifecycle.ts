import { LockMode } from '@mikro-orm/core';
import { badUserInput } from '../../platform/errors';
import type { Viewer } from '../access';
import type { WriteScope } from '../events/write-with-events';
import { MeetingEventType } from '../model/meeting-event-type';
import type { Meeting } from '../model/meeting.entity';
import { MeetingParticipant } from '../model/participant.entity';
import { mailTo, peopleConcernedBy } from '../notices/mail-job';
import { changeManagedMeeting, meetingEvent } from './managed-meeting';

export function startMeeting(scope: WriteScope, viewer: Viewer, id: string): Promise<Meeting> {
  return changeManagedMeeting(scope, viewer, id, (meeting) => {
    meeting.start(scope.clock.now());
    return meetingEvent(meeting, MeetingEventType.STARTED);
  });
}

export function endMeeting(scope: WriteScope, viewer: Viewer, id: string): Promise<Meeting> {
  return changeManagedMeeting(scope, viewer, id, async (meeting, em) => {
    const now = scope.clock.now();
    meeting.end(now);
    const participants = await em.find(MeetingParticipant, { meeting: meeting.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const required = meeting.requiredAttendanceSeconds();
    for (const participant of participants) participant.closeAttendance(now, required);
    return meetingEvent(meeting, MeetingEventType.ENDED);
  });
}

export function cancelMeeting(scope: WriteScope, viewer: Viewer, id: string, reason: string | null): Promise<Meeting> {
  const trimmed = reason?.trim() || null;
  if (trimmed && trimmed.length > 500) throw badUserInput('reason', 'reason must be at most 500 characters');
  return changeManagedMeeting(scope, viewer, id, async (meeting, em) => {
    meeting.cancel(scope.clock.now(), trimmed);
    const people = await peopleConcernedBy(em, meeting, viewer);
    return { ...meetingEvent(meeting, MeetingEventType.CANCELLED), mail: mailTo(people, 'cancellation', meeting) };
  });
}
