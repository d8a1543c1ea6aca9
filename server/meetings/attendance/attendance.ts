import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { User, type UserView } from '../../accounts/model/user.entity';
import type { ParticipantRow } from '../read/participant-row';
import { ParticipantStatus, Rsvp } from '../model/participant-status';
import { attendedSecondsAt, isGone } from '../model/presence';

@ObjectType({ description: 'One student’s answer next to their actual attendance.', simpleResolvers: true })
export class AttendanceRecord {
  @Field(() => User)
  user: UserView;

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
export function attendanceOf(participants: ParticipantRow[], now: Date): AttendanceRecord[] {
  return participants
    .map((participant) => ({
      user: participant.user,
      rsvp: participant.rsvp,
      status: participant.status,
      attendedSeconds: attendedSecondsAt(participant, now),
      joinedAt: participant.joinedAt,
      leftAt: participant.leftAt,
      inRoom: participant.presentSince !== null && !isGone(participant, now),
    }))
    .sort((a, b) => a.user.displayName.localeCompare(b.user.displayName) || a.user.id.localeCompare(b.user.id));
}
