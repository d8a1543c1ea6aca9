/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    role\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  query CalendarFeed {\n    myCalendarFeed {\n      url\n    }\n  }\n": typeof types.CalendarFeedDocument,
    "\n  mutation RenewCalendarFeed {\n    renewCalendarFeed {\n      url\n    }\n  }\n": typeof types.RenewCalendarFeedDocument,
    "\n  fragment CalendarMeetingFields on Meeting {\n    id\n    title\n    scheduledAt\n    endsAt\n    status\n    instructor {\n      id\n      displayName\n    }\n    myParticipation {\n      ...OwnInvitationFields\n    }\n  }\n": typeof types.CalendarMeetingFieldsFragmentDoc,
    "\n  query Calendar($from: DateTimeISO!, $to: DateTimeISO!) {\n    calendar(from: $from, to: $to) {\n      ...CalendarMeetingFields\n    }\n  }\n": typeof types.CalendarDocument,
    "\n  mutation RespondToInvitation($meetingId: ID!, $response: InvitationResponse!) {\n    respondToInvitation(meetingId: $meetingId, response: $response) {\n      ...OwnInvitationFields\n      meeting {\n        id\n        acceptedCount\n        canJoin\n      }\n    }\n  }\n": typeof types.RespondToInvitationDocument,
    "\n  query StudentMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingSummaryFields\n      ...MeetingFactsFields\n      myParticipation {\n        ...OwnInvitationFields\n      }\n    }\n  }\n": typeof types.StudentMeetingDocument,
    "\n  query MyInvitations($when: MeetingWhen!) {\n    myInvitations(when: $when) {\n      ...OwnInvitationFields\n      meeting {\n        ...MeetingSummaryFields\n        myParticipation {\n          ...OwnInvitationFields\n        }\n      }\n    }\n  }\n": typeof types.MyInvitationsDocument,
    "\n  fragment OwnInvitationFields on MeetingParticipant {\n    id\n    status\n    rsvp\n    respondedAt\n    joinedAt\n    attendedSeconds\n  }\n": typeof types.OwnInvitationFieldsFragmentDoc,
    "\n  subscription MeetingEvents($afterEventId: String, $withAttendance: Boolean!) {\n    meetingEvents(afterEventId: $afterEventId) {\n      id\n      type\n      meeting {\n        ...MeetingSummaryFields\n        ...MeetingFactsFields\n        myParticipation {\n          ...OwnInvitationFields\n        }\n        attendance @include(if: $withAttendance) {\n          ...AttendanceRowFields\n        }\n      }\n    }\n  }\n": typeof types.MeetingEventsDocument,
    "\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) {\n      ...MeetingSummaryFields\n    }\n  }\n": typeof types.CreateMeetingDocument,
    "\n  query EditMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      title\n      description\n      scheduledAt\n      durationMinutes\n      attendanceThresholdPercent\n      status\n      version\n    }\n  }\n": typeof types.EditMeetingDocument,
    "\n  mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) {\n    updateMeeting(id: $id, input: $input) {\n      ...MeetingSummaryFields\n      description\n      attendanceThresholdPercent\n      version\n    }\n  }\n": typeof types.UpdateMeetingDocument,
    "\n  query ManagedMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingSummaryFields\n      ...MeetingFactsFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n": typeof types.ManagedMeetingDocument,
    "\n  fragment MeetingFactsFields on Meeting {\n    id\n    title\n    description\n    scheduledAt\n    endsAt\n    durationMinutes\n    attendanceThresholdPercent\n    status\n    startedAt\n    endedAt\n    cancelledAt\n    cancelReason\n    instructor {\n      id\n      displayName\n    }\n  }\n": typeof types.MeetingFactsFieldsFragmentDoc,
    "\n  query Meetings($when: MeetingWhen!, $after: String) {\n    meetings(when: $when, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...MeetingSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MeetingsDocument,
    "\n  query StudentSearch($search: String) {\n    users(role: STUDENT, search: $search, first: 20) {\n      id\n      displayName\n      email\n    }\n  }\n": typeof types.StudentSearchDocument,
    "\n  fragment AttendanceRowFields on AttendanceRecord {\n    user {\n      id\n      displayName\n      email\n    }\n    rsvp\n    status\n    attendedSeconds\n    inRoom\n    joinedAt\n    leftAt\n  }\n": typeof types.AttendanceRowFieldsFragmentDoc,
    "\n  mutation StartMeeting($id: ID!) {\n    startMeeting(id: $id) {\n      ...MeetingSummaryFields\n      startedAt\n    }\n  }\n": typeof types.StartMeetingDocument,
    "\n  mutation EndMeeting($id: ID!) {\n    endMeeting(id: $id) {\n      ...MeetingSummaryFields\n      endedAt\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n": typeof types.EndMeetingDocument,
    "\n  mutation CancelMeeting($id: ID!, $reason: String) {\n    cancelMeeting(id: $id, reason: $reason) {\n      ...MeetingSummaryFields\n      cancelledAt\n      cancelReason\n    }\n  }\n": typeof types.CancelMeetingDocument,
    "\n  fragment MeetingSummaryFields on Meeting {\n    id\n    title\n    scheduledAt\n    endsAt\n    durationMinutes\n    status\n    canStart\n    canJoin\n    participantCount\n    acceptedCount\n    presentCount\n    inRoomCount\n    version\n    instructor {\n      id\n      displayName\n    }\n  }\n": typeof types.MeetingSummaryFieldsFragmentDoc,
    "\n  mutation InviteStudents($meetingId: ID!, $studentIds: [ID!]!) {\n    inviteStudents(meetingId: $meetingId, studentIds: $studentIds) {\n      ...MeetingSummaryFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n": typeof types.InviteStudentsDocument,
    "\n  mutation RemoveParticipant($meetingId: ID!, $userId: ID!) {\n    removeParticipant(meetingId: $meetingId, userId: $userId) {\n      ...MeetingSummaryFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n": typeof types.RemoveParticipantDocument,
    "\n  fragment PreferencesFields on Preferences {\n    language\n    timeZone\n  }\n": typeof types.PreferencesFieldsFragmentDoc,
    "\n  query MyPreferences {\n    myPreferences {\n      ...PreferencesFields\n    }\n  }\n": typeof types.MyPreferencesDocument,
    "\n  mutation UpdatePreferences($input: PreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n": typeof types.UpdatePreferencesDocument,
    "\n  query RoomMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      title\n      status\n      canJoin\n      inRoomCount\n    }\n  }\n": typeof types.RoomMeetingDocument,
    "\n  mutation JoinMeeting($id: ID!) {\n    joinMeeting(id: $id) {\n      domain\n      roomName\n      jwt\n      displayName\n      moderator\n    }\n  }\n": typeof types.JoinMeetingDocument,
    "\n  mutation LeaveMeeting($id: ID!) {\n    leaveMeeting(id: $id) {\n      ...OwnInvitationFields\n      meeting {\n        id\n        inRoomCount\n        presentCount\n      }\n    }\n  }\n": typeof types.LeaveMeetingDocument,
    "\n  mutation ReportPresence($meetingId: ID!) {\n    reportPresence(meetingId: $meetingId) {\n      ...OwnInvitationFields\n    }\n  }\n": typeof types.ReportPresenceDocument,
};
const documents: Documents = {
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    role\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  query CalendarFeed {\n    myCalendarFeed {\n      url\n    }\n  }\n": types.CalendarFeedDocument,
    "\n  mutation RenewCalendarFeed {\n    renewCalendarFeed {\n      url\n    }\n  }\n": types.RenewCalendarFeedDocument,
    "\n  fragment CalendarMeetingFields on Meeting {\n    id\n    title\n    scheduledAt\n    endsAt\n    status\n    instructor {\n      id\n      displayName\n    }\n    myParticipation {\n      ...OwnInvitationFields\n    }\n  }\n": types.CalendarMeetingFieldsFragmentDoc,
    "\n  query Calendar($from: DateTimeISO!, $to: DateTimeISO!) {\n    calendar(from: $from, to: $to) {\n      ...CalendarMeetingFields\n    }\n  }\n": types.CalendarDocument,
    "\n  mutation RespondToInvitation($meetingId: ID!, $response: InvitationResponse!) {\n    respondToInvitation(meetingId: $meetingId, response: $response) {\n      ...OwnInvitationFields\n      meeting {\n        id\n        acceptedCount\n        canJoin\n      }\n    }\n  }\n": types.RespondToInvitationDocument,
    "\n  query StudentMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingSummaryFields\n      ...MeetingFactsFields\n      myParticipation {\n        ...OwnInvitationFields\n      }\n    }\n  }\n": types.StudentMeetingDocument,
    "\n  query MyInvitations($when: MeetingWhen!) {\n    myInvitations(when: $when) {\n      ...OwnInvitationFields\n      meeting {\n        ...MeetingSummaryFields\n        myParticipation {\n          ...OwnInvitationFields\n        }\n      }\n    }\n  }\n": types.MyInvitationsDocument,
    "\n  fragment OwnInvitationFields on MeetingParticipant {\n    id\n    status\n    rsvp\n    respondedAt\n    joinedAt\n    attendedSeconds\n  }\n": types.OwnInvitationFieldsFragmentDoc,
    "\n  subscription MeetingEvents($afterEventId: String, $withAttendance: Boolean!) {\n    meetingEvents(afterEventId: $afterEventId) {\n      id\n      type\n      meeting {\n        ...MeetingSummaryFields\n        ...MeetingFactsFields\n        myParticipation {\n          ...OwnInvitationFields\n        }\n        attendance @include(if: $withAttendance) {\n          ...AttendanceRowFields\n        }\n      }\n    }\n  }\n": types.MeetingEventsDocument,
    "\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) {\n      ...MeetingSummaryFields\n    }\n  }\n": types.CreateMeetingDocument,
    "\n  query EditMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      title\n      description\n      scheduledAt\n      durationMinutes\n      attendanceThresholdPercent\n      status\n      version\n    }\n  }\n": types.EditMeetingDocument,
    "\n  mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) {\n    updateMeeting(id: $id, input: $input) {\n      ...MeetingSummaryFields\n      description\n      attendanceThresholdPercent\n      version\n    }\n  }\n": types.UpdateMeetingDocument,
    "\n  query ManagedMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingSummaryFields\n      ...MeetingFactsFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n": types.ManagedMeetingDocument,
    "\n  fragment MeetingFactsFields on Meeting {\n    id\n    title\n    description\n    scheduledAt\n    endsAt\n    durationMinutes\n    attendanceThresholdPercent\n    status\n    startedAt\n    endedAt\n    cancelledAt\n    cancelReason\n    instructor {\n      id\n      displayName\n    }\n  }\n": types.MeetingFactsFieldsFragmentDoc,
    "\n  query Meetings($when: MeetingWhen!, $after: String) {\n    meetings(when: $when, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...MeetingSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MeetingsDocument,
    "\n  query StudentSearch($search: String) {\n    users(role: STUDENT, search: $search, first: 20) {\n      id\n      displayName\n      email\n    }\n  }\n": types.StudentSearchDocument,
    "\n  fragment AttendanceRowFields on AttendanceRecord {\n    user {\n      id\n      displayName\n      email\n    }\n    rsvp\n    status\n    attendedSeconds\n    inRoom\n    joinedAt\n    leftAt\n  }\n": types.AttendanceRowFieldsFragmentDoc,
    "\n  mutation StartMeeting($id: ID!) {\n    startMeeting(id: $id) {\n      ...MeetingSummaryFields\n      startedAt\n    }\n  }\n": types.StartMeetingDocument,
    "\n  mutation EndMeeting($id: ID!) {\n    endMeeting(id: $id) {\n      ...MeetingSummaryFields\n      endedAt\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n": types.EndMeetingDocument,
    "\n  mutation CancelMeeting($id: ID!, $reason: String) {\n    cancelMeeting(id: $id, reason: $reason) {\n      ...MeetingSummaryFields\n      cancelledAt\n      cancelReason\n    }\n  }\n": types.CancelMeetingDocument,
    "\n  fragment MeetingSummaryFields on Meeting {\n    id\n    title\n    scheduledAt\n    endsAt\n    durationMinutes\n    status\n    canStart\n    canJoin\n    participantCount\n    acceptedCount\n    presentCount\n    inRoomCount\n    version\n    instructor {\n      id\n      displayName\n    }\n  }\n": types.MeetingSummaryFieldsFragmentDoc,
    "\n  mutation InviteStudents($meetingId: ID!, $studentIds: [ID!]!) {\n    inviteStudents(meetingId: $meetingId, studentIds: $studentIds) {\n      ...MeetingSummaryFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n": types.InviteStudentsDocument,
    "\n  mutation RemoveParticipant($meetingId: ID!, $userId: ID!) {\n    removeParticipant(meetingId: $meetingId, userId: $userId) {\n      ...MeetingSummaryFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n": types.RemoveParticipantDocument,
    "\n  fragment PreferencesFields on Preferences {\n    language\n    timeZone\n  }\n": types.PreferencesFieldsFragmentDoc,
    "\n  query MyPreferences {\n    myPreferences {\n      ...PreferencesFields\n    }\n  }\n": types.MyPreferencesDocument,
    "\n  mutation UpdatePreferences($input: PreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n": types.UpdatePreferencesDocument,
    "\n  query RoomMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      title\n      status\n      canJoin\n      inRoomCount\n    }\n  }\n": types.RoomMeetingDocument,
    "\n  mutation JoinMeeting($id: ID!) {\n    joinMeeting(id: $id) {\n      domain\n      roomName\n      jwt\n      displayName\n      moderator\n    }\n  }\n": types.JoinMeetingDocument,
    "\n  mutation LeaveMeeting($id: ID!) {\n    leaveMeeting(id: $id) {\n      ...OwnInvitationFields\n      meeting {\n        id\n        inRoomCount\n        presentCount\n      }\n    }\n  }\n": types.LeaveMeetingDocument,
    "\n  mutation ReportPresence($meetingId: ID!) {\n    reportPresence(meetingId: $meetingId) {\n      ...OwnInvitationFields\n    }\n  }\n": types.ReportPresenceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    role\n  }\n"): (typeof documents)["\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarFeed {\n    myCalendarFeed {\n      url\n    }\n  }\n"): (typeof documents)["\n  query CalendarFeed {\n    myCalendarFeed {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenewCalendarFeed {\n    renewCalendarFeed {\n      url\n    }\n  }\n"): (typeof documents)["\n  mutation RenewCalendarFeed {\n    renewCalendarFeed {\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalendarMeetingFields on Meeting {\n    id\n    title\n    scheduledAt\n    endsAt\n    status\n    instructor {\n      id\n      displayName\n    }\n    myParticipation {\n      ...OwnInvitationFields\n    }\n  }\n"): (typeof documents)["\n  fragment CalendarMeetingFields on Meeting {\n    id\n    title\n    scheduledAt\n    endsAt\n    status\n    instructor {\n      id\n      displayName\n    }\n    myParticipation {\n      ...OwnInvitationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Calendar($from: DateTimeISO!, $to: DateTimeISO!) {\n    calendar(from: $from, to: $to) {\n      ...CalendarMeetingFields\n    }\n  }\n"): (typeof documents)["\n  query Calendar($from: DateTimeISO!, $to: DateTimeISO!) {\n    calendar(from: $from, to: $to) {\n      ...CalendarMeetingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToInvitation($meetingId: ID!, $response: InvitationResponse!) {\n    respondToInvitation(meetingId: $meetingId, response: $response) {\n      ...OwnInvitationFields\n      meeting {\n        id\n        acceptedCount\n        canJoin\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToInvitation($meetingId: ID!, $response: InvitationResponse!) {\n    respondToInvitation(meetingId: $meetingId, response: $response) {\n      ...OwnInvitationFields\n      meeting {\n        id\n        acceptedCount\n        canJoin\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudentMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingSummaryFields\n      ...MeetingFactsFields\n      myParticipation {\n        ...OwnInvitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudentMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingSummaryFields\n      ...MeetingFactsFields\n      myParticipation {\n        ...OwnInvitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInvitations($when: MeetingWhen!) {\n    myInvitations(when: $when) {\n      ...OwnInvitationFields\n      meeting {\n        ...MeetingSummaryFields\n        myParticipation {\n          ...OwnInvitationFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyInvitations($when: MeetingWhen!) {\n    myInvitations(when: $when) {\n      ...OwnInvitationFields\n      meeting {\n        ...MeetingSummaryFields\n        myParticipation {\n          ...OwnInvitationFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OwnInvitationFields on MeetingParticipant {\n    id\n    status\n    rsvp\n    respondedAt\n    joinedAt\n    attendedSeconds\n  }\n"): (typeof documents)["\n  fragment OwnInvitationFields on MeetingParticipant {\n    id\n    status\n    rsvp\n    respondedAt\n    joinedAt\n    attendedSeconds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MeetingEvents($afterEventId: String, $withAttendance: Boolean!) {\n    meetingEvents(afterEventId: $afterEventId) {\n      id\n      type\n      meeting {\n        ...MeetingSummaryFields\n        ...MeetingFactsFields\n        myParticipation {\n          ...OwnInvitationFields\n        }\n        attendance @include(if: $withAttendance) {\n          ...AttendanceRowFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MeetingEvents($afterEventId: String, $withAttendance: Boolean!) {\n    meetingEvents(afterEventId: $afterEventId) {\n      id\n      type\n      meeting {\n        ...MeetingSummaryFields\n        ...MeetingFactsFields\n        myParticipation {\n          ...OwnInvitationFields\n        }\n        attendance @include(if: $withAttendance) {\n          ...AttendanceRowFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) {\n      ...MeetingSummaryFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) {\n      ...MeetingSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      title\n      description\n      scheduledAt\n      durationMinutes\n      attendanceThresholdPercent\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  query EditMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      title\n      description\n      scheduledAt\n      durationMinutes\n      attendanceThresholdPercent\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) {\n    updateMeeting(id: $id, input: $input) {\n      ...MeetingSummaryFields\n      description\n      attendanceThresholdPercent\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) {\n    updateMeeting(id: $id, input: $input) {\n      ...MeetingSummaryFields\n      description\n      attendanceThresholdPercent\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ManagedMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingSummaryFields\n      ...MeetingFactsFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ManagedMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...MeetingSummaryFields\n      ...MeetingFactsFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingFactsFields on Meeting {\n    id\n    title\n    description\n    scheduledAt\n    endsAt\n    durationMinutes\n    attendanceThresholdPercent\n    status\n    startedAt\n    endedAt\n    cancelledAt\n    cancelReason\n    instructor {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment MeetingFactsFields on Meeting {\n    id\n    title\n    description\n    scheduledAt\n    endsAt\n    durationMinutes\n    attendanceThresholdPercent\n    status\n    startedAt\n    endedAt\n    cancelledAt\n    cancelReason\n    instructor {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Meetings($when: MeetingWhen!, $after: String) {\n    meetings(when: $when, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...MeetingSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Meetings($when: MeetingWhen!, $after: String) {\n    meetings(when: $when, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...MeetingSummaryFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudentSearch($search: String) {\n    users(role: STUDENT, search: $search, first: 20) {\n      id\n      displayName\n      email\n    }\n  }\n"): (typeof documents)["\n  query StudentSearch($search: String) {\n    users(role: STUDENT, search: $search, first: 20) {\n      id\n      displayName\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttendanceRowFields on AttendanceRecord {\n    user {\n      id\n      displayName\n      email\n    }\n    rsvp\n    status\n    attendedSeconds\n    inRoom\n    joinedAt\n    leftAt\n  }\n"): (typeof documents)["\n  fragment AttendanceRowFields on AttendanceRecord {\n    user {\n      id\n      displayName\n      email\n    }\n    rsvp\n    status\n    attendedSeconds\n    inRoom\n    joinedAt\n    leftAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartMeeting($id: ID!) {\n    startMeeting(id: $id) {\n      ...MeetingSummaryFields\n      startedAt\n    }\n  }\n"): (typeof documents)["\n  mutation StartMeeting($id: ID!) {\n    startMeeting(id: $id) {\n      ...MeetingSummaryFields\n      startedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndMeeting($id: ID!) {\n    endMeeting(id: $id) {\n      ...MeetingSummaryFields\n      endedAt\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EndMeeting($id: ID!) {\n    endMeeting(id: $id) {\n      ...MeetingSummaryFields\n      endedAt\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelMeeting($id: ID!, $reason: String) {\n    cancelMeeting(id: $id, reason: $reason) {\n      ...MeetingSummaryFields\n      cancelledAt\n      cancelReason\n    }\n  }\n"): (typeof documents)["\n  mutation CancelMeeting($id: ID!, $reason: String) {\n    cancelMeeting(id: $id, reason: $reason) {\n      ...MeetingSummaryFields\n      cancelledAt\n      cancelReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingSummaryFields on Meeting {\n    id\n    title\n    scheduledAt\n    endsAt\n    durationMinutes\n    status\n    canStart\n    canJoin\n    participantCount\n    acceptedCount\n    presentCount\n    inRoomCount\n    version\n    instructor {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment MeetingSummaryFields on Meeting {\n    id\n    title\n    scheduledAt\n    endsAt\n    durationMinutes\n    status\n    canStart\n    canJoin\n    participantCount\n    acceptedCount\n    presentCount\n    inRoomCount\n    version\n    instructor {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteStudents($meetingId: ID!, $studentIds: [ID!]!) {\n    inviteStudents(meetingId: $meetingId, studentIds: $studentIds) {\n      ...MeetingSummaryFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteStudents($meetingId: ID!, $studentIds: [ID!]!) {\n    inviteStudents(meetingId: $meetingId, studentIds: $studentIds) {\n      ...MeetingSummaryFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveParticipant($meetingId: ID!, $userId: ID!) {\n    removeParticipant(meetingId: $meetingId, userId: $userId) {\n      ...MeetingSummaryFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveParticipant($meetingId: ID!, $userId: ID!) {\n    removeParticipant(meetingId: $meetingId, userId: $userId) {\n      ...MeetingSummaryFields\n      attendance {\n        ...AttendanceRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreferencesFields on Preferences {\n    language\n    timeZone\n  }\n"): (typeof documents)["\n  fragment PreferencesFields on Preferences {\n    language\n    timeZone\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPreferences {\n    myPreferences {\n      ...PreferencesFields\n    }\n  }\n"): (typeof documents)["\n  query MyPreferences {\n    myPreferences {\n      ...PreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePreferences($input: PreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePreferences($input: PreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoomMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      title\n      status\n      canJoin\n      inRoomCount\n    }\n  }\n"): (typeof documents)["\n  query RoomMeeting($id: ID!) {\n    meeting(id: $id) {\n      id\n      title\n      status\n      canJoin\n      inRoomCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinMeeting($id: ID!) {\n    joinMeeting(id: $id) {\n      domain\n      roomName\n      jwt\n      displayName\n      moderator\n    }\n  }\n"): (typeof documents)["\n  mutation JoinMeeting($id: ID!) {\n    joinMeeting(id: $id) {\n      domain\n      roomName\n      jwt\n      displayName\n      moderator\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveMeeting($id: ID!) {\n    leaveMeeting(id: $id) {\n      ...OwnInvitationFields\n      meeting {\n        id\n        inRoomCount\n        presentCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LeaveMeeting($id: ID!) {\n    leaveMeeting(id: $id) {\n      ...OwnInvitationFields\n      meeting {\n        id\n        inRoomCount\n        presentCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportPresence($meetingId: ID!) {\n    reportPresence(meetingId: $meetingId) {\n      ...OwnInvitationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReportPresence($meetingId: ID!) {\n    reportPresence(meetingId: $meetingId) {\n      ...OwnInvitationFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;