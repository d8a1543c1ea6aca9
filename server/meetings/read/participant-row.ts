import type { EntityManager } from '@mikro-orm/postgresql';
import { dateOf, epochMilliseconds, optionalDateOf } from '../../platform/database/epoch-columns';
import type { UserView } from '../../accounts/model/user.entity';
import type { Role } from '../../accounts/model/role';
import type { ParticipantStatus, Rsvp } from '../model/participant-status';
import type { Presence } from '../model/presence';

/**
 * A participant as pages and events read it: its columns, and its user, as plain data. A page of 20
 * meetings holds hundreds of participants; as ORM entities (identity map, references, hydration) they
 * took most of the request's CPU. Changes still go through the MeetingParticipant entity.
 */
export interface ParticipantRow extends Presence {
  id: string;
  meetingId: string;
  status: ParticipantStatus;
  rsvp: Rsvp;
  invitedAt: Date;
  respondedAt: Date | null;
  joinedAt: Date | null;
  leftAt: Date | null;
  user: UserView;
}

interface ParticipantRecord {
  id: string;
  meeting_id: string;
  status: ParticipantStatus;
  rsvp: Rsvp;
  invited_at: number;
  responded_at: number | null;
  joined_at: number | null;
  left_at: number | null;
  present_since: number | null;
  last_seen_at: number | null;
  attended_seconds: number;
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  user_created_at: number;
}

/**
 * A participant as a list of names shows it: none of the timestamps but the one the counts need, and
 * no account date. Pages that ask for no more (see `asksForSummariesOnly`) read these: seven timestamps
 * a row, converted, formatted and parsed, were much of what a page's participants cost PostgreSQL and
 * the driver.
 */
export interface ParticipantSummary extends Pick<ParticipantRow, 'id' | 'meetingId' | 'status' | 'rsvp' | 'presentSince'> {
  user: UserSummary;
}

export type UserSummary = Omit<UserView, 'createdAt'>;

type ParticipantSummaryRecord = Pick<
  ParticipantRecord,
  'id' | 'meeting_id' | 'status' | 'rsvp' | 'present_since' | 'user_id' | 'email' | 'display_name' | 'role'
>;

/**
 * The participants of some meetings with their users, by name (as the entities sort them), in one
 * statement selecting `columns`; only `userId`'s invitations when given.
 */
function selectParticipants<T>(em: EntityManager, columns: string, meetingIds: readonly string[], userId?: string): Promise<T[]> {
  return em.getConnection().execute(
    `select ${columns}
       from meeting_participants p
       -- A lookup by key per participant: as a plain join, PostgreSQL hashes the whole users table.
       cross join lateral (select * from users where users.id = p.user_id limit 1) u
      where p.meeting_id in (${meetingIds.map(() => '?').join(', ')})${userId ? ' and p.user_id = ?' : ''}
      order by u.display_name, p.id`,
    userId ? [...meetingIds, userId] : [...meetingIds],
  );
}

/** A summary's columns, which full rows read too. */
const SUMMARY_COLUMNS = `p.id, p.meeting_id, p.status, p.rsvp, ${epochMilliseconds('p.present_since', 'present_since')},
     u.id as user_id, u.email, u.display_name, u.role`;

function summaryOf(record: ParticipantSummaryRecord): ParticipantSummary {
  return {
    id: record.id,
    meetingId: record.meeting_id,
    status: record.status,
    rsvp: record.rsvp,
    presentSince: optionalDateOf(record.present_since),
    user: { id: record.user_id, email: record.email, displayName: record.display_name, role: record.role },
  };
}

export async function loadParticipantRows(em: EntityManager, meetingIds: readonly string[], userId?: string): Promise<ParticipantRow[]> {
  if (meetingIds.length === 0) return [];
  const records = await selectParticipants<ParticipantRecord>(
    em,
    `${SUMMARY_COLUMNS}, p.attended_seconds,
     ${epochMilliseconds('p.invited_at', 'invited_at')}, ${epochMilliseconds('p.responded_at', 'responded_at')},
     ${epochMilliseconds('p.joined_at', 'joined_at')}, ${epochMilliseconds('p.left_at', 'left_at')},
     ${epochMilliseconds('p.last_seen_at', 'last_seen_at')}, ${epochMilliseconds('u.created_at', 'user_created_at')}`,
    meetingIds,
    userId,
  );
  return records.map((record) => {
    const summary = summaryOf(record);
    return {
      ...summary,
      invitedAt: dateOf(record.invited_at),
      respondedAt: optionalDateOf(record.responded_at),
      joinedAt: optionalDateOf(record.joined_at),
      leftAt: optionalDateOf(record.left_at),
      lastSeenAt: optionalDateOf(record.last_seen_at),
      attendedSeconds: record.attended_seconds,
      user: { ...summary.user, createdAt: dateOf(record.user_created_at) },
    };
  });
}

export async function loadParticipantSummaries(em: EntityManager, meetingIds: readonly string[]): Promise<ParticipantSummary[]> {
  if (meetingIds.length === 0) return [];
  return (await selectParticipants<ParticipantSummaryRecord>(em, SUMMARY_COLUMNS, meetingIds)).map(summaryOf);
}
