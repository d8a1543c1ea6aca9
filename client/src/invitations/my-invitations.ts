import { graphql } from '../gql';

/** The student's invitations in a window, with their meetings: the invitations page and the live banner. */
export const MyInvitationsQuery = graphql(`
  query MyInvitations($when: MeetingWhen!) {
    myInvitations(when: $when) {
      ...OwnInvitationFields
      meeting {
        ...MeetingSummaryFields
        myParticipation {
          ...OwnInvitationFields
        }
      }
    }
  }
`);
