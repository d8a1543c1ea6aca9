import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { MEETING_COLUMNS, type MeetingRecord, type MeetingRow, meetingRowOf } from '../read/meeting-row';
import { createMeetingLoaders, PARTICIPANT_COUNTS, type ParticipantCounts, type ViewerIndependentLoaders } from '../read/meeting.loaders';
import { MeetingParticipant } from '../model/participant.entity';
import type { MeetingEventRecord } from './meeting-event.entity';

/**
 * An event with the meeting as it is when the event is dispatched, loaded once per instance and
 * shared by every subscriber it goes to. `em` holds these entities; treat them as read-only.
 *
 * Only what every delivery needs is loaded up front: who is invited is a set of user ids, not a
 * thousand hydrated participants. The participants themselves load through `loaders`, once per
 * delivery, and only when some subscriber's selection asks for them.
 */
export interface EventDelivery {
  record: MeetingEventRecord;
  meeting: MeetingRow;
  /** The users invited to the meeting now: with its managers, who may receive its events. */
  invitedUserIds: ReadonlySet<string>;
  /** The participant a participant event is about, with their user, while the invitation exists. */
  participant: MeetingParticipant | null;
  /** Shared by every subscriber of this delivery; the counts are loaded already. */
  loaders: ViewerIndependentLoaders;
  em: EntityManager;
}

type DeliveryRecord = MeetingRecord & ParticipantCounts & { invited_user_ids: string | null };

/**
 * The meeting, its instructor, its counts and who is invited, in one statement. The ids come as one
 * comma-separated text rather than a row or an array element each: parsing a thousand rows cost more
 * than the rest of the delivery.
 */
const DELIVERY_SQL = `select ${MEETING_COLUMNS}, c.*
  from meetings m
  join users i on i.id = m.instructor_id
  cross join lateral (
    select ${PARTICIPANT_COUNTS}, string_agg(p.user_id::text, ',') as invited_user_ids
      from meeting_participants p
     where p.meeting_id = m.id
  ) c
 where m.id = ?`;

/** Null when the meeting no longer exists (its events are then not delivered). */
export async function loadDelivery(orm: MikroORM, record: MeetingEventRecord): Promise<EventDelivery | null> {
  const em = orm.em.fork();
  const loaders = createMeetingLoaders(em, null);
  const [[row], participant] = await Promise.all([
    em.getConnection().execute<DeliveryRecord[]>(DELIVERY_SQL, [record.meetingId]),
    record.participantId ? em.findOne(MeetingParticipant, { id: record.participantId }, { populate: ['user'] }) : null,
  ]);
  if (!row) return null;
  const { invited, accepted, present, inRoom } = row;
  loaders.counts.prime(record.meetingId, { invited, accepted, present, inRoom });
  const invitedUserIds = new Set(row.invited_user_ids?.split(',') ?? []);
  return { record, meeting: meetingRowOf(row), invitedUserIds, participant, loaders, em };
}
