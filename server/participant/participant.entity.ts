import { randomUUID } from 'node:crypto';
import type { Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { conflict } from '../errors';
import { Meeting } from '../meeting/meeting.entity';
import { User } from '../user/user.entity';
import { InvitationResponse, ParticipantStatus, Rsvp } from './participant-status';

@ObjectType({ description: 'A student invited to a meeting: their answer and their attendance.' })
@Entity({ tableName: 'meeting_participants' })
@Unique({ name: 'meeting_participants_meeting_user_unique', properties: ['meeting', 'user'] })
export class MeetingParticipant {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  // The unique (meeting, user) index serves lookups by meeting.
  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting: Ref<Meeting>;

  @ManyToOne(() => User, { ref: true, index: true })
  user: Ref<User>;

  @Field(() => ParticipantStatus)
  @Enum({ items: () => ParticipantStatus })
  status: ParticipantStatus = ParticipantStatus.INVITED;

  @Field(() => Rsvp)
  @Enum({ items: () => Rsvp })
  rsvp: Rsvp = Rsvp.PENDING;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  invitedAt: Date = new Date();

  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  respondedAt: Date | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the student first entered the room.' })
  @Property({ type: 'datetime', nullable: true })
  joinedAt: Date | null = null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the student last left the room.' })
  @Property({ type: 'datetime', nullable: true })
  leftAt: Date | null = null;

  /** Start of the interval the student is in the room for now; null while out of it. */
  @Property({ type: 'datetime', nullable: true })
  presentSince: Date | null = null;

  @Field(() => Int, { description: 'Seconds spent in the room over every closed visit.' })
  @Property({ type: 'integer' })
  attendedSeconds: number = 0;

  constructor(meeting: Ref<Meeting>, user: Ref<User>, now: Date) {
    this.meeting = meeting;
    this.user = user;
    this.invitedAt = now;
  }

  get hasDeclined(): boolean {
    return this.rsvp === Rsvp.DECLINED;
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
    this.leftAt = null;
  }

  /** Closes the open visit, if any (leaving twice counts once); says whether there was one. */
  leaveRoom(now: Date): boolean {
    if (!this.presentSince) return false;
    this.attendedSeconds += Math.max(0, Math.round((now.getTime() - this.presentSince.getTime()) / 1000));
    this.presentSince = null;
    this.leftAt = now;
    return true;
  }

  /** At the end of the meeting: close an open visit; whoever never came is ABSENT (their RSVP stays). */
  closeAttendance(now: Date): void {
    if (this.presentSince) this.leaveRoom(now);
    if (this.status !== ParticipantStatus.PRESENT) this.status = ParticipantStatus.ABSENT;
  }
}
