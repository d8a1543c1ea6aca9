import { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, notFound } from '../../platform/errors';
import { parseId, UUID } from '../../platform/ids';
import { type Viewer, visibleMeetings } from '../access';
import type { MeetingStatus } from '../model/meeting-status';
import { isStorableTime } from '../model/storable-time';
import { findMeetingPage, findMeetings, type MeetingPage, type MeetingRow } from './meeting-row';
import { scopeFilter } from './meeting-scope';
import { type MeetingWhen, whenFilter, whenOrder } from './meeting-window';

/**
 * Cursors are MikroORM's opaque (scheduledAt, id) pairs; anything else is refused before SQL, including
 * dates PostgreSQL cannot read back from JavaScript (outside years 1 to 9999) and ids that are not UUIDs.
 */
function decodeMeetingCursor(after: string): [string, string] {
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    values = null;
  }
  const time = Array.isArray(values) && typeof values[0] === 'string' ? Date.parse(values[0]) : Number.NaN;
  const valid = Array.isArray(values) && values.length === 2 && isStorableTime(time) && typeof values[1] === 'string' && UUID.test(values[1]);
  if (!valid) throw badUserInput('after', 'after is not a cursor returned by this query');
  return values as [string, string];
}

export interface MeetingListRequest {
  when: MeetingWhen;
  status?: MeetingStatus;
  first: number;
  /** An endCursor from a previous page. */
  after?: string;
}

/** A page of the meetings the viewer may see, in a time window, soonest first for upcoming ones. */
export function listMeetings(em: EntityManager, viewer: Viewer, request: MeetingListRequest, now: Date): Promise<MeetingPage> {
  const after = request.after ? decodeMeetingCursor(request.after) : null;
  const where = { $and: [scopeFilter(em, visibleMeetings(viewer)), whenFilter(request.when, now), request.status ? { status: request.status } : {}] };
  return findMeetingPage(em, where, { first: request.first, after, direction: whenOrder(request.when) });
}

/** A meeting the viewer may see; NOT_FOUND both for a missing meeting and for one they may not see. */
export async function findVisibleMeetingRow(em: EntityManager, viewer: Viewer, id: string, field = 'id'): Promise<MeetingRow> {
  const [row] = await findMeetings(em, { $and: [{ id: parseId(id, field) }, scopeFilter(em, visibleMeetings(viewer))] });
  if (!row) throw notFound('Meeting');
  return row;
}
