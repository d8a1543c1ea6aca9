import type { MetadataStorage } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../../accounts/model/user.entity';
import { USER_VIEW_PROPERTIES, type UserView } from '../../accounts/model/user-view';
import { type ColumnSet, type ColumnsOf, columnSet } from '../../platform/database/entity-columns';
import { MeetingParticipant } from '../model/participant.entity';
import { cachedIn } from '../../platform/cache';

/**
 * A participant as pages and events read it: every column of the entity, and its user, as plain data.
 * A page of 20 meetings holds hundreds of participants; as ORM entities (identity map, references,
 * hydration) they took most of the request's CPU. Changes still go through the MeetingParticipant entity.
 */
export type ParticipantRow = ColumnsOf<MeetingParticipant> & { meetingId: string; user: UserView };

/** What a participant summary holds: what a list of names and answers shows, and the start of an open visit, which the counts need. */
const PARTICIPANT_SUMMARY_PROPERTIES = ['id', 'status', 'rsvp', 'presentSince'] as const satisfies readonly (keyof ParticipantRow)[];
const USER_SUMMARY_PROPERTIES = ['id', 'email', 'displayName', 'role'] as const satisfies readonly (keyof UserView)[];

export type UserSummary = Pick<UserView, (typeof USER_SUMMARY_PROPERTIES)[number]>;

/**
 * A participant as a list of names shows it: none of the timestamps but the one the counts need, and
 * no account date. Pages that ask for no more (see `asksForSummariesOnly`) read these: seven timestamps
 * a row, converted, formatted and parsed, were much of what a page's participants cost PostgreSQL and
 * the driver.
 */
export type ParticipantSummary = Pick<ParticipantRow, (typeof PARTICIPANT_SUMMARY_PROPERTIES)[number] | 'meetingId'> & { user: UserSummary };

interface ParticipantColumns {
  rows: ColumnSet<ParticipantRow>;
  summaries: ColumnSet<ParticipantSummary>;
}

const columnSets = new WeakMap<MetadataStorage, ParticipantColumns>();

/** A participant (`p`) and its user (`u`), as full rows and as summaries. */
function participantColumns(em: EntityManager): ParticipantColumns {
  return cachedIn(columnSets, em.getMetadata(), (metadata) => {
    const participant = metadata.get(MeetingParticipant);
    const user = metadata.get(User);
    return {
      rows: columnSet([
        { meta: participant, table: 'p', ids: ['meeting'] },
        { meta: user, table: 'u', properties: USER_VIEW_PROPERTIES, under: 'user' },
      ]),
      summaries: columnSet([
        { meta: participant, table: 'p', properties: PARTICIPANT_SUMMARY_PROPERTIES, ids: ['meeting'] },
        { meta: user, table: 'u', properties: USER_SUMMARY_PROPERTIES, under: 'user' },
      ]),
    };
  });
}

/**
 * The participants of some meetings with their users, by name (as the entities sort them), in one
 * statement; only `userId`'s invitations when given.
 */
async function selectParticipants<T>(em: EntityManager, columns: ColumnSet<T>, meetingIds: readonly string[], userId?: string): Promise<T[]> {
  if (meetingIds.length === 0) return [];
  const records = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `select ${columns.select}
       from meeting_participants p
       -- A lookup by key per participant: as a plain join, PostgreSQL hashes the whole users table.
       cross join lateral (select * from users where users.id = p.user_id limit 1) u
      where p.meeting_id in (${meetingIds.map(() => '?').join(', ')})${userId ? ' and p.user_id = ?' : ''}
      order by u.display_name, p.id`,
    userId ? [...meetingIds, userId] : [...meetingIds],
  );
  return records.map(columns.read);
}

export function loadParticipantRows(em: EntityManager, meetingIds: readonly string[], userId?: string): Promise<ParticipantRow[]> {
  return selectParticipants(em, participantColumns(em).rows, meetingIds, userId);
}

export function loadParticipantSummaries(em: EntityManager, meetingIds: readonly string[]): Promise<ParticipantSummary[]> {
  return selectParticipants(em, participantColumns(em).summaries, meetingIds);
}

/** One participant, with its user; null when the invitation no longer exists. */
export async function findParticipantRow(em: EntityManager, participantId: string): Promise<ParticipantRow | null> {
  const columns = participantColumns(em).rows;
  const [record] = await em.getConnection().execute<Array<Record<string, unknown>>>(
    `select ${columns.select}
       from meeting_participants p
       join users u on u.id = p.user_id
      where p.id = ?`,
    [participantId],
  );
  return record ? columns.read(record) : null;
}
