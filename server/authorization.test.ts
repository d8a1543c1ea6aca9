import { wrap } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meeting } from './meetings/model/meeting.entity';
import { MeetingParticipant } from './meetings/model/participant.entity';
import { buildAppSchema } from './composition/schema';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TestSubscriber } from './testing/subscriber';
import { Role, startTestServer, TEST_PASSWORD, type TestServer } from './testing/test-server';
import { User } from './accounts/model/user.entity';

type Persona = 'admin' | 'owner instructor' | 'other instructor' | 'invited student' | 'uninvited student' | 'anonymous';
type SignedInPersona = Exclude<Persona, 'anonymous'>;

type Refusal = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
/**
 * 'ok': succeeds; 'null': succeeds with null; 'lists it' / 'omits it': a list that succeeds with or without
 * the case's meeting in it; otherwise the code the request is refused with.
 */
type Outcome = 'ok' | 'null' | 'lists it' | 'omits it' | Refusal;

const expected = {
  me: { admin: 'ok', 'owner instructor': 'ok', 'other instructor': 'ok', 'invited student': 'ok', 'uninvited student': 'ok', anonymous: 'null' },
  meetings: {
    admin: 'lists it',
    'owner instructor': 'lists it',
    'other instructor': 'omits it',
    'invited student': 'lists it',
    'uninvited student': 'omits it',
    anonymous: 'UNAUTHENTICATED',
  },
  meeting: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'NOT_FOUND',
    'invited student': 'ok',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  myInvitations: {
    admin: 'omits it',
    'owner instructor': 'omits it',
    'other instructor': 'omits it',
    'invited student': 'lists it',
    'uninvited student': 'omits it',
    anonymous: 'UNAUTHENTICATED',
  },
  users: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'ok',
    'invited student': 'FORBIDDEN',
    'uninvited student': 'FORBIDDEN',
    anonymous: 'UNAUTHENTICATED',
  },
  signIn: { admin: 'ok', 'owner instructor': 'ok', 'other instructor': 'ok', 'invited student': 'ok', 'uninvited student': 'ok', anonymous: 'ok' },
  createMeeting: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'ok',
    'invited student': 'FORBIDDEN',
    'uninvited student': 'FORBIDDEN',
    anonymous: 'UNAUTHENTICATED',
  },
  updateMeeting: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'NOT_FOUND',
    'invited student': 'FORBIDDEN',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  cancelMeeting: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'NOT_FOUND',
    'invited student': 'FORBIDDEN',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  startMeeting: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'NOT_FOUND',
    'invited student': 'FORBIDDEN',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  endMeeting: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'NOT_FOUND',
    'invited student': 'FORBIDDEN',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  inviteStudents: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'NOT_FOUND',
    'invited student': 'FORBIDDEN',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  removeParticipant: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'NOT_FOUND',
    'invited student': 'FORBIDDEN',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  respondToInvitation: {
    admin: 'NOT_FOUND',
    'owner instructor': 'NOT_FOUND',
    'other instructor': 'NOT_FOUND',
    'invited student': 'ok',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  joinMeeting: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'NOT_FOUND',
    'invited student': 'ok',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  reportPresence: {
    admin: 'NOT_FOUND',
    'owner instructor': 'NOT_FOUND',
    'other instructor': 'NOT_FOUND',
    'invited student': 'ok',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  leaveMeeting: {
    admin: 'NOT_FOUND',
    'owner instructor': 'NOT_FOUND',
    'other instructor': 'NOT_FOUND',
    'invited student': 'ok',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
  calendar: {
    admin: 'omits it',
    'owner instructor': 'lists it',
    'other instructor': 'omits it',
    'invited student': 'lists it',
    'uninvited student': 'omits it',
    anonymous: 'UNAUTHENTICATED',
  },
  myPreferences: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'ok',
    'invited student': 'ok',
    'uninvited student': 'ok',
    anonymous: 'UNAUTHENTICATED',
  },
  updatePreferences: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'ok',
    'invited student': 'ok',
    'uninvited student': 'ok',
    anonymous: 'UNAUTHENTICATED',
  },
  myCalendarFeed: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'ok',
    'invited student': 'ok',
    'uninvited student': 'ok',
    anonymous: 'UNAUTHENTICATED',
  },
  renewCalendarFeed: {
    admin: 'ok',
    'owner instructor': 'ok',
    'other instructor': 'ok',
    'invited student': 'ok',
    'uninvited student': 'ok',
    anonymous: 'UNAUTHENTICATED',
  },
  createUser: {
    admin: 'ok',
    'owner instructor': 'FORBIDDEN',
    'other instructor': 'FORBIDDEN',
    'invited student': 'FORBIDDEN',
    'uninvited student': 'FORBIDDEN',
    anonymous: 'UNAUTHENTICATED',
  },
} satisfies Record<string, Record<Persona, Outcome>>;

