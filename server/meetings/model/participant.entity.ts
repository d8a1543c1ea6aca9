import { randomUUID } from 'node:crypto';
import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { conflict } from '../../platform/errors';
import { Meeting } from './meeting.entity';
import { User } from '../../accounts/model/user.entity';
import { InvitationResponse, ParticipantStatus, Rsvp } from './participant-status';
import { type Presence, secondsBetween, visitEnd } from './presence';

/** A student invited to a meeting: their answer and their attendance. Part of the meeting's aggregate: it is locked and changed with its meeting. */
@Entity({ tableName: 'meeting_participants' })
@Unique({ name: 'meeting_participants_meeting_user_unique', properties: ['meeting', 'user'] })
export class MeetingParticipant implements Presence {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  // The unique (meeting, user) index serves lookups by meeting.
  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting: Ref<Meeting>;

  @ManyToOne(() => User, { ref: true, index: true })
  user: Ref<User>;

  @Enum({ items: () => ParticipantStatus })
  status: ParticipantStatus = ParticipantStatus.INVITED;

  @Enum({ items: () => Rsvp })
  rsvp: Rsvp = Rsvp.PENDING;

  @Property({ type: 'datetime' })
  invitedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  respondedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  joinedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  leftAt: Date | null = null;

  /** Start of the interval the student is in the room for now; null while out of it. */
  @Property({ type: 'datetime', nullable: true })
  presentSince: Date | null = null;

  /** Last sign of life from the student's room (join or heartbeat). */
  @Property({ type: 'datetime', nullable: true })
  lastSeenAt: Date | null = null;

  @Property({ type: 'integer' })
  attendedSeconds: number = 0;

  constructor(meeting: Ref<Meeting>, user: Ref<User>, now: Date) {
    this.meeting = meeting;
    this.user = user;
    this.invitedAt = now;
  }

  respond(response: InvitationResponse, now: Date): void {
    if (this.status === ParticipantStatus.PRESENT || this.status === ParticipantStatus.ABSENT) {
      throw conflict('You already attended this meeting; your answer can no longer change');
    }
    this.rsvp = response === InvitationResponse.ACCEPT ? Rsvp.ACCEPTED : Rsvp.DECLINED;
    this.status = response === InvitationResponse.ACCEPT ? ParticipantStatus.ACCEPTED : ParticipantStatus.DECLINED;
    this.respondedAt = now;
  }

  enterRoom(now: Date): void {
    this.status = ParticipantStatus.PRESENT;
    this.joinedAt ??= now;
    this.presentSince ??= now;
    this.lastSeenAt = now;
    this.leftAt = null;
  }

  /** A heartbeat from the room; says whether it opened a visit (the student was counted as gone). */
  seenInRoom(now: Date): boolean {
    const reopens = this.presentSince === null;
    this.enterRoom(now);
    return reopens;
  }

  /** Closes the open visit, if any (leaving twice counts once); says whether there was one. */
  leaveRoom(now: Date): boolean {
    if (!this.presentSince) return false;
    const end = visitEnd(this, now);
    this.attendedSeconds += secondsBetween(this.presentSince, end);
    this.presentSince = null;
    this.leftAt = end;
    return true;
  }

  /**
   * At the end of the meeting: the open visit closes, then PRESENT for those who joined and stayed
   * the required time, ABSENT for everyone else (their RSVP stays as it was).
   */
  closeAttendance(now: Date, requiredSeconds: number): void {
    this.leaveRoom(now);
    const attended = this.joinedAt !== null && this.attendedSeconds >= requiredSeconds;
    this.status = attended ? ParticipantStatus.PRESENT : ParticipantStatus.ABSENT;
  }
}
