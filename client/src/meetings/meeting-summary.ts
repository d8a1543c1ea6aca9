import { graphql } from '../gql';

/** What a meeting card shows; live events carry the same fields, so cards update in place. */
export const MeetingSummaryFields = graphql(`
  fragment MeetingSummaryFields on Meeting {
    id
    title
    scheduledAt
    endsAt
    durationMinutes
    status
    canStart
    canJoin
    participantCount
    acceptedCount
    presentCount
    inRoomCount
    version
    instructor {
      id
      displayName
    }
  }
`);