/**
 * Subscriptions, over WebSocket: 'receives it' / 'quiet' whether an update of the case's meeting
 * arrives; UNAUTHENTICATED is the socket closed with 4403 before any subscription runs.
 */
type SubscriptionOutcome = 'receives it' | 'quiet' | 'NOT_FOUND' | 'UNAUTHENTICATED';
const expectedSubscriptions = {
  meetingEvents: {
    admin: 'receives it',
    'owner instructor': 'receives it',
    'other instructor': 'quiet',
    'invited student': 'receives it',
    'uninvited student': 'quiet',
    anonymous: 'UNAUTHENTICATED',
  },
  meetingEvent: {
    admin: 'receives it',
    'owner instructor': 'receives it',
    'other instructor': 'NOT_FOUND',
    'invited student': 'receives it',
    'uninvited student': 'NOT_FOUND',
    anonymous: 'UNAUTHENTICATED',
  },
} satisfies Record<string, Record<Persona, SubscriptionOutcome>>;

type Operation = keyof typeof expected;
type SubscriptionOperation = keyof typeof expectedSubscriptions;

const PERSONAS: Persona[] = ['admin', 'owner instructor', 'other instructor', 'invited student', 'uninvited student', 'anonymous'];
const REFUSALS: Outcome[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];

interface Case {
  query: string;
  variables?: Record<string, unknown>;
  /** What a successful call must have returned or written; `result` is the operation's field. */
  verifySuccess(result: any, outcome: Outcome): Promise<void> | void;
  /** That a refused call wrote nothing; absent where the operation writes nothing anyway. */
  verifyNothingWritten?(): Promise<void>;
}

/** Arranges fresh state for one cell of the table and says what to send and check. */
type Scenario = (persona: Persona) => Promise<Case>;

let server: TestServer;
let users: Record<SignedInPersona, User>;
let signInAccount: User;

async function startServerWithPersonas(): Promise<void> {
  server = await startTestServer();
  users = {
    admin: await server.createUser(Role.ADMIN, 'Admin'),
    'owner instructor': await server.createUser(Role.INSTRUCTOR, 'Owner instructor'),
    'other instructor': await server.createUser(Role.INSTRUCTOR, 'Other instructor'),
    'invited student': await server.createUser(Role.STUDENT, 'Invited student'),
    'uninvited student': await server.createUser(Role.STUDENT, 'Uninvited student'),
  };
  signInAccount = await server.createUser(Role.STUDENT, 'Signing in');
}

function userOf(persona: Persona): User {
  if (persona === 'anonymous') throw new Error('anonymous has no account');
  return users[persona];
}

function scheduledMeeting(startsInMinutes?: number): Promise<Meeting> {
  return server.createMeeting(users['owner instructor'], { students: [users['invited student']], startsInMinutes });
}

async function liveMeeting({ invitedStudentInRoom = false } = {}): Promise<Meeting> {
  const { id } = await scheduledMeeting();
  const em = server.em();
  const now = server.clock.now();
  const meeting = await em.findOneOrFail(Meeting, id);
  meeting.start(now);
  if (invitedStudentInRoom) {
    (await em.findOneOrFail(MeetingParticipant, { meeting: id, user: users['invited student'].id })).enterRoom(now);
  }
  await em.flush();
  return meeting;
}

async function storedMeeting(id: string) {
  const em = server.em();
  const meeting = await em.findOneOrFail(Meeting, id);
  const participants = await em.find(MeetingParticipant, { meeting: id }, { orderBy: { id: 'asc' } });
  return { meeting: wrap(meeting).toObject(), participants: participants.map((participant) => wrap(participant).toObject()) };
}

/** A case on `meeting`: refused, it must leave the meeting and its participants exactly as they were. */
async function onMeeting(meeting: Meeting, request: Omit<Case, 'verifyNothingWritten'>): Promise<Case> {
  const before = await storedMeeting(meeting.id);
  return { ...request, verifyNothingWritten: async () => expect(await storedMeeting(meeting.id)).toEqual(before) };
}

function expectListing(meetingIds: string[], meeting: Meeting, outcome: Outcome): void {
  if (outcome === 'lists it') expect(meetingIds).toContain(meeting.id);
  else expect(meetingIds).not.toContain(meeting.id);
}

const userIdsOf = (participants: Array<{ user: { id: string } }>) => participants.map((participant) => participant.user.id);

