import { registerEnumType } from 'type-graphql';

export enum ParticipantStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
}

registerEnumType(ParticipantStatus, {
  name: 'ParticipantStatus',
  description: 'INVITED, then ACCEPTED or DECLINED; PRESENT once joined; ABSENT when the meeting ended without them.',
});

/** The student's own answer, kept apart from attendance so both can be shown side by side. */
export enum Rsvp {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(Rsvp, { name: 'Rsvp', description: 'What the student answered to the invitation.' });

export enum InvitationResponse {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
}

registerEnumType(InvitationResponse, { name: 'InvitationResponse' });
