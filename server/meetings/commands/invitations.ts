import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../accounts/model/role';
import { User } from '../../accounts/model/user.entity';
import { badUserInput, notFound } from '../../platform/errors';
import { parseId } from '../../platform/ids';
import type { Viewer } from '../access';
import type { EventDraft } from '../events/append-events';
import type { WriteScope } from '../events/write-with-events';
import { MeetingEventType } from '../model/meeting-event-type';
import type { Meeting } from '../model/meeting.entity';
import { MeetingParticipant } from '../model/participant.entity';
import { mailTo } from '../notices/mail-job';
import { changeManagedMeeting } from './managed-meeting';

/**
 * Invites the students not invited yet; refuses the whole list if any id is not a student's,
 * so that nothing is written for a list with a mistake in it.
 */
export async function inviteStudentsInto(em: EntityManager, meeting: Meeting, studentIds: string[], now: Date): Promise<MeetingParticipant[]> {
  const ids = [...new Set(studentIds.map((id) => parseId(id, 'studentIds')))];
  if (ids.length === 0) return [];
  const students = await em.find(User, { id: { $in: ids }, role: Role.STUDENT });
  const found = new Set(students.map((student) => student.id));
  const invalid = ids.filter((id) => !found.has(id));
  if (invalid.length) {
    throw badUserInput('studentIds', `These ids are not students: ${invalid.join(', ')}`);
  }
  const already = new Set((await em.find(MeetingParticipant, { meeting: meeting.id, user: { $in: ids } })).map((row) => row.user.id));
  const invited = students.filter((student) => !already.has(student.id)).map((student) => new MeetingParticipant(ref(meeting), ref(student), now));
  em.persist(invited);
  return invited;
}

export function participantEvent(type: MeetingEventType, participant: MeetingParticipant): EventDraft {
  return { type, meetingId: participant.meeting.id, participantId: participant.id, userId: participant.user.id };
}

export function inviteStudents(scope: WriteScope, viewer: Viewer, meetingId: string, studentIds: string[]): Promise<Meeting> {
  return changeManagedMeeting(
    scope,
    viewer,
    meetingId,
    async (meeting, em) => {
      meeting.assertOpenForInvitations();
      const invited = await inviteStudentsInto(em, meeting, studentIds, scope.clock.now());
      return {
        result: meeting,
        events: invited.map((participant) => participantEvent(MeetingEventType.INVITED, participant)),
        mail: mailTo(
          invited.map((participant) => participant.user.id),
          'invitation',
          meeting,
        ),
      };
    },
    'meetingId',
  );
}

export function removeParticipant(scope: WriteScope, viewer: Viewer, meetingId: string, userId: string): Promise<Meeting> {
  const user = parseId(userId, 'userId');
  return changeManagedMeeting(
    scope,
    viewer,
    meetingId,
    async (meeting, em) => {
      meeting.assertOpenForInvitations();
      const participant = await em.findOne(MeetingParticipant, { meeting: meeting.id, user });
      if (!participant) throw notFound('Participant');
      em.remove(participant);
      return {
        result: meeting,
        events: [participantEvent(MeetingEventType.UNINVITED, participant)],
        mail: mailTo([participant.user.id], 'uninvitation', meeting),
      };
    },
    'meetingId',
  );
}
