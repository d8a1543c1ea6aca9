import { Cursor, type FilterQuery, type MetadataStorage, raw } from '@mikro-orm/core';
import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { User } from '../../accounts/model/user.entity';
import { USER_VIEW_PROPERTIES, type UserView } from '../../accounts/model/user-view';
import { type ColumnSet, type ColumnsOf, columnSet } from '../../platform/database/entity-columns';
import { Meeting } from '../model/meeting.entity';
import { cachedIn } from '../../platform/cache';

/**
 * A meeting as everything that reads meetings sees it: every column of the entity, and its instructor,
 * as plain data. Changes go through the Meeting entity; their results are read back as rows.
 */
export type MeetingRow = ColumnsOf<Meeting> & { instructor: UserView };

const meetingColumnSets = new WeakMap<MetadataStorage, ColumnSet<MeetingRow>>();

/** A meeting (`m`) and its instructor (`i`), joined: what to select, and how a record becomes a row. */
export function meetingColumns(em: EntityManager): ColumnSet<MeetingRow> {
  return cachedIn(meetingColumnSets, em.getMetadata(), (metadata) =>
    columnSet<MeetingRow>([
      { meta: metadata.get(Meeting), table: 'm' },
      { meta: metadata.get(User), table: 'i', properties: USER_VIEW_PROPERTIES, under: 'instructor' },
    ]),
  );
}

export type Direction = 'asc' | 'desc';

export interface MeetingPage {
  rows: MeetingRow[];
  hasNextPage: boolean;
}

/** Meetings matching `where`, with their instructors, in one statement. */
export async function findMeetings(
  em: EntityManager,
  where: FilterQuery<Meeting>,
  { direction = 'asc', limit }: { direction?: Direction; limit?: number } = {},
): Promise<MeetingRow[]> {
  const columns = meetingColumns(em);
  const query = em
    .createQueryBuilder(Meeting, 'm')
    .select(raw(columns.select))
    .join('m.instructor', 'i')
    .where(where as QBFilterQuery<Meeting>)
    .orderBy({ scheduledAt: direction, id: direction });
  if (limit !== undefined) query.limit(limit);
  const records: Array<Record<string, unknown>> = await query.execute('all', false);
  return records.map(columns.read);
}

/**
 * Up to `first` meetings matching `where` after the cursor `after` (a decoded, checked MikroORM
 * cursor: [scheduledAt, id]), ordered by (scheduledAt, id), in one statement.
 */
export async function findMeetingPage(
  em: EntityManager,
  where: FilterQuery<Meeting>,
  page: { first: number; after: [string, string] | null; direction: Direction },
): Promise<MeetingPage> {
  const { first, after, direction } = page;
  const rows = await findMeetings(em, { $and: [where, after ? afterCursor(after, direction) : {}] }, { direction, limit: first + 1 });
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

function afterCursor([scheduledAt, id]: [string, string], direction: Direction): FilterQuery<Meeting> {
  const beyond = direction === 'asc' ? '$gt' : '$lt';
  const at = new Date(scheduledAt);
  return { $or: [{ scheduledAt: { [beyond]: at } }, { scheduledAt: at, id: { [beyond]: id } }] };
}

/**
 * The opaque cursor of a row, as MikroORM's Cursor.for writes it for the entity (clients may hold
 * either): its encoding of the ordering values, without working the ordering out again for every row.
 */
export function meetingCursor(row: Pick<MeetingRow, 'scheduledAt' | 'id'>): string {
  return Cursor.encode([row.scheduledAt, row.id]);
}
