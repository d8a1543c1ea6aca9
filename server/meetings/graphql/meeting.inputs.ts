import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { CharacterLength } from '../../platform/validation/character-length';
import { MeetingStatus, MeetingWhen } from './enums';

export const MAX_STUDENTS_PER_CALL = 500;

const NOT_BLANK = /\S/;

@InputType()
export class CreateMeetingInput {
  @Field(() => String)
  @CharacterLength(1, 200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => DateTimeISOResolver, { description: 'Must be in the future.' })
  scheduledAt: Date;

  @Field(() => Int)
  @IsInt()
  @Min(5)
  @Max(480)
  durationMinutes: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Share of the live time (1–100 %) a student must attend to count as PRESENT; null: joining is enough.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  attendanceThresholdPercent?: number | null;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(MAX_STUDENTS_PER_CALL)
  @IsUUID('all', { each: true, message: 'studentIds must contain only valid ids' })
  studentIds: string[];
}

@InputType()
export class UpdateMeetingInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @CharacterLength(1, 200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Must be in the future.' })
  @IsOptional()
  scheduledAt?: Date;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(480)
  durationMinutes?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Share of the live time (1–100 %) a student must attend to count as PRESENT; null: joining is enough. null clears it.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  attendanceThresholdPercent?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version the edit was based on: the update is refused with CONFLICT if the meeting changed since.',
  })
  @IsOptional()
  @IsInt()
  version?: number;
}

@ArgsType()
export class MeetingsArgs {
  @Field(() => MeetingWhen, { defaultValue: MeetingWhen.UPCOMING })
  when: MeetingWhen;

  @Field(() => MeetingStatus, { nullable: true })
  @IsOptional()
  status?: MeetingStatus;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  first: number;

  @Field(() => String, { nullable: true, description: 'An endCursor from a previous page.' })
  @IsOptional()
  @MaxLength(1000)
  after?: string;
}

@ArgsType()
export class InvitationsArgs {
  @Field(() => MeetingWhen, { defaultValue: MeetingWhen.UPCOMING })
  when: MeetingWhen;
}
