import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ParticipantRow } from '../read/participant-row';
import { ParticipantStatus, Rsvp } from './enums';

/** The columns GraphQL shows as they are; the resolver (participant.resolver.ts) adds the meeting and the user. */
type ShownAsStored = Omit<ParticipantRow, 'meetingId' | 'user' | 'presentSince' | 'lastSeenAt'>;

@ObjectType('MeetingParticipant', { description: 'A student invited to a meeting: their answer and their attendance.', simpleResolvers: true })
export class ParticipantType implements ShownAsStored {
  @Field(() => ID)
  id: string;

  @Field(() => ParticipantStatus)
  status: ParticipantStatus;

  @Field(() => Rsvp)
  rsvp: Rsvp;

  @Field(() => DateTimeISOResolver)
  invitedAt: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  respondedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the student first entered the room.' })
  joinedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the student last left the room.' })
  leftAt: Date | null;

  @Field(() => Int, { description: 'Seconds spent in the room over every closed visit.' })
  attendedSeconds: number;
}