const A_YEAR_IN_MINUTES = 365 * 24 * 60;

const scenarios: Record<Operation, Scenario> = {
  async me(persona) {
    return { query: '{ me { id } }', verifySuccess: (me) => expect(me.id).toBe(userOf(persona).id) };
  },

  async meetings() {
    // Scheduled after every other meeting of the run, so it heads the most-recent-first list of ALL.
    const meeting = await scheduledMeeting(A_YEAR_IN_MINUTES);
    return onMeeting(meeting, {
      query: '{ meetings(when: ALL, first: 100) { edges { node { id } } } }',
      verifySuccess: (connection, outcome) =>
        expectListing(
          connection.edges.map((edge: { node: { id: string } }) => edge.node.id),
          meeting,
          outcome,
        ),
    });
  },

  async meeting() {
    const meeting = await scheduledMeeting();
    return onMeeting(meeting, {
      query: 'query ($id: ID!) { meeting(id: $id) { id } }',
      variables: { id: meeting.id },
      verifySuccess: (found) => expect(found.id).toBe(meeting.id),
    });
  },

  async myInvitations() {
    const meeting = await scheduledMeeting();
    return onMeeting(meeting, {
      query: '{ myInvitations { meeting { id } } }',
      verifySuccess: (invitations, outcome) =>
        expectListing(
          invitations.map((invitation: { meeting: { id: string } }) => invitation.meeting.id),
          meeting,
          outcome,
        ),
    });
  },

  async users() {
    return {
      query: '{ users { id } }',
      verifySuccess: (found) => expect(found.map((user: { id: string }) => user.id)).toContain(users['invited student'].id),
    };
  },

  async signIn() {
    return {
      query: 'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token user { id } } }',
      variables: { email: signInAccount.email, password: TEST_PASSWORD },
      verifySuccess: (payload) => {
        expect(payload.user.id).toBe(signInAccount.id);
        expect(payload.token).toEqual(expect.any(String));
      },
    };
  },

  async createMeeting(persona) {
    const title = `Created as ${persona}`;
    const scheduledAt = new Date(server.clock.now().getTime() + 24 * 60 * 60_000).toISOString();
    return {
      query: 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { title instructor { id } } }',
      variables: { input: { title, scheduledAt, durationMinutes: 60 } },
      verifySuccess: (created) => expect(created).toEqual({ title, instructor: { id: userOf(persona).id } }),
      verifyNothingWritten: async () => expect(await server.em().count(Meeting, { title })).toBe(0),
    };
  },

  async updateMeeting() {
    const meeting = await scheduledMeeting();
    return onMeeting(meeting, {
      query: 'mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "Renamed" }) { title } }',
      variables: { id: meeting.id },
      verifySuccess: (updated) => expect(updated.title).toBe('Renamed'),
    });
  },

  async cancelMeeting() {
    const meeting = await scheduledMeeting();
    return onMeeting(meeting, {
      query: 'mutation ($id: ID!) { cancelMeeting(id: $id, reason: "Snow day") { status } }',
      variables: { id: meeting.id },
      verifySuccess: (cancelled) => expect(cancelled.status).toBe('CANCELLED'),
    });
  },

  async startMeeting() {
    const meeting = await scheduledMeeting();
    return onMeeting(meeting, {
      query: 'mutation ($id: ID!) { startMeeting(id: $id) { status } }',
      variables: { id: meeting.id },
      verifySuccess: (started) => expect(started.status).toBe('LIVE'),
    });
  },

  async endMeeting() {
    const meeting = await liveMeeting();
    return onMeeting(meeting, {
      query: 'mutation ($id: ID!) { endMeeting(id: $id) { status } }',
      variables: { id: meeting.id },
      verifySuccess: (ended) => expect(ended.status).toBe('ENDED'),
    });
  },

  async inviteStudents() {
    const meeting = await scheduledMeeting();
    const newStudent = await server.createUser(Role.STUDENT);
    return onMeeting(meeting, {
      query: 'mutation ($id: ID!, $studentIds: [ID!]!) { inviteStudents(meetingId: $id, studentIds: $studentIds) { participants { user { id } } } }',
      variables: { id: meeting.id, studentIds: [newStudent.id] },
      verifySuccess: (invitedInto) => expect(userIdsOf(invitedInto.participants)).toContain(newStudent.id),
    });
  },

  async removeParticipant() {
    const meeting = await scheduledMeeting();
    const invitedStudent = users['invited student'];
    return onMeeting(meeting, {
      query: 'mutation ($id: ID!, $userId: ID!) { removeParticipant(meetingId: $id, userId: $userId) { participants { user { id } } } }',
      variables: { id: meeting.id, userId: invitedStudent.id },
      verifySuccess: (removedFrom) => expect(userIdsOf(removedFrom.participants)).not.toContain(invitedStudent.id),
    });
  },

  async respondToInvitation(persona) {
    const meeting = await scheduledMeeting();
    return onMeeting(meeting, {
      query: 'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: ACCEPT) { rsvp user { id } } }',
      variables: { id: meeting.id },
      verifySuccess: (invitation) => expect(invitation).toEqual({ rsvp: 'ACCEPTED', user: { id: userOf(persona).id } }),
    });
  },

  async joinMeeting() {
    const meeting = await liveMeeting();
    return onMeeting(meeting, {
      query: 'mutation ($id: ID!) { joinMeeting(id: $id) { roomName } }',
      variables: { id: meeting.id },
      verifySuccess: (joinInfo) => expect(joinInfo.roomName).toBe(meeting.roomName),
    });
  },

  async reportPresence(persona) {
    const meeting = await liveMeeting({ invitedStudentInRoom: true });
    return onMeeting(meeting, {
      query: 'mutation ($id: ID!) { reportPresence(meetingId: $id) { status user { id } } }',
      variables: { id: meeting.id },
      verifySuccess: (participant) => expect(participant).toEqual({ status: 'PRESENT', user: { id: userOf(persona).id } }),
    });
  },

  async leaveMeeting(persona) {
    const meeting = await liveMeeting({ invitedStudentInRoom: true });
    return onMeeting(meeting, {
      query: 'mutation ($id: ID!) { leaveMeeting(id: $id) { leftAt user { id } } }',
      variables: { id: meeting.id },
      verifySuccess: (participant) => {
        expect(participant.user.id).toBe(userOf(persona).id);
        expect(participant.leftAt).not.toBeNull();
      },
    });
  },

  async calendar() {
    const meeting = await scheduledMeeting();
    const now = server.clock.now().getTime();
    return onMeeting(meeting, {
      query: 'query ($from: DateTimeISO!, $to: DateTimeISO!) { calendar(from: $from, to: $to) { id } }',
      variables: { from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 86_400_000).toISOString() },
      verifySuccess: (meetings, outcome) =>
        expectListing(
          meetings.map((found: { id: string }) => found.id),
          meeting,
          outcome,
        ),
    });
  },

  async myPreferences() {
    return {
      query: '{ myPreferences { language defaultTimeZone } }',
      verifySuccess: (preferences) => expect(preferences.defaultTimeZone).toBe(server.config.mail.defaultTimeZone),
    };
  },

  async updatePreferences(persona) {
    return {
      query: 'mutation { updatePreferences(input: { timeZone: "Europe/Paris" }) { timeZone } }',
      verifySuccess: async (preferences) => {
        expect(preferences.timeZone).toBe('Europe/Paris');
        expect((await server.em().findOneOrFail(User, userOf(persona).id)).timeZone).toBe('Europe/Paris');
      },
    };
  },

  async myCalendarFeed(persona) {
    const token = `feed-of-${persona.replace(/\W+/g, '-')}-0123456789`;
    if (persona !== 'anonymous') await server.em().nativeUpdate(User, { id: userOf(persona).id }, { calendarToken: token });
    return {
      query: '{ myCalendarFeed { url } }',
      verifySuccess: (feed) => expect(feed.url).toBe(`${server.config.mail.publicUrl}/calendar/${token}.ics`),
    };
  },

  async renewCalendarFeed(persona) {
    const before = persona === 'anonymous' ? null : (await server.em().findOneOrFail(User, userOf(persona).id)).calendarToken;
    return {
      query: 'mutation { renewCalendarFeed { url } }',
      verifySuccess: async (feed) => {
        const after = (await server.em().findOneOrFail(User, userOf(persona).id)).calendarToken;
        expect(after).not.toBe(before);
        expect(feed.url).toBe(`${server.config.mail.publicUrl}/calendar/${after}.ics`);
      },
    };
  },

  async createUser(persona) {
    const email = `created.as.${persona.replace(/\W+/g, '.')}@test.amphi`;
    return {
      query: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { email role } }',
      variables: { input: { email, displayName: 'New teacher', password: TEST_PASSWORD, role: 'INSTRUCTOR' } },
      verifySuccess: (created) => expect(created).toEqual({ email, role: 'INSTRUCTOR' }),
      verifyNothingWritten: async () => expect(await server.em().count(User, { email })).toBe(0),
    };
  },
};

