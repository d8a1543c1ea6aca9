import { randomUUID } from 'node:crypto';
import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { conflict } from '../../platform/errors';
import { User } from '../../accounts/model/user.entity';
import { type MeetingSchedule, whyCannotStart } from './meeting-schedule';
import { MeetingStatus } from './meeting-status';
import { newRoomName } from './room-name';

/** A scheduled online class meeting held in a Jitsi room; its participants refer to it (participant.entity.ts). */
@Entity({ tableName: 'meetings' })
@Index({ name: 'meetings_ends_at_index', properties: ['endsAt'] })
@Index({ name: 'meetings_reminder_due_at_index', properties: ['reminderDueAt'] })
export class Meeting implements MeetingSchedule {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'datetime', index: true })
  scheduledAt: Date;

  @Property({ type: 'integer' })
  durationMinutes: number;

  /** Kept with `scheduledAt` and `durationMinutes` so that upcoming/past filters use an index. */
  @Property({ type: 'datetime' })
  endsAt: Date;

  @Enum({ items: () => MeetingStatus })
  status: MeetingStatus = MeetingStatus.SCHEDULED;

  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  endedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'integer', nullable: true })
  attendanceThresholdPercent: number | null = null;

  @ManyToOne(() => User, { ref: true, index: true })
  instructor: Ref<User>;

  @Property({ type: 'string', length: 64, unique: true })
  roomName: string = newRoomName();

  /** When the reminder mail goes out; null once sent, or when there is none to send. */
  @Property({ type: 'datetime', nullable: true })
  reminderDueAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version: number;

  constructor(fields: {
    title: string;
    description?: string | null;
    scheduledAt: Date;
    durationMinutes: number;
    instructor: Ref<User>;
  }) {
    this.title = fields.title;
    this.description = fields.description ?? null;
    this.instructor = fields.instructor;
    this.reschedule(fields.scheduledAt, fields.durationMinutes);
  }

  reschedule(scheduledAt: Date, durationMinutes: number): void {
    this.scheduledAt = scheduledAt;
    this.durationMinutes = durationMinutes;
    this.endsAt = new Date(scheduledAt.getTime() + durationMinutes * 60_000);
  }

  /**
   * The reminder goes `reminderMinutes` before the start; none when that moment has passed already
   * (the invitation or change just sent says it all) or when reminders are off (0).
   */
  planReminder(reminderMinutes: number, now: Date): void {
    const due = new Date(this.scheduledAt.getTime() - reminderMinutes * 60_000);
    this.reminderDueAt = reminderMinutes > 0 && due > now ? due : null;
  }

  start(now: Date): void {
    const reason = whyCannotStart(this, now);
    if (reason) throw conflict(reason);
    this.status = MeetingStatus.LIVE;
    this.startedAt = now;
  }

  end(now: Date): void {
    if (this.status !== MeetingStatus.LIVE) throw conflict(`Only a live meeting can end; this one is ${this.status.toLowerCase()}`);
    this.status = MeetingStatus.ENDED;
    this.endedAt = now;
    this.reminderDueAt = null;
  }

  cancel(now: Date, reason: string | null): void {
    if (this.status !== MeetingStatus.SCHEDULED) {
      throw conflict(`Only a scheduled meeting can be cancelled; this one is ${this.status.toLowerCase()}`);
    }
    this.status = MeetingStatus.CANCELLED;
    this.cancelledAt = now;
    this.reminderDueAt = null;
    this.cancelReason = reason;
  }

  /** How long a student must have attended to be PRESENT once the meeting has ended. */
  requiredAttendanceSeconds(): number {
    if (!this.attendanceThresholdPercent || !this.startedAt || !this.endedAt) return 0;
    const liveSeconds = (this.endedAt.getTime() - this.startedAt.getTime()) / 1000;
    return Math.ceil((liveSeconds * this.attendanceThresholdPercent) / 100);
  }

  /** Invitations can be changed until the meeting is over. */
  assertOpenForInvitations(): void {
    if (this.status === MeetingStatus.ENDED || this.status === MeetingStatus.CANCELLED) {
      throw conflict(`The meeting is ${this.status.toLowerCase()}; its participants can no longer change`);
    }
  }
}
