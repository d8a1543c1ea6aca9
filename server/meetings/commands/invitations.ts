import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../platform/errors';
import { parseId } from '../../platform/ids';
import type { Meeting } from '../model/meeting.entity';
import { Role } from '../../accounts/model/role';
import { User } from '../../accounts/model/user.entity';
import { MeetingParticipant } from '../model/participant.entity';

/**
 * Invites the students not invited yet; refuses the whole list if any id is not a student's,
 * so that nothing is written for a list with a mistake in it.
 */
export async function inviteStudentsInto(
  em: EntityManager,
  meeting: Meeting,
  studentIds: string[],
  now: Date,
): Promise<MeetingParticipant[]> {
  const ids = [...new Set(studentIds.map((id) => parseId(id, 'studentIds')))];
  if (ids.length === 0) return [];
  const students = await em.find(User, { id: { $in: ids }, role: Role.STUDENT });
  const found = new Set(students.map((student) => student.id));
  const invalid = ids.filter((id) => !found.has(id));
  if (invalid.length) {
    throw badUserInput('studentIds', `These ids are not students: ${invalid.join(', ')}`);
  }
  const already = new Set(
    (await em.find(MeetingParticipant, { meeting: meeting.id, user: { $in: ids } })).map((row) => row.user.id),
  );
  const invited = students
    .filter((student) => !already.has(student.id))
    .map((student) => new MeetingParticipant(ref(meeting), ref(student), now));
  em.persist(invited);
  return invited;
}
