import { Cursor, LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../composition/context';
import { MeetingEventType } from '../model/meeting-event-type';
import { type Outcome, writeWithEvents } from '../events/write-with-events';
import { badUserInput, conflict, forbidden, notFound, unauthenticated } from '../../platform/errors';
import { parseId, UUID } from '../../platform/ids';
import { mailTo, peopleConcernedBy, snapshotOf } from '../notices/mail-job';
import { inviteStudentsInto } from './invitations';
import { MeetingParticipant } from '../model/participant.entity';
import type { ParticipantRow } from '../read/participant-row';
import { Role } from '../../accounts/model/role';
import { User } from '../../accounts/model/user.entity';
import { Meeting } from '../model/meeting.entity';
import { MeetingStatus } from '../model/meeting-status';
import type { MeetingConnection } from '../graphql/meeting.connection';
import type { CreateMeetingInput, MeetingsArgs, UpdateMeetingInput } from '../graphql/meeting.inputs';
import { canManage } from '../access';
import { findMeetingPage, meetingCursor, type MeetingView } from '../read/meeting-row';
import { whenFilter, whenOrder } from '../read/meeting-window';

export function requireViewer(ctx: Context): User {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

/** Which meetings a user may see: their own, all for admins, the ones they are invited to. */
export function visibleTo(viewer: User): FilterQuery<Meeting> {
  switch (viewer.role) {
    case Role.ADMIN:
      return {};
    case Role.INSTRUCTOR:
      return { instructor: viewer.id };
    case Role.STUDENT:
      return { participants: { $some: { user: viewer.id } } };
  }
}

export type RowLock = 'share' | 'update';

const LOCK_MODES: Record<RowLock, LockMode> = { share: LockMode.PESSIMISTIC_READ, update: LockMode.PESSIMISTIC_WRITE };

/** NOT_FOUND both for a missing meeting and for one the viewer may not see: existence is not leaked. */
export async function findVisibleMeeting(
  ctx: Context,
  id: string,
  options: { em?: EntityManager; lock?: RowLock; field?: string } = {},
): Promise<Meeting> {
  const viewer = requireViewer(ctx);
  const em = options.em ?? ctx.em;
  const meeting = await em.findOne(
    Meeting,
    { $and: [{ id: parseId(id, options.field ?? 'id') }, visibleTo(viewer)] },
    options.lock ? { lockMode: LOCK_MODES[options.lock] } : {},
  );
  if (!meeting) throw notFound('Meeting');
  return meeting;
}

/**
 * Runs a change to a meeting the viewer manages in a transaction holding the meeting's row lock, so
 * concurrent changes to one meeting apply one after the other, each seeing the previous one.
 */
export async function changeManagedMeeting<T>(
  ctx: Context,
  id: string,
  change: (meeting: Meeting, em: EntityManager) => Promise<Outcome<T>> | Outcome<T>,
  field = 'id',
): Promise<T> {
  const viewer = requireViewer(ctx);
  const result = await writeWithEvents(ctx, async (em) => {
    const meeting = await findVisibleMeeting(ctx, id, { em, lock: 'update', field });
    if (!canManage(viewer, meeting)) throw forbidden('Only the meeting’s instructor or an admin can do this');
    return change(meeting, em);
  });
  ctx.loaders.forgetMeeting(parseId(id, field));
  return result;
}

/** The usual outcome of a change: the meeting itself, and one event about it. */
export function meetingEvent(meeting: Meeting, type: MeetingEventType): Outcome<Meeting> {
  return { result: meeting, events: [{ type, meetingId: meeting.id }] };
}

function assertFuture(ctx: Context, scheduledAt: Date): void {
  if (scheduledAt.getTime() <= ctx.clock.now().getTime()) {
    throw badUserInput('scheduledAt', 'scheduledAt must be in the future');
  }
}

/** Times a JavaScript date can be stored as: PostgreSQL cannot parse the ISO form of years past 9999 or before 1. */
export const EARLIEST_STORABLE_TIME = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_STORABLE_TIME = Date.parse('9999-12-31T23:59:59.999Z');

function assertStorableEnd(scheduledAt: Date, durationMinutes: number): void {
  if (scheduledAt.getTime() + durationMinutes * 60_000 > LATEST_STORABLE_TIME) {
    throw badUserInput('scheduledAt', 'The meeting must end before the year 10000');
  }
}

export async function createMeeting(ctx: Context, input: CreateMeetingInput): Promise<Meeting> {
  const viewer = requireViewer(ctx);
  assertFuture(ctx, input.scheduledAt);
  assertStorableEnd(input.scheduledAt, input.durationMinutes);
  return writeWithEvents(ctx, async (em) => {
    const meeting = new Meeting({
      title: input.title.trim(),
      description: input.description?.trim() || null,
      scheduledAt: input.scheduledAt,
      durationMinutes: input.durationMinutes,
      instructor: em.getReference(User, viewer.id, { wrapped: true }),
    });
    meeting.attendanceThresholdPercent = input.attendanceThresholdPercent ?? null;
    meeting.planReminder(ctx.config.mail.reminderMinutes, ctx.clock.now());
    em.persist(meeting);
    const invited = await inviteStudentsInto(em, meeting, input.studentIds, ctx.clock.now());
    return {
      ...meetingEvent(meeting, MeetingEventType.CREATED),
      mail: mailTo(invited.map((participant) => participant.user.id), 'invitation', meeting),
    };
  });
}

export function updateMeeting(ctx: Context, id: string, input: UpdateMeetingInput): Promise<Meeting> {
  return changeManagedMeeting(ctx, id, async (meeting, em) => {
    if (input.version != null && input.version !== meeting.version) {
      throw conflict('The meeting was changed by someone else since you opened it; reload it and try again');
    }
    const reschedules = input.scheduledAt != null || input.durationMinutes != null;
    if (meeting.status === MeetingStatus.ENDED || meeting.status === MeetingStatus.CANCELLED) {
      throw conflict(`The meeting is ${meeting.status.toLowerCase()} and can no longer change`);
    }
    if (meeting.status === MeetingStatus.LIVE && input.scheduledAt != null) {
      throw conflict('A live meeting cannot be moved; change its duration instead');
    }
    if (input.scheduledAt != null && input.scheduledAt.getTime() !== meeting.scheduledAt.getTime()) {
      assertFuture(ctx, input.scheduledAt);
    }
    if (reschedules) assertStorableEnd(input.scheduledAt ?? meeting.scheduledAt, input.durationMinutes ?? meeting.durationMinutes);
    const before = snapshotOf(meeting);
    if (input.title != null) meeting.title = input.title.trim();
    if (input.description !== undefined) meeting.description = input.description?.trim() || null;
    if (input.attendanceThresholdPercent !== undefined) meeting.attendanceThresholdPercent = input.attendanceThresholdPercent;
    if (reschedules) {
      meeting.reschedule(input.scheduledAt ?? meeting.scheduledAt, input.durationMinutes ?? meeting.durationMinutes);
      if (meeting.scheduledAt.toISOString() !== before.scheduledAt) meeting.planReminder(ctx.config.mail.reminderMinutes, ctx.clock.now());
    }
    const after = snapshotOf(meeting);
    const worthTelling = after.title !== before.title || after.scheduledAt !== before.scheduledAt || after.durationMinutes !== before.durationMinutes;
    const people = worthTelling ? await peopleConcernedBy(em, meeting, requireViewer(ctx)) : [];
    return { ...meetingEvent(meeting, MeetingEventType.UPDATED), mail: mailTo(people, 'update', meeting, { previous: before }) };
  });
}

export function startMeeting(ctx: Context, id: string): Promise<Meeting> {
  return changeManagedMeeting(ctx, id, (meeting) => {
    meeting.start(ctx.clock.now());
    return meetingEvent(meeting, MeetingEventType.STARTED);
  });
}

export function endMeeting(ctx: Context, id: string): Promise<Meeting> {
  return changeManagedMeeting(ctx, id, async (meeting, em) => {
    const now = ctx.clock.now();
    meeting.end(now);
    const participants = await em.find(MeetingParticipant, { meeting: meeting.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const required = meeting.requiredAttendanceSeconds();
    for (const participant of participants) participant.closeAttendance(now, required);
    return meetingEvent(meeting, MeetingEventType.ENDED);
  });
}

export function cancelMeeting(ctx: Context, id: string, reason: string | null): Promise<Meeting> {
  const trimmed = reason?.trim() || null;
  if (trimmed && trimmed.length > 500) throw badUserInput('reason', 'reason must be at most 500 characters');
  return changeManagedMeeting(ctx, id, async (meeting, em) => {
    meeting.cancel(ctx.clock.now(), trimmed);
    const people = await peopleConcernedBy(em, meeting, requireViewer(ctx));
    return { ...meetingEvent(meeting, MeetingEventType.CANCELLED), mail: mailTo(people, 'cancellation', meeting) };
  });
}

/** Everyone invited to a meeting, with their users; FORBIDDEN for anyone but its managers. */
export function managedParticipants(ctx: Context, meeting: MeetingView): Promise<ParticipantRow[]> {
  if (!canManage(requireViewer(ctx), meeting)) throw forbidden('Only the meeting’s instructor or an admin can see its attendance');
  return ctx.loaders.participants.load(meeting.id);
}

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
  const valid =
    Array.isArray(values) &&
    values.length === 2 &&
    time >= EARLIEST_STORABLE_TIME &&
    time <= LATEST_STORABLE_TIME &&
    typeof values[1] === 'string' &&
    UUID.test(values[1]);
  if (!valid) throw badUserInput('after', 'after is not a cursor returned by this query');
  return values as [string, string];
}

export async function listMeetings(ctx: Context, args: MeetingsArgs): Promise<MeetingConnection> {
  const viewer = requireViewer(ctx);
  const after = args.after ? decodeMeetingCursor(args.after) : null;
  const direction = whenOrder(args.when);
  const where = { $and: [visibleTo(viewer), whenFilter(args.when, ctx.clock.now()), args.status ? { status: args.status } : {}] };
  const { rows, hasNextPage } = await findMeetingPage(ctx.em, where, { first: args.first, after, direction });
  const edges = rows.map((node) => ({ node, cursor: meetingCursor(node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: edges.at(0)?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
