import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Meeting } from '../meeting/meeting.entity';
import { createMeetingLoaders, type ViewerIndependentLoaders } from '../meeting/meeting.loaders';
import { MeetingParticipant } from '../participant/participant.entity';
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
  meeting: Meeting;
  /** Read once from the entity's reference, whose getter thousands of subscribers would call otherwise. */
  instructorId: string;
  /** The users invited to the meeting now: with its managers, who may receive its events. */
  invitedUserIds: ReadonlySet<string>;
  /** The participant a participant event is about, with their user, while the invitation exists. */
  participant: MeetingParticipant | null;
  /** Shared by every subscriber of this delivery; the counts are loaded already. */
  loaders: ViewerIndependentLoaders;
  em: EntityManager;
}

/** Null when the meeting no longer exists (its events are then not delivered). */
export async function loadDelivery(orm: MikroORM, record: MeetingEventRecord): Promise<EventDelivery | null> {
  const em = orm.em.fork();
  const loaders = createMeetingLoaders(em, null);
  const [meeting, invited, , participant] = await Promise.all([
    em.findOne(Meeting, { id: record.meetingId }, { populate: ['instructor'] }),
    em.getConnection().execute<Array<{ user_id: string }>>('select user_id from meeting_participants where meeting_id = ?', [record.meetingId]),
    loaders.counts.load(record.meetingId),
    record.participantId ? em.findOne(MeetingParticipant, { id: record.participantId }, { populate: ['user'] }) : null,
  ]);
  if (!meeting) return null;
  const invitedUserIds = new Set(invited.map((row) => row.user_id));
  return { record, meeting, instructorId: meeting.instructor.id, invitedUserIds, participant, loaders, em };
}
