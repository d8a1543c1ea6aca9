import fc from 'fast-check';
import { Role } from '../accounts/model/role';
import type { FuzzPools, Persona } from './fuzz-world';
import { wrongTypeValue } from './hostile-values';
import * as sensible from './sensible-values';

/** One operation whose inputs fast-check draws: a fixed, valid query, and variables that need not be. */
export interface InputProperty {
  name: string;
  /** Share of the base number of runs: argon2 makes sign-in and account creation slow on purpose. */
  runsShare: number;
  query(draw: Draw): string;
  arbitrary(pools: FuzzPools, personas: PersonaPicker): fc.Arbitrary<Draw>;
}

export interface Draw {
  persona: Persona;
  variables: Record<string, unknown>;
  /** For properties that choose among several operations. */
  operation?: string;
}

export interface PersonaPicker {
  /** Mostly the roles the operation is for, sometimes anyone (refusals are cases too). */
  mostly(roles: Array<Persona['role']>): fc.Arbitrary<Persona>;
}

export const MEETING_FIELDS = `id title description scheduledAt endsAt durationMinutes status version attendanceThresholdPercent
  startedAt endedAt cancelledAt cancelReason canStart canJoin isPast isUpcoming participantCount acceptedCount presentCount inRoomCount roomName
  instructor { id role } myParticipation { status rsvp } participants { id status rsvp attendedSeconds joinedAt leftAt user { id displayName } }`;

const PARTICIPANT_FIELDS = 'id status rsvp respondedAt joinedAt leftAt attendedSeconds user { id } meeting { id status presentCount inRoomCount }';

/** Sometimes a field is left out, sometimes it is null, sometimes of another type altogether. */
function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> {
  return fc.oneof({ weight: 6, arbitrary }, { weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) });
}

/** Left out or given: for arguments that have a default. */
function omittable<T>(arbitrary: fc.Arbitrary<T | unknown>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 3, arbitrary }, { weight: 1, arbitrary: fc.constant(undefined) });
}

function sometimesWrong<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 12, arbitrary }, { weight: 1, arbitrary: wrongTypeValue() });
}

/** An object without its undefined fields, so that they are absent from the JSON rather than null. */
function record(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(fields).map((value) => Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)));
}

/** A persona and the operation's variables (and which operation, for properties that choose one). */
function draw(
  persona: fc.Arbitrary<Persona>,
  variables: Record<string, fc.Arbitrary<unknown>>,
  operation: fc.Arbitrary<string | undefined> = fc.constant(undefined),
): fc.Arbitrary<Draw> {
  return fc.tuple(persona, record(variables), operation).map(([who, values, chosen]) => ({ persona: who, variables: values, operation: chosen }));
}

const STAFF = [Role.ADMIN, Role.INSTRUCTOR];
const STUDENTS = [Role.STUDENT];
const ANYONE_SIGNED_IN = [...STAFF, ...STUDENTS];

