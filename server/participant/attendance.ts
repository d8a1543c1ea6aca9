import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { User } from '../user/user.entity';
import type { MeetingParticipant } from './participant.entity';
import { ParticipantStatus, Rsvp } from './participant-status';

@ObjectType({ description: 'One student’s answer next to their actual attendance.' })
export class AttendanceRecord {
  @Field(() => User)
  user: User;

  @Field(() => Rsvp)
  rsvp: Rsvp;

  @Field(() => ParticipantStatus)
  status: ParticipantStatus;

  @Field(() => Int, { description: 'Seconds in the room, the visit in progress included.' })
  attendedSeconds: number;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'First entry into the room.' })
  joinedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Last exit from the room.' })
  leftAt: Date | null;

  @Field(() => Boolean)
  inRoom: boolean;
}

/** The attendance report of a meeting's participants (users loaded), as of `now`, by name. */
export function attendanceOf(participants: MeetingParticipant[], now: Date): AttendanceRecord[] {
  return participants
    .map((participant) => ({
      user: participant.user.getEntity(),
      rsvp: participant.rsvp,
      status: participant.status,
      attendedSeconds: participant.attendedSecondsAt(now),
      joinedAt: participant.joinedAt,
      leftAt: participant.leftAt,
      inRoom: participant.presentSince !== null && !participant.isGone(now),
    }))
    .sort((a, b) => a.user.displayName.localeCompare(b.user.displayName) || a.user.id.localeCompare(b.user.id));
}
