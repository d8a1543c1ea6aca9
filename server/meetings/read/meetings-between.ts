import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Meeting } from '../model/meeting.entity';
import { Rsvp } from '../model/participant-status';
import type { User } from '../../accounts/model/user.entity';

/** The meetings a person takes part in, whatever their role: the ones they teach and the ones they are invited to. */
export function takingPartIn(user: User, { includeDeclined }: { includeDeclined: boolean }): FilterQuery<Meeting> {
  const invitation = includeDeclined ? { user: user.id } : { user: user.id, rsvp: { $ne: Rsvp.DECLINED } };
  return { $or: [{ instructor: user.id }, { participants: { $some: invitation } }] };
}

/** Meetings overlapping [from, to), soonest first, with their instructors. */
export function meetingsBetween(em: EntityManager, where: FilterQuery<Meeting>, from: Date, to: Date, limit: number): Promise<Meeting[]> {
  return em.find(
    Meeting,
    { $and: [where, { scheduledAt: { $lt: to }, endsAt: { $gt: from } }] },
    { populate: ['instructor'], orderBy: { scheduledAt: 'asc', id: 'asc' }, limit },
  );
}
