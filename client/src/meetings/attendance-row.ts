import { graphql } from '../gql';

/** One invited student as the meeting's owner sees them: answer, status, and time in the room. */
export const AttendanceRowFields = graphql(`
  fragment AttendanceRowFields on AttendanceRecord {
    user {
      id
      displayName
      email
    }
    rsvp
    status
    attendedSeconds
    inRoom
    joinedAt
    leftAt
  }
`);