const httpCells = (Object.keys(expected) as Operation[]).flatMap((operation) =>
  PERSONAS.map((persona) => ({ operation, persona, outcome: expected[operation][persona] })),
);

type Send = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: Array<{ extensions?: Record<string, any> }> }>;

/** One cell of the table: arranges its state, sends the operation, and checks the outcome and what was written. */
async function checkCell(operation: Operation, persona: Persona, outcome: Outcome, send: Send): Promise<void> {
  const testCase = await scenarios[operation](persona);
  const response = await send(testCase.query, testCase.variables);
  const result = response.data?.[operation] ?? null;
  if (REFUSALS.includes(outcome)) {
    expect(result).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0].extensions?.code).toBe(outcome);
    await testCase.verifyNothingWritten?.();
  } else if (outcome === 'null') {
    expect(response.errors).toBeUndefined();
    expect(result).toBeNull();
  } else {
    expect(response.errors).toBeUndefined();
    expect(result).not.toBeNull();
    await testCase.verifySuccess(result, outcome);
  }
}

/** A query or mutation over graphql-ws: its single result. */
async function overWebSocket(token: string, query: string, variables?: Record<string, unknown>): ReturnType<Send> {
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  try {
    return await new Promise((resolve, reject) => {
      let result: Awaited<ReturnType<Send>> | undefined;
      client.subscribe({ query, variables }, { next: (value) => (result = value as never), error: reject, complete: () => resolve(result!) });
    });
  } finally {
    await client.dispose();
  }
}