export const INPUT_PROPERTIES: InputProperty[] = [
  {
    name: 'createMeeting',
    runsShare: 1,
    query: () => `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { ${MEETING_FIELDS} } }`,
    arbitrary: (pools, personas) =>
      draw(personas.mostly(STAFF), {
        input: sometimesWrong(
          record({
            title: sometimesWrong(sensible.title()),
            description: optional(sensible.description()),
            scheduledAt: sometimesWrong(sensible.scheduledAt(pools)),
            durationMinutes: sometimesWrong(sensible.durationMinutes()),
            attendanceThresholdPercent: optional(sensible.thresholdPercent()),
            studentIds: optional(sensible.studentIds(pools)),
          }),
        ),
      }),
  },
  {
    name: 'updateMeeting',
    runsShare: 1,
    query: () => `mutation ($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { ${MEETING_FIELDS} } }`,
    arbitrary: (pools, personas) =>
      draw(personas.mostly(STAFF), {
        id: sensible.meetingId(pools),
        input: sometimesWrong(
          record({
            title: optional(sensible.title()),
            description: optional(sensible.description()),
            scheduledAt: optional(sensible.scheduledAt(pools)),
            durationMinutes: optional(sensible.durationMinutes()),
            attendanceThresholdPercent: optional(sensible.thresholdPercent()),
            version: optional(sensible.version()),
          }),
        ),
      }),
  },
  {
    name: 'inviteStudents',
    runsShare: 1,
    query: () =>
      `mutation ($meetingId: ID!, $studentIds: [ID!]!) { inviteStudents(meetingId: $meetingId, studentIds: $studentIds) { ${MEETING_FIELDS} } }`,
    arbitrary: (pools, personas) =>
      draw(personas.mostly(STAFF), { meetingId: sensible.meetingId(pools), studentIds: sometimesWrong(sensible.studentIds(pools)) }),
  },
  {
    name: 'removeParticipant',
    runsShare: 0.5,
    query: () =>
      'mutation ($meetingId: ID!, $userId: ID!) { removeParticipant(meetingId: $meetingId, userId: $userId) { id participantCount participants { user { id } } } }',
    arbitrary: (pools, personas) => draw(personas.mostly(STAFF), { meetingId: sensible.meetingId(pools), userId: sensible.studentId(pools) }),
  },
  {
    name: 'respondToInvitation',
    runsShare: 1,
    query: () =>
      `mutation ($meetingId: ID!, $response: InvitationResponse!) { respondToInvitation(meetingId: $meetingId, response: $response) { ${PARTICIPANT_FIELDS} } }`,
    arbitrary: (pools, personas) =>
      draw(personas.mostly(STUDENTS), {
        meetingId: sensible.meetingId(pools),
        response: sometimesWrong(fc.constantFrom('ACCEPT', 'DECLINE')),
      }),
  },
  {
    name: 'startMeeting, endMeeting and cancelMeeting',
    runsShare: 1,
    query: ({ operation }) =>
      operation === 'cancelMeeting'
        ? `mutation ($id: ID!, $reason: String) { cancelMeeting(id: $id, reason: $reason) { ${MEETING_FIELDS} } }`
        : `mutation ($id: ID!) { ${operation}(id: $id) { ${MEETING_FIELDS} attendance { rsvp status attendedSeconds inRoom user { id } } } }`,
    arbitrary: (pools, personas) =>
      draw(
        personas.mostly(STAFF),
        { id: sensible.meetingId(pools), reason: optional(sensible.reason()) },
        fc.constantFrom('startMeeting', 'endMeeting', 'cancelMeeting'),
      ).map((drawn) => (drawn.operation === 'cancelMeeting' ? drawn : { ...drawn, variables: { id: drawn.variables.id } })),
  },
  {
    name: 'joinMeeting, reportPresence and leaveMeeting',
    runsShare: 1,
    query: ({ operation }) =>
      operation === 'joinMeeting'
        ? 'mutation ($id: ID!) { joinMeeting(id: $id) { domain roomName jwt displayName moderator } }'
        : operation === 'reportPresence'
          ? `mutation ($id: ID!) { reportPresence(meetingId: $id) { ${PARTICIPANT_FIELDS} } }`
          : `mutation ($id: ID!) { leaveMeeting(id: $id) { ${PARTICIPANT_FIELDS} } }`,
    arbitrary: (pools, personas) =>
      draw(personas.mostly(STUDENTS), { id: sensible.meetingId(pools) }, fc.constantFrom('joinMeeting', 'reportPresence', 'leaveMeeting')),
  },
  {
    name: 'createUser',
    runsShare: 0.3,
    query: () => 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id email displayName role createdAt } }',
    arbitrary: (pools, personas) =>
      draw(personas.mostly([Role.ADMIN]), {
        input: sometimesWrong(
          record({
            email: sometimesWrong(sensible.email(pools)),
            displayName: sometimesWrong(sensible.displayName()),
            role: sometimesWrong(fc.constantFrom('STUDENT', 'INSTRUCTOR', 'ADMIN', 'SUPERUSER', 'student')),
            password: sometimesWrong(sensible.password()),
          }),
        ),
      }),
  },
  {
    // Few runs, and mostly unknown or broken addresses: sign-in is rate limited per account and address.
    name: 'signIn',
    runsShare: 0.1,
    query: () => 'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token user { id role } } }',
    arbitrary: (pools, personas) =>
      draw(personas.mostly([null]), { email: sometimesWrong(sensible.email(pools)), password: sometimesWrong(sensible.password()) }),
  },
  {
    name: 'meetings',
    runsShare: 1,
    query: () =>
      `query ($when: MeetingWhen, $status: MeetingStatus, $first: Int, $after: String) {
        meetings(when: $when, status: $status, first: $first, after: $after) {
          edges { cursor node { id title scheduledAt status isPast participantCount myParticipation { status } } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    arbitrary: (pools, personas) =>
      draw(personas.mostly(ANYONE_SIGNED_IN), {
        when: omittable(sometimesWrong(fc.constantFrom('UPCOMING', 'PAST', 'ALL'))),
        status: optional(sometimesWrong(fc.constantFrom('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED'))),
        first: omittable(sensible.pageSize()),
        after: optional(sensible.cursor(pools)),
      }),
  },
  {
    name: 'users',
    runsShare: 0.5,
    query: () =>
      'query ($role: Role, $search: String, $first: Int) { users(role: $role, search: $search, first: $first) { id email displayName role } }',
    arbitrary: (pools, personas) =>
      draw(personas.mostly(STAFF), {
        role: optional(sometimesWrong(fc.constantFrom('STUDENT', 'INSTRUCTOR', 'ADMIN'))),
        search: optional(sensible.search(pools)),
        first: omittable(sensible.pageSize()),
      }),
  },
  {
    name: 'meeting and myInvitations',
    runsShare: 0.5,
    query: () =>
      `query ($id: ID!, $when: MeetingWhen) {
        meeting(id: $id) { ${MEETING_FIELDS} attendance { rsvp status attendedSeconds joinedAt leftAt inRoom user { id } } }
        myInvitations(when: $when) { ${PARTICIPANT_FIELDS} } }`,
    arbitrary: (pools, personas) =>
      draw(personas.mostly(ANYONE_SIGNED_IN), {
        id: sensible.meetingId(pools),
        when: omittable(sometimesWrong(fc.constantFrom('UPCOMING', 'PAST', 'ALL'))),
      }),
  },
];
