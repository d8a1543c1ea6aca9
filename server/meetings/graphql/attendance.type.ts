import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { UserView } from '../../accounts/model/user-view';
import { UserType } from '../../accounts/graphql/user.type';
import type { AttendanceRecord } from '../attendance/attendance';
import { ParticipantStatus, Rsvp } from './enums';

@ObjectType('AttendanceRecord', { description: 'One student’s answer next to their actual attendance.', simpleResolvers: true })
export class AttendanceRecordType implements AttendanceRecord {
  @Field(() => UserType)
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
