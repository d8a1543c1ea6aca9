import { graphql } from '../gql';

/** The student's own invitation: their answer and attendance. */
export const OwnInvitationFields = graphql(`
  fragment OwnInvitationFields on MeetingParticipant {
    id
    status
    rsvp
    respondedAt
    joinedAt
    attendedSeconds
  }
`);

/** A student may change their answer until they attend or the meeting is over (the server's rule). */
export function canAnswer(invitation: { status: string }, meeting: { status: string }): boolean {
  const meetingOpen = meeting.status === 'SCHEDULED' || meeting.status === 'LIVE';
  return meetingOpen && invitation.status !== 'PRESENT' && invitation.status !== 'ABSENT';
}
