import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../model/meeting.entity';
import { ok } from '../../testing/assertions';
import { Role, startTestServer, type TestServer } from '../../testing/test-server';
import type { User } from '../../accounts/model/user.entity';
import { MeetingParticipant } from '../model/participant.entity';
import { InvitationResponse } from '../model/participant-status';

let server: TestServer;
let owner: User;
let students: User[];
let meeting: Meeting;
let adaJoinedAt: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.createUser(Role.INSTRUCTOR);
  students = await Promise.all(['Ada', 'Brook', 'Cy'].map((name) => server.createUser(Role.STUDENT, name)));
  meeting = await server.createMeeting(owner, { students });
  // Ada accepted and is in the room, Brook declined, Cy has not answered.
  const em = server.em();
  const [ada, brook] = await Promise.all(
    students.slice(0, 2).map((student) => em.findOneOrFail(MeetingParticipant, { meeting: meeting.id, user: student.id })),
  );
  const now = server.clock.now();
  adaJoinedAt = now.toISOString();
  ada.respond(InvitationResponse.ACCEPT, now);
  ada.enterRoom(now);
  brook.respond(InvitationResponse.DECLINE, server.clock.now());
  await em.flush();
});
afterAll(() => server.stop());

/** The statements that list participants with their users (an event's delivery counts them too). */
const listsParticipants = (sql: string) => sql.includes('from meeting_participants p') && sql.includes('order by u.display_name');
const readsTimestamps = (sql: string) => sql.includes('invited_at');

async function meetingAsOwner(selection: string, fragments = '') {
  server.statements.length = 0;
  const data = ok(
    await server.graphql(`query ($id: ID!) { meeting(id: $id) { ${selection} } } ${fragments}`, { id: meeting.id }, await server.tokenFor(owner)),
  );
  const participantStatements = server.statements.filter(listsParticipants);
  return { meeting: (data as { meeting: Record<string, any> }).meeting, participantStatements };
}

describe('a list of participants asking only for names and answers', () => {
  it('reads no timestamp but presence, and says what the full rows say, counts included', async () => {
    const counts = 'participantCount acceptedCount presentCount inRoomCount';
    const summary = await meetingAsOwner(`participants { __typename id status rsvp user { __typename id displayName email role } } ${counts}`);
    const full = await meetingAsOwner(`participants { id status rsvp invitedAt user { id displayName email role createdAt } } ${counts}`);

    expect(summary.participantStatements).toHaveLength(1);
    expect(readsTimestamps(summary.participantStatements[0])).toBe(false);
    expect(full.participantStatements).toHaveLength(1);
    expect(readsTimestamps(full.participantStatements[0])).toBe(true);

    const { participants, ...summaryCounts } = summary.meeting;
    expect(participants).toEqual(
      full.meeting.participants.map(({ invitedAt: _, user: { createdAt: __, ...user }, ...participant }: Record<string, any>) => ({
        __typename: 'MeetingParticipant',
        ...participant,
        user: { __typename: 'User', ...user },
      })),
    );
    expect(participants.map((participant: { user: { displayName: string } }) => participant.user.displayName)).toEqual(['Ada', 'Brook', 'Cy']);
    expect(participants.map((participant: { rsvp: string }) => participant.rsvp)).toEqual(['ACCEPTED', 'DECLINED', 'PENDING']);
    expect(summaryCounts).toEqual({ participantCount: 3, acceptedCount: 1, presentCount: 1, inRoomCount: 1 });
    expect(full.meeting).toMatchObject(summaryCounts);
  });

  it('may ask for each participant’s meeting, which does not come from the row', async () => {
    const { meeting: answer, participantStatements } = await meetingAsOwner('participants { id meeting { id title status } }');
    expect(readsTimestamps(participantStatements[0])).toBe(false);
    expect(answer.participants).toHaveLength(3);
    for (const participant of answer.participants) expect(participant.meeting).toEqual({ id: meeting.id, title: meeting.title, status: 'SCHEDULED' });
  });
});

