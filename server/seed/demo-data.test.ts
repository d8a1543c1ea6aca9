import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meeting } from '../meetings/model/meeting.entity';
import { MeetingParticipant } from '../meetings/model/participant.entity';
import { startTestServer, type TestServer } from '../testing/test-server';
import { User } from '../accounts/model/user.entity';
import { DEMO_PASSWORD, hasAnyUser, seedDemoData } from './demo-data';

describe('demo data', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const counts = async () => {
    const em = server.em();
    return { users: await em.count(User, {}), meetings: await em.count(Meeting, {}), participants: await em.count(MeetingParticipant, {}) };
  };

  it('seeding twice re-creates the same accounts and meetings instead of adding more', async () => {
    expect(await hasAnyUser(server.em())).toBe(false);
    await seedDemoData(server.em());
    const first = await counts();
    expect(first.users).toBe(8);
    await seedDemoData(server.em());
    expect(await counts()).toEqual(first);
  });

  it('every demo account signs in with the demo password', async () => {
    for (const email of ['admin@amphi.test', 'instructor@amphi.test', 'instructor2@amphi.test', 'student1@amphi.test', 'student5@amphi.test']) {
      const response = await server.graphql(`mutation { signIn(email: "${email}", password: "${DEMO_PASSWORD}") { user { email } } }`);
      expect(response.data?.signIn.user.email).toBe(email);
    }
  });

  it('the demo instructor has a meeting that can start now, and past and cancelled ones', async () => {
    const signIn = await server.graphql(`mutation { signIn(email: "instructor@amphi.test", password: "${DEMO_PASSWORD}") { token } }`);
    const token = signIn.data.signIn.token;
    const upcoming = await server.graphql('{ meetings { edges { node { status canStart } } } }', {}, token);
    const nodes = upcoming.data.meetings.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes).toContainEqual({ status: 'SCHEDULED', canStart: true });
    expect(nodes).toContainEqual({ status: 'CANCELLED', canStart: false });
    const past = await server.graphql('{ meetings(when: PAST) { edges { node { status presentCount } } } }', {}, token);
    expect(past.data.meetings.edges.map((edge: { node: unknown }) => edge.node)).toEqual([{ status: 'ENDED', presentCount: 3 }]);
  });
});
