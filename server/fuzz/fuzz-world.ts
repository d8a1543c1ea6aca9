import fc from 'fast-check';
import { createTokenService } from '../accounts/sign-in/token';
import { closeSilentVisits } from '../meetings/commands/presence-sweeper';
import { Role, TEST_JWT_SECRET, type TestServer } from '../testing/test-server';
import { User } from '../accounts/model/user.entity';

/** Who sends a request: a signed-in user, nobody, or someone with a token that must not work. */
export interface Persona {
  name: string;
  role: Role | null;
  token: string | null;
}

/** Real values the fuzzer mixes into its requests, refreshed as the fuzzing creates more. */
export interface FuzzPools {
  meetingIds: string[];
  studentIds: string[];
  /** Instructors and admins: not invitable, but ids a careless client may send. */
  staffIds: string[];
  emails: string[];
  /** Cursors the server returned, to page with (or to tamper with). */
  cursors: string[];
  lastEventId: number;
  /** The server's clock: "in the future" is judged by it. */
  now(): Date;
}

const MINUTE = 60_000;

async function send(server: TestServer, token: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await server.graphql(query, variables, token);
  if (response.errors) throw new Error(`setting up the fuzz world failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

const CREATE = 'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }';
const START = 'mutation ($id: ID!) { startMeeting(id: $id) { id } }';
const END = 'mutation ($id: ID!) { endMeeting(id: $id) { id } }';
const CANCEL = 'mutation ($id: ID!) { cancelMeeting(id: $id, reason: "fuzz") { id } }';
const RESPOND = 'mutation ($id: ID!, $response: InvitationResponse!) { respondToInvitation(meetingId: $id, response: $response) { id } }';
const JOIN = 'mutation ($id: ID!) { joinMeeting(id: $id) { roomName } }';

/**
 * Users of every role and meetings in every state, made through the API so that the event log is
 * what real use leaves behind; then the personas the fuzzer speaks as.
 */
export class FuzzWorld {
  readonly pools: FuzzPools;

  private constructor(
    readonly server: TestServer,
    readonly personas: Persona[],
    /** The meetings made for the world, by title: 'Startable lecture', 'Next week’s lecture'… */
    readonly meetings: Record<string, string>,
  ) {
    this.pools = { meetingIds: [], studentIds: [], staffIds: [], emails: [], cursors: [], lastEventId: 0, now: () => server.clock.now() };
  }

  static async create(server: TestServer): Promise<FuzzWorld> {
    const admin = await server.createUser(Role.ADMIN, 'Fuzz Admin');
    const instructor = await server.createUser(Role.INSTRUCTOR, 'Fuzz Instructor');
    const otherInstructor = await server.createUser(Role.INSTRUCTOR, 'Other Instructor');
    const students: User[] = [];
    for (const name of ['Ada Student', 'Bob Étudiant', 'Chloé 100% Real', 'Dan_Under', 'Eve 🙂'])
      students.push(await server.createUser(Role.STUDENT, name));
    const deleted = await server.createUser(Role.STUDENT, 'Deleted Account');
    const tokens = new Map<User, string>();
    for (const user of [admin, instructor, otherInstructor, ...students, deleted]) tokens.set(user, await server.tokenFor(user));
    const token = (user: User) => tokens.get(user)!;

    const now = server.clock.now();
    const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE).toISOString();
    const meetings: Record<string, string> = {};
    const create = async (owner: User, startsIn: number, invited: User[], title: string) => {
      const input = { title, scheduledAt: at(startsIn), durationMinutes: 60, studentIds: invited.map((s) => s.id) };
      meetings[title] = (await send(server, token(owner), CREATE, { input })).createMeeting.id as string;
      return meetings[title];
    };
    const [ada, bob, chloe, dan, eve] = students;

    await create(instructor, 5, [ada, bob, chloe], 'Startable lecture');
    await create(instructor, 2 * 24 * 60, [ada, bob, dan], 'Next week’s lecture');
    const live = await create(instructor, 5, [ada, bob, chloe, dan], 'Live lecture');
    await send(server, token(ada), RESPOND, { id: live, response: 'ACCEPT' });
    await send(server, token(bob), RESPOND, { id: live, response: 'DECLINE' });
    await send(server, token(instructor), START, { id: live });
    await send(server, token(ada), JOIN, { id: live });
    const ended = await create(instructor, 5, [ada, chloe], 'Ended lecture');
    await send(server, token(instructor), START, { id: ended });
    await send(server, token(chloe), JOIN, { id: ended });
    await send(server, token(instructor), END, { id: ended });
    await send(server, token(instructor), CANCEL, { id: await create(instructor, 60, [ada], 'Cancelled lecture') });
    const othersLive = await create(otherInstructor, 10, [dan, eve], 'Other instructor’s seminar');
    await send(server, token(otherInstructor), START, { id: othersLive });
    await create(otherInstructor, 24 * 60, [eve], 'Other instructor’s tutorial');
    await create(admin, 30, [eve, ada], 'Admin’s meeting');

    // A valid token whose account no longer exists.
    await server.em().nativeDelete(User, { id: deleted.id });
    const foreign = createTokenService('another-secret-that-is-long-enough-for-hs256-000', '1h');
    const expired = createTokenService(TEST_JWT_SECRET, '-1h');
    const personas: Persona[] = [
      { name: 'admin', role: Role.ADMIN, token: token(admin) },
      { name: 'instructor', role: Role.INSTRUCTOR, token: token(instructor) },
      { name: 'other instructor', role: Role.INSTRUCTOR, token: token(otherInstructor) },
      ...students.map((student, index) => ({ name: `student ${index + 1}`, role: Role.STUDENT, token: token(student) })),
      { name: 'anonymous', role: null, token: null },
      { name: 'deleted account', role: null, token: token(deleted) },
      { name: 'token signed with another secret', role: null, token: await foreign.issue(admin.id) },
      { name: 'expired token', role: null, token: await expired.issue(admin.id) },
      { name: 'garbage token', role: null, token: `${token(admin).slice(0, -6)}AAAAAA` },
    ];
    const world = new FuzzWorld(server, personas, meetings);
    await world.refresh();
    return world;
  }

  /** A persona, mostly one with these roles (null: not signed in), sometimes anyone: refusals are cases too. */
  mostly(roles: Array<Persona['role']>): fc.Arbitrary<Persona> {
    const chosen = () => this.personas.filter((persona) => roles.includes(persona.role));
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...chosen())) },
      { weight: 1, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...this.personas)) },
    );
  }

  persona(name: string): Persona {
    const persona = this.personas.find((candidate) => candidate.name === name);
    if (!persona) throw new Error(`no persona named ${name}`);
    return persona;
  }

  /** Reloads the ids the fuzzing may have added (new meetings, new users, new events). */
  async refresh(): Promise<void> {
    const em = this.server.em();
    const meetings = await em.execute<Array<{ id: string }>>('select id from meetings order by id');
    const users = await em.execute<Array<{ id: string; email: string; role: Role }>>('select id, email, role from users order by id');
    const [events] = await em.execute<Array<{ max: string | null }>>('select max(id) as max from meeting_events');
    this.pools.meetingIds = meetings.map((row) => row.id);
    this.pools.studentIds = users.filter((user) => user.role === Role.STUDENT).map((user) => user.id);
    this.pools.staffIds = users.filter((user) => user.role !== Role.STUDENT).map((user) => user.id);
    this.pools.emails = users.map((user) => user.email);
    this.pools.lastEventId = Number(events?.max ?? 0);
  }

  /** Keeps the cursors a response carries, for later requests to page with. */
  harvest(data: unknown): void {
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (/cursor$/i.test(key) && typeof inner === 'string' && !this.pools.cursors.includes(inner)) this.pools.cursors.push(inner);
          else walk(inner);
        }
      }
    };
    walk(data);
    if (this.pools.cursors.length > 200) this.pools.cursors.splice(0, this.pools.cursors.length - 200);
  }

  /** Time passes: meetings become startable, then over; silent rooms are closed as the sweeper would. */
  async letTimePass(minutes: number): Promise<void> {
    this.server.clock.advance(minutes * MINUTE);
    await closeSilentVisits(this.server);
  }
}