describe('who may do what, over HTTP', () => {
  beforeAll(startServerWithPersonas);
  afterAll(() => server.stop());

  it('has a row for every query, mutation and subscription of the schema', async () => {
    const schema = await buildAppSchema();
    const rootTypes = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const operations = rootTypes.flatMap((type) => Object.keys(type?.getFields() ?? {}));
    expect([...Object.keys(expected), ...Object.keys(expectedSubscriptions)].sort()).toEqual(operations.sort());
  });

  it.each(httpCells)('$operation as $persona → $outcome', async ({ operation, persona, outcome }) => {
    const token = persona === 'anonymous' ? null : await server.tokenFor(userOf(persona));
    await checkCell(operation, persona, outcome, (query, variables) => server.graphql(query, variables, token));
  });
});

describe('who may do what, over WebSocket', () => {
  beforeAll(startServerWithPersonas);
  afterAll(() => server.stop());

  it.each(httpCells.filter(({ persona }) => persona !== 'anonymous'))(
    '$operation as $persona → $outcome',
    async ({ operation, persona, outcome }) => {
      const token = await server.tokenFor(userOf(persona));
      await checkCell(operation, persona, outcome, (query, variables) => overWebSocket(token, query, variables));
    },
  );

  it('anonymous callers are refused at the door, before any operation runs', async () => {
    const subscriber = new TestSubscriber(server.url, null);
    expect((await subscriber.closed).code).toBe(4403);
  });
});

describe('who receives what, over WebSocket', () => {
  beforeAll(startServerWithPersonas);
  afterAll(() => server.stop());

  const cells = (Object.keys(expectedSubscriptions) as SubscriptionOperation[]).flatMap((operation) =>
    PERSONAS.map((persona) => ({ operation, persona, outcome: expectedSubscriptions[operation][persona] })),
  );

  it.each(cells)('$operation as $persona → $outcome', async ({ operation, persona, outcome }) => {
    const meeting = await scheduledMeeting();
    const variables = operation === 'meetingEvent' ? { meetingId: meeting.id } : {};
    if (persona === 'anonymous') {
      const subscriber = new TestSubscriber(server.url, null, variables);
      expect((await subscriber.closed).code).toBe(4403);
      expect(outcome).toBe('UNAUTHENTICATED');
      return;
    }
    const subscriber = await server.subscribe(userOf(persona), variables);
    try {
      if (outcome === 'NOT_FOUND') {
        const [error] = await subscriber.nextError();
        expect(error.extensions?.code).toBe('NOT_FOUND');
        return;
      }
      const rename = await server.graphql(
        'mutation ($id: ID!) { updateMeeting(id: $id, input: { title: "Renamed live" }) { id } }',
        { id: meeting.id },
        await server.tokenFor(users['owner instructor']),
      );
      expect(rename.errors).toBeUndefined();
      if (outcome === 'receives it') {
        expect(await subscriber.nextEvent()).toMatchObject({ type: 'UPDATED', meeting: { id: meeting.id, title: 'Renamed live' } });
      }
      await subscriber.expectQuiet();
    } finally {
      await subscriber.close();
    }
  });
});
