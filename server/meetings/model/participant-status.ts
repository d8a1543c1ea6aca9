export enum ParticipantStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
}

/** The student's own answer, kept apart from attendance so both can be shown side by side. */
export enum Rsvp {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

export enum InvitationResponse {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
}
