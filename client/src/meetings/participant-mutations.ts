import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';

const InviteStudentsMutation = graphql(`
  mutation InviteStudents($meetingId: ID!, $studentIds: [ID!]!) {
    inviteStudents(meetingId: $meetingId, studentIds: $studentIds) {
      ...MeetingSummaryFields
      attendance {
        ...AttendanceRowFields
      }
    }
  }
`);

const RemoveParticipantMutation = graphql(`
  mutation RemoveParticipant($meetingId: ID!, $userId: ID!) {
    removeParticipant(meetingId: $meetingId, userId: $userId) {
      ...MeetingSummaryFields
      attendance {
        ...AttendanceRowFields
      }
    }
  }
`);

/** The meeting comes back with its whole class list and counts, which replace the cached ones. */
export function useInviteStudents() {
  const [mutate] = useMutation(InviteStudentsMutation);
  return (meetingId: string, studentIds: string[]) => mutate({ variables: { meetingId, studentIds } });
}

export function useRemoveParticipant() {
  const [mutate] = useMutation(RemoveParticipantMutation);
  return (meetingId: string, userId: string) => mutate({ variables: { meetingId, userId } });
}