describe('a field beyond the summary, however it is asked, gets full rows', () => {
  type Participants = Array<Record<string, any>>;
  // Participants come by name: Ada, who is in the room, first.
  const adaJoinedNow = (participants: Participants) =>
    expect(participants.map((participant) => participant.joinedAt)).toEqual([adaJoinedAt, null, null]);

  it.each<[string, string, string, (participants: Participants) => void]>([
    ['directly', 'participants { id joinedAt }', '', adaJoinedNow],
    ['in a named fragment', 'participants { id ...Attendance }', 'fragment Attendance on MeetingParticipant { joinedAt }', adaJoinedNow],
    ['in an inline fragment', 'participants { id ... on MeetingParticipant { joinedAt } }', '', adaJoinedNow],
    [
      'in a fragment that spreads another',
      'participants { ...Outer }',
      'fragment Outer on MeetingParticipant { id ...Inner } fragment Inner on MeetingParticipant { joinedAt }',
      adaJoinedNow,
    ],
    [
      'in a fragment of the user',
      'participants { user { ...Account } }',
      'fragment Account on User { displayName createdAt }',
      (participants) =>
        expect(participants.map(({ user }) => [user.displayName, Number.isNaN(Date.parse(user.createdAt))])).toEqual([
          ['Ada', false],
          ['Brook', false],
          ['Cy', false],
        ]),
    ],
    [
      'under @include(if: false), which the choice does not read',
      'participants { id joinedAt @include(if: false) }',
      '',
      (participants) => expect(participants.every((participant) => Object.keys(participant).join() === 'id')).toBe(true),
    ],
  ])('%s', async (_, selection, fragments, check) => {
    const { meeting: answer, participantStatements } = await meetingAsOwner(selection, fragments);
    expect(participantStatements).toHaveLength(1);
    expect(readsTimestamps(participantStatements[0])).toBe(true);
    expect(answer.participants).toHaveLength(3);
    check(answer.participants);
  });

  it('two lists of one meeting, one summary and one full, each get what they ask', async () => {
    const { meeting: answer, participantStatements } = await meetingAsOwner(
      'names: participants { user { displayName } } times: participants { invitedAt }',
    );
    expect(participantStatements.map(readsTimestamps).sort()).toEqual([false, true]);
    expect(answer.names.map((participant: { user: { displayName: string } }) => participant.user.displayName)).toEqual(['Ada', 'Brook', 'Cy']);
    for (const participant of answer.times) expect(Date.parse(participant.invitedAt)).not.toBeNaN();
  });
});

describe('in a subscription', () => {
  it('an event reads the summaries once for the subscribers asking no more, and full rows once for the others', async () => {
    const [names, times] = [
      await server.subscribe(owner, { fields: 'type meeting { participants { user { displayName } } }' }),
      await server.subscribe(owner, { fields: 'type meeting { participants { joinedAt user { displayName } } }' }),
    ];
    try {
      server.statements.length = 0;
      await server.graphql(
        'mutation ($id: ID!) { updateMeeting(id: $id, input: { description: "Bring the lab notes" }) { id } }',
        { id: meeting.id },
        await server.tokenFor(owner),
      );
      const [summary, full] = [(await names.nextEvent()) as any, (await times.nextEvent()) as any];
      const participantReads = server.statements.filter(listsParticipants);
      expect(participantReads.map(readsTimestamps).sort()).toEqual([false, true]);
      expect(summary.meeting.participants).toEqual([
        { user: { displayName: 'Ada' } },
        { user: { displayName: 'Brook' } },
        { user: { displayName: 'Cy' } },
      ]);
      expect(full.meeting.participants.map((participant: { joinedAt: string | null }) => participant.joinedAt)).toEqual([adaJoinedAt, null, null]);
    } finally {
      await Promise.all([names.close(), times.close()]);
    }
  });
});
