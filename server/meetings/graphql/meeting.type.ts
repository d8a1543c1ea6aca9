import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { MeetingRow } from '../read/meeting-row';
import { MeetingStatus } from './enums';

/** The columns GraphQL shows as they are; the resolver (meeting.resolver.ts) adds the rest. */
type ShownAsStored = Omit<MeetingRow, 'instructor' | 'roomName' | 'reminderDueAt'>;

@ObjectType('Meeting', { description: 'A scheduled online class meeting held in a Jitsi room.', simpleResolvers: true })
export class MeetingType implements ShownAsStored {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => DateTimeISOResolver)
  scheduledAt: Date;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => DateTimeISOResolver, { description: 'scheduledAt + durationMinutes.' })
  endsAt: Date;

  @Field(() => MeetingStatus)
  status: MeetingStatus;

  @Field(() => DateTimeISOResolver, { nullable: true })
  startedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  endedAt: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Share of the live time (1–100 %) a student must attend to count as PRESENT; null: joining is enough.',
  })
  attendanceThresholdPercent: number | null;

  @Field(() => DateTimeISOResolver)
  createdAt: Date;

  @Field(() => DateTimeISOResolver)
  updatedAt: Date;

  @Field(() => Int, { description: 'Increases on every change; pass it to updateMeeting to refuse lost updates.' })
  version: number;
}
