import type { EntityManager } from '@mikro-orm/postgresql';
import { invitationsOf as invitationScope, type Viewer } from '../access';
import type { MeetingsLoader } from './loaders';
import { findMeetings } from './meeting-row';
import { scopeFilter } from './meeting-scope';
import { type MeetingWhen, whenFilter, whenOrder } from './meeting-window';
import { loadParticipantRows, type ParticipantRow } from './participant-row';

const MAX_INVITATIONS = 500;

/**
 * A student's invitations to the meetings of a window, in the order of their meetings (soonest first
 * for upcoming ones); the meetings read go into `meetings`, for the invitations' `meeting` field.
 */
export async function findInvitations(
  em: EntityManager,
  viewer: Viewer,
  when: MeetingWhen,
  now: Date,
  meetings: MeetingsLoader,
): Promise<ParticipantRow[]> {
  const rows = await findMeetings(
    em,
    { $and: [scopeFilter(em, invitationScope(viewer)), whenFilter(when, now)] },
    { direction: whenOrder(when), limit: MAX_INVITATIONS },
  );
  for (const row of rows) meetings.prime(row.id, row);
  const byMeeting = new Map(
    (
      await loadParticipantRows(
        em,
        rows.map((row) => row.id),
        viewer.id,
      )
    ).map((row) => [row.meetingId, row]),
  );
  return rows.flatMap((row) => byMeeting.get(row.id) ?? []);
}
