import { registerEnumType } from 'type-graphql';
import { MeetingEventType } from '../model/meeting-event-type';
import { MeetingStatus } from '../model/meeting-status';
import { InvitationResponse, ParticipantStatus, Rsvp } from '../model/participant-status';
import { MeetingWhen } from '../read/meeting-window';

// The model's enums, as the schema names them: import them from here in GraphQL types, so that they are registered first.
registerEnumType(MeetingStatus, { name: 'MeetingStatus', description: 'SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED.' });
registerEnumType(ParticipantStatus, {
  name: 'ParticipantStatus',
  description: 'INVITED, then ACCEPTED or DECLINED; PRESENT once joined; ABSENT when the meeting ended without them.',
});
registerEnumType(Rsvp, { name: 'Rsvp', description: 'What the student answered to the invitation.' });
registerEnumType(InvitationResponse, { name: 'InvitationResponse' });
registerEnumType(MeetingEventType, { name: 'MeetingEventType' });
registerEnumType(MeetingWhen, {
  name: 'MeetingWhen',
  description: 'UPCOMING: live, or not over yet. PAST: ended, or over without going live.',
});

export { InvitationResponse, MeetingEventType, MeetingStatus, MeetingWhen, ParticipantStatus, Rsvp };
