import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';

const StartMeetingMutation = graphql(`
  mutation StartMeeting($id: ID!) {
    startMeeting(id: $id) {
      ...MeetingSummaryFields
      startedAt
    }
  }
`);

const EndMeetingMutation = graphql(`
  mutation EndMeeting($id: ID!) {
    endMeeting(id: $id) {
      ...MeetingSummaryFields
      endedAt
      attendance {
        ...AttendanceRowFields
      }
    }
  }
`);

const CancelMeetingMutation = graphql(`
  mutation CancelMeeting($id: ID!, $reason: String) {
    cancelMeeting(id: $id, reason: $reason) {
      ...MeetingSummaryFields
      cancelledAt
      cancelReason
    }
  }
`);

/** The returned meeting updates every view of it in the cache; nothing moves between lists. */
export function useStartMeeting() {
  const [mutate] = useMutation(StartMeetingMutation);
  return (id: string) => mutate({ variables: { id } });
}

/** An ended meeting leaves the upcoming list for the past one. */
export function useEndMeeting() {
  const [mutate] = useMutation(EndMeetingMutation, { refetchQueries: ['Meetings'] });
  return (id: string) => mutate({ variables: { id } });
}

/** A cancelled meeting stays in its list, with its status. */
export function useCancelMeeting() {
  const [mutate] = useMutation(CancelMeetingMutation);
  return (id: string, reason: string | null) => mutate({ variables: { id, reason } });
}
