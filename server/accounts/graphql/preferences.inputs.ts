import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Language } from './enums';

@InputType()
export class PreferencesInput {
  @Field(() => Language, { nullable: true })
  @IsOptional()
  language?: Language;

  @Field(() => String, { nullable: true, description: 'An IANA time zone such as Europe/Paris; null returns to the campus default.' })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string | null;
}
