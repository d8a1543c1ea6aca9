import { Cursor, type FilterQuery, raw } from '@mikro-orm/core';
import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { dateOf, epochMilliseconds, optionalDateOf } from '../../platform/database/epoch-columns';
import type { Role } from '../../accounts/model/role';
import type { UserView } from '../../accounts/model/user.entity';
import { Meeting } from '../model/meeting.entity';
import type { MeetingStatus } from '../model/meeting-status';

/**
 * A meeting as a page of meetings reads it: its columns and its instructor as plain data, like the
 * participants (participant-row.ts); changes still go through the Meeting entity.
 */
export interface MeetingRow {
  id: string;
  title: string;
  description: string | null;
  scheduledAt: Date;
  durationMinutes: number;
  endsAt: Date;
  status: MeetingStatus;
  startedAt: Date | null;
  endedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  attendanceThresholdPercent: number | null;
  roomName: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  instructor: UserView;
}

/** What GraphQL resolves a Meeting from: the entity a change returns, or a row of a page. */
export type MeetingView = Meeting | MeetingRow;

/** A meeting's columns as MEETING_COLUMNS selects them. */
export interface MeetingRecord {
  id: string;
  title: string;
  description: string | null;
  scheduled_at: number;
  duration_minutes: number;
  ends_at: number;
  status: MeetingStatus;
  started_at: number | null;
  ended_at: number | null;
  cancelled_at: number | null;
  cancel_reason: string | null;
  attendance_threshold_percent: number | null;
  room_name: string;
  created_at: number;
  updated_at: number;
  version: number;
  instructor_id: string;
  instructor_email: string;
  instructor_display_name: string;
  instructor_role: Role;
  instructor_created_at: number;
}

/** A meeting (`m`) and its instructor (`i`), joined, as meetingRowOf() reads them. */
export const MEETING_COLUMNS = [
  'm.id, m.title, m.description, m.duration_minutes, m.status, m.cancel_reason, m.attendance_threshold_percent',
  'm.room_name, m.version, m.instructor_id',
  epochMilliseconds('m.scheduled_at', 'scheduled_at'),
  epochMilliseconds('m.ends_at', 'ends_at'),
  epochMilliseconds('m.started_at', 'started_at'),
  epochMilliseconds('m.ended_at', 'ended_at'),
  epochMilliseconds('m.cancelled_at', 'cancelled_at'),
  epochMilliseconds('m.created_at', 'created_at'),
  epochMilliseconds('m.updated_at', 'updated_at'),
  'i.email as instructor_email, i.display_name as instructor_display_name, i.role as instructor_role',
  epochMilliseconds('i.created_at', 'instructor_created_at'),
].join(', ');

export type Direction = 'asc' | 'desc';

export interface MeetingPage {
  rows: MeetingRow[];
  hasNextPage: boolean;
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
  const records: MeetingRecord[] = await em
    .createQueryBuilder(Meeting, 'm')
    .select(raw(MEETING_COLUMNS))
    .join('m.instructor', 'i')
    .where({ $and: [where, after ? afterCursor(after, direction) : {}] } as QBFilterQuery<Meeting>)
    .orderBy({ scheduledAt: direction, id: direction })
    .limit(first + 1)
    .execute('all', false);
  return { rows: records.slice(0, first).map(meetingRowOf), hasNextPage: records.length > first };
}

export function meetingRowOf(record: MeetingRecord): MeetingRow {
  return {
    id: record.id,
    title: record.title,
    description: record.description,
    scheduledAt: dateOf(record.scheduled_at),
    durationMinutes: record.duration_minutes,
    endsAt: dateOf(record.ends_at),
    status: record.status,
    startedAt: optionalDateOf(record.started_at),
    endedAt: optionalDateOf(record.ended_at),
    cancelledAt: optionalDateOf(record.cancelled_at),
    cancelReason: record.cancel_reason,
    attendanceThresholdPercent: record.attendance_threshold_percent,
    roomName: record.room_name,
    createdAt: dateOf(record.created_at),
    updatedAt: dateOf(record.updated_at),
    version: record.version,
    instructor: {
      id: record.instructor_id,
      email: record.instructor_email,
      displayName: record.instructor_display_name,
      role: record.instructor_role,
      createdAt: dateOf(record.instructor_created_at),
    },
  };
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
