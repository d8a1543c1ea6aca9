import { BigIntType } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MeetingEventType } from '../model/meeting-event-type';

/**
 * The event log: one row per change, written in the change's transaction. Ids are assigned in commit
 * order (see appendEvents), so "every event after id X" is a complete, gap-free answer.
 */
@Entity({ tableName: 'meeting_events' })
@Index({ name: 'meeting_events_meeting_id_id_index', properties: ['meetingId', 'id'] })
export class MeetingEventRecord {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id: number;

  @Enum({ items: () => MeetingEventType })
  type: MeetingEventType;

  // No foreign keys: the log outlives removed participants, and is pruned by age, not by cascade.
  @Property({ type: 'uuid' })
  meetingId: string;

  @Property({ type: 'uuid', nullable: true })
  participantId: string | null = null;

  /** The student a participant event is about. */
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'datetime', index: true })
  at: Date;

  constructor(fields: { type: MeetingEventType; meetingId: string; participantId?: string | null; userId?: string | null; at: Date }) {
    this.type = fields.type;
    this.meetingId = fields.meetingId;
    this.participantId = fields.participantId ?? null;
    this.userId = fields.userId ?? null;
    this.at = fields.at;
  }
}
