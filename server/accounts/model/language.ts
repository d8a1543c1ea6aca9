import { registerEnumType } from 'type-graphql';

/** The languages Amphi speaks, in mail and in the web client. */
export enum Language {
  EN = 'en',
  FR = 'fr',
}

registerEnumType(Language, { name: 'Language', description: 'A language Amphi writes in: mail, reminders, the web client.' });
