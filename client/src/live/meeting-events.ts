import { graphql } from '../gql';
import type { MeetingEventType } from '../gql/graphql';

/**
 * Every change to the meetings the viewer may see. Each event carries the meeting as it is now, with
 * the same fields as the screens show, so the cache (and every list, page and room) updates in place.
 */
export const MeetingEventsSubscription = graphql(`
  subscription MeetingEvents($afterEventId: String, $withAttendance: Boolean!) {
    meetingEvents(afterEventId: $afterEventId) {
      id
      type
      meeting {
        ...MeetingSummaryFields
        ...MeetingFactsFields
        myParticipation {
          ...OwnInvitationFields
        }
        attendance @include(if: $withAttendance) {
          ...AttendanceRowFields
        }
      }
    }
  }
`);

/** Events after which a meeting may enter or leave a list (upcoming/past, someone's invitations). */
export const LIST_CHANGING_EVENTS: ReadonlySet<MeetingEventType> = new Set(['CREATED', 'INVITED', 'UNINVITED', 'ENDED', 'UPDATED']);
