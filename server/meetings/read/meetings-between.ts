import type { EntityManager } from '@mikro-orm/postgresql';
import type { MeetingScope } from '../access';
import { findMeetings, type MeetingRow } from './meeting-row';
import { scopeFilter } from './meeting-scope';

/** The meetings of a scope overlapping [from, to), soonest first, with their instructors. */
export function meetingsBetween(em: EntityManager, scope: MeetingScope, from: Date, to: Date, limit: number): Promise<MeetingRow[]> {
  return findMeetings(em, { $and: [scopeFilter(em, scope), { scheduledAt: { $lt: to }, endsAt: { $gt: from } }] }, { limit });
}
