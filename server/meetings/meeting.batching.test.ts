import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, startTestServer, type TestServer } from '../testing/test-server';
import type { User } from '../accounts/model/user.entity';

const PAGE = `query Page($first: Int) {
  meetings(first: $first) {
    edges { node {
      title
      instructor { displayName }
      participants { status user { displayName } }
      participantCount
      acceptedCount
      presentCount
      myParticipation { status }
      canJoin
    } }
  }
}`;

describe('batching', () => {
  let server: TestServer;
  let admin: User;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser(Role.ADMIN);
    const instructors = await Promise.all([1, 2, 3].map(() => server.createUser(Role.INSTRUCTOR)));
    const students = await Promise.all([1, 2, 3, 4].map(() => server.createUser(Role.STUDENT)));
    for (let index = 0; index < 100; index += 1) {
      await server.createMeeting(instructors[index % 3], { startsInMinutes: 60 + index, students: students.slice(0, 1 + (index % 4)) });
    }
  });
  afterAll(() => server.stop());

  async function statementsFor(first: number): Promise<number> {
    const token = await server.tokenFor(admin);
    server.statements.length = 0;
    const response = await server.graphql(PAGE, { first }, token);
    expect(response.errors).toBeUndefined();
    expect(response.data.meetings.edges).toHaveLength(first);
    expect(response.data.meetings.edges.every((edge: { node: { participants: unknown[] } }) => edge.node.participants.length > 0)).toBe(true);
    return server.statements.length;
  }

  it('a page of meetings with instructors, participants, users and counts costs the same few statements for 5 or 100', async () => {
    const forFive = await statementsFor(5);
    const forHundred = await statementsFor(100);
    expect(forHundred).toBe(forFive);
    expect(forFive).toBeGreaterThanOrEqual(3);
    // viewer, meetings with instructors, participants with users, counts, the viewer's own invitations
    expect(forHundred).toBeLessThanOrEqual(5);
  });

  it('the contract’s page (instructor, participants with users, counts) needs at most 4 statements', async () => {
    const token = await server.tokenFor(admin);
    server.statements.length = 0;
    const response = await server.graphql(
      `{ meetings(first: 100) { edges { node {
          instructor { displayName } participants { status user { displayName } } participantCount presentCount
      } } } }`,
      {},
      token,
    );
    expect(response.errors).toBeUndefined();
    expect(server.statements.length).toBeGreaterThanOrEqual(3);
    expect(server.statements.length).toBeLessThanOrEqual(4);
  });
});
