import type { MetadataStorage } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { findUserView } from '../../accounts/read/user-views';
import type { UserView } from '../../accounts/model/user-view';
import type { Delivery } from '../../live/event-log';
import { createMeetingLoaders, PARTICIPANT_COUNTS, type ParticipantCounts, type ViewerIndependentLoaders } from '../read/loaders';
import { meetingColumns, type MeetingRow } from '../read/meeting-row';
import { findParticipantRow, type ParticipantRow } from '../read/participant-row';
import type { MeetingEventRecord } from './meeting-event.entity';
import { cachedIn } from '../../platform/cache';

/**
 * An event with the meeting as it is when the event is dispatched, loaded once per instance and
 * shared by every subscriber it goes to.
 *
 * Only what every delivery needs is loaded up front: who is invited is a set of user ids, not a
 * thousand participants. The participants themselves load through `loaders`, once per delivery, and
 * only when some subscriber's selection asks for them.
 */
export interface EventDelivery extends Delivery<MeetingEventRecord> {
  meeting: MeetingRow;
  /** The users invited to the meeting now: with its managers, who may receive its events. */
  invitedUserIds: ReadonlySet<string>;
  /** The participant a participant event is about, with their user, while the invitation exists. */
  participant: ParticipantRow | null;
  /** The student a participant event is about, invited still or not. */
  user: UserView | null;
  /** Shared by every subscriber of this delivery; the counts are loaded already. */
  loaders: ViewerIndependentLoaders;
  /** What the loaders read through. */
  em: EntityManager;
}

type DeliveryRecord = ParticipantCounts & { invited_user_ids: string | null } & Record<string, unknown>;

const deliveryStatements = new WeakMap<MetadataStorage, string>();

/**
 * The meeting, its instructor, its counts and who is invited, in one statement. The ids come as one
 * comma-separated text rather than a row or an array element each: parsing a thousand rows cost more
 * than the rest of the delivery.
 */
function deliveryStatement(em: EntityManager): string {
  return cachedIn(
    deliveryStatements,
    em.getMetadata(),
    () => `select ${meetingColumns(em).select}, c.*
  from meetings m
  join users i on i.id = m.instructor_id
  cross join lateral (
    select ${PARTICIPANT_COUNTS}, string_agg(p.user_id::text, ',') as invited_user_ids
      from meeting_participants p
     where p.meeting_id = m.id
  ) c
 where m.id = ?`,
  );
}

/** Null when the meeting no longer exists (its events are then not delivered). */
export async function loadDelivery(orm: MikroORM, record: MeetingEventRecord): Promise<EventDelivery | null> {
  const em = orm.em.fork();
  const loaders = createMeetingLoaders(em, null);
  const [[row], participant] = await Promise.all([
    em.getConnection().execute<DeliveryRecord[]>(deliveryStatement(em), [record.meetingId]),
    record.participantId ? findParticipantRow(em, record.participantId) : null,
  ]);
  if (!row) return null;
  const { invited, accepted, present, inRoom } = row;
  loaders.counts.prime(record.meetingId, { invited, accepted, present, inRoom });
  const meeting = meetingColumns(em).read(row);
  loaders.meetings.prime(meeting.id, meeting);
  const invitedUserIds = new Set(row.invited_user_ids?.split(',') ?? []);
  const user = participant?.user ?? (record.userId ? await findUserView(em, record.userId) : null);
  return { record, meeting, invitedUserIds, participant, user, loaders, em };
}
