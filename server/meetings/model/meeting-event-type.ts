export enum MeetingEventType {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  STARTED = 'STARTED',
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
  INVITED = 'INVITED',
  UNINVITED = 'UNINVITED',
  PARTICIPANT_UPDATED = 'PARTICIPANT_UPDATED',
}

/** Events about one participant: delivered to the meeting's managers and to that student only. */
export const PARTICIPANT_EVENT_TYPES: ReadonlySet<MeetingEventType> = new Set([
  MeetingEventType.INVITED,
  MeetingEventType.UNINVITED,
  MeetingEventType.PARTICIPANT_UPDATED,
]);
