import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden, notFound } from '../../platform/errors';
import { parseId } from '../../platform/ids';
import { mayManage, type Viewer, visibleMeetings } from '../access';
import { type Outcome, type WriteScope, writeWithEvents } from '../events/write-with-events';
import type { MeetingEventType } from '../model/meeting-event-type';
import { Meeting } from '../model/meeting.entity';
import { scopeFilter } from '../read/meeting-scope';

export type RowLock = 'share' | 'update';

const LOCK_MODES: Record<RowLock, LockMode> = { share: LockMode.PESSIMISTIC_READ, update: LockMode.PESSIMISTIC_WRITE };

/** The meeting, to change it; NOT_FOUND both for a missing meeting and for one the viewer may not see: existence is not leaked. */
export async function findVisibleMeeting(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  options: { lock?: RowLock; field?: string } = {},
): Promise<Meeting> {
  const meeting = await em.findOne(
    Meeting,
    { $and: [{ id: parseId(id, options.field ?? 'id') }, scopeFilter(em, visibleMeetings(viewer))] },
    options.lock ? { lockMode: LOCK_MODES[options.lock] } : {},
  );
  if (!meeting) throw notFound('Meeting');
  return meeting;
}

/**
 * Runs a change to a meeting the viewer manages in a transaction holding the meeting's row lock, so
 * concurrent changes to one meeting apply one after the other, each seeing the previous one.
 */
export function changeManagedMeeting<T>(
  scope: WriteScope,
  viewer: Viewer,
  id: string,
  change: (meeting: Meeting, em: EntityManager) => Promise<Outcome<T>> | Outcome<T>,
  field = 'id',
): Promise<T> {
  return writeWithEvents(scope, async (em) => {
    const meeting = await findVisibleMeeting(em, viewer, id, { lock: 'update', field });
    if (!mayManage(viewer, meeting)) throw forbidden('Only the meeting’s instructor or an admin can do this');
    return change(meeting, em);
  });
}

/** The usual outcome of a change: the meeting itself, and one event about it. */
export function meetingEvent(meeting: Meeting, type: MeetingEventType): Outcome<Meeting> {
  return { result: meeting, events: [{ type, meetingId: meeting.id }] };
}
