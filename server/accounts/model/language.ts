/** The languages Amphi speaks, in mail and in the web client. */
export enum Language {
  EN = 'en',
  FR = 'fr',
}
