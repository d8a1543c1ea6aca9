import { registerEnumType } from 'type-graphql';

export enum MeetingStatus {
  SCHEDULED = 'SCHEDULED',
  LIVE = 'LIVE',
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED.',
});
