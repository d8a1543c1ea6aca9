import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MeetingScope } from '../access';
import type { Meeting } from '../model/meeting.entity';
import { MeetingParticipant } from '../model/participant.entity';
import { Rsvp } from '../model/participant-status';

/** The filter selecting the meetings of a scope (access.ts decides which scope a viewer has). */
export function scopeFilter(em: EntityManager, scope: MeetingScope): FilterQuery<Meeting> {
  if (scope.everything) return {};
  const taught: FilterQuery<Meeting>[] = scope.taughtBy ? [{ instructor: scope.taughtBy }] : [];
  const invited: FilterQuery<Meeting>[] = scope.invited ? [{ id: { $in: invitedTo(em, scope.invited) } } as FilterQuery<Meeting>] : [];
  const either = [...taught, ...invited];
  if (either.length === 0) throw new Error('A meeting scope that names no meetings would filter none out');
  return either.length === 1 ? either[0] : { $or: either };
}

/** The ids of the meetings a user is invited to, as a subquery. */
function invitedTo(em: EntityManager, { userId, declinedToo }: { userId: string; declinedToo: boolean }) {
  return em
    .createQueryBuilder(MeetingParticipant, 'invitation')
    .select('invitation.meeting')
    .where(declinedToo ? { user: userId } : { user: userId, rsvp: { $ne: Rsvp.DECLINED } });
}
