import { Field, ObjectType } from 'type-graphql';
import type { Preferences } from '../preferences/preferences';
import { Language } from './enums';

@ObjectType('Preferences', { description: 'How Amphi writes to the signed-in user.', simpleResolvers: true })
export class PreferencesType implements Preferences {
  @Field(() => Language, { description: 'The language of their mail and reminders.' })
  language: Language;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the times in their mail; null: the campus default.' })
  timeZone: string | null;

  @Field(() => String, { description: 'The campus default time zone (DEFAULT_TIME_ZONE).' })
  defaultTimeZone: string;
}

@ObjectType({ description: 'A personal calendar feed to subscribe to from any calendar program.', simpleResolvers: true })
export class CalendarFeed {
  @Field(() => String, { description: 'Secret: whoever has it sees the meetings in it. renewCalendarFeed replaces it.' })
  url: string;
}
