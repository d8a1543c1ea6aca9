import type { EntityManager } from '@mikro-orm/postgresql';
import type { Meeting } from '../model/meeting.entity';
import { MeetingParticipant } from '../model/participant.entity';

export type MailKind = 'invitation' | 'update' | 'cancellation' | 'uninvitation' | 'reminder';

/** What a meeting looked like before a change, for "moved from … to …". */
export interface MeetingSnapshot {
  title: string;
  scheduledAt: string;
  durationMinutes: number;
}

/**
 * One message to one person, as a job: rendered when sent, in the recipient's language and time
 * zone, from the meeting as it is then.
 */
export interface MailJob {
  kind: MailKind;
  meetingId: string;
  userId: string;
  /** For an update: the meeting before it. */
  previous?: MeetingSnapshot;
  /** For a reminder: the start it announces; a meeting moved since has its own reminder. */
  scheduledAt?: string;
}

/** Where a change's mail goes: queued in the change's transaction, so that it is sent if, and only if, the change commits. */
export interface MailQueue {
  queue(em: EntityManager, jobs: MailJob[]): Promise<void>;
}

export function snapshotOf(meeting: Meeting): MeetingSnapshot {
  return { title: meeting.title, scheduledAt: meeting.scheduledAt.toISOString(), durationMinutes: meeting.durationMinutes };
}

export function mailTo(userIds: Iterable<string>, kind: MailKind, meeting: Pick<Meeting, 'id'>, extra: Partial<MailJob> = {}): MailJob[] {
  return [...new Set(userIds)].map((userId) => ({ kind, meetingId: meeting.id, userId, ...extra }));
}

/**
 * Everyone a change of the meeting concerns: its invited students, whatever they answered (a new
 * time may suit one who declined), and its instructor when someone else (an admin) made the change.
 */
export async function peopleConcernedBy(em: EntityManager, meeting: Meeting, actor: { id: string }): Promise<string[]> {
  const participants = await em.find(MeetingParticipant, { meeting: meeting.id }, { fields: ['user'] });
  const people = participants.map((participant) => participant.user.id);
  if (meeting.instructor.id !== actor.id) people.push(meeting.instructor.id);
  return people;
}
