import { graphql } from '../gql';

/** What a calendar entry shows; the student's own invitation says whether they declined. */
export const CalendarMeetingFields = graphql(`
  fragment CalendarMeetingFields on Meeting {
    id
    title
    scheduledAt
    endsAt
    status
    instructor {
      id
      displayName
    }
    myParticipation {
      ...OwnInvitationFields
    }
  }
`);

export const CalendarQuery = graphql(`
  query Calendar($from: DateTimeISO!, $to: DateTimeISO!) {
    calendar(from: $from, to: $to) {
      ...CalendarMeetingFields
    }
  }
`);
