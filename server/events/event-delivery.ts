import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Meeting } from '../meeting/meeting.entity';
import { createMeetingLoaders, type ParticipantCounts } from '../meeting/meeting.loaders';
import type { MeetingParticipant } from '../participant/participant.entity';
import type { MeetingEventRecord } from './meeting-event.entity';

/**
 * An event with the meeting as it is when the event is dispatched, loaded once per instance and
 * shared by every subscriber it goes to. `em` holds these entities; treat them as read-only.
 */
export interface EventDelivery {
  record: MeetingEventRecord;
  meeting: Meeting;
  participants: MeetingParticipant[];
  counts: ParticipantCounts;
  em: EntityManager;
}

/** Null when the meeting no longer exists (its events are then not delivered). */
export async function loadDelivery(orm: MikroORM, record: MeetingEventRecord): Promise<EventDelivery | null> {
  const em = orm.em.fork();
  const loaders = createMeetingLoaders(em, null);
  const [meeting, participants, counts] = await Promise.all([
    em.findOne(Meeting, { id: record.meetingId }, { populate: ['instructor'] }),
    loaders.participants.load(record.meetingId),
    loaders.counts.load(record.meetingId),
  ]);
  return meeting ? { record, meeting, participants, counts, em } : null;
}
