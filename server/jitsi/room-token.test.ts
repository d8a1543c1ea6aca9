import { exportPKCS8, exportSPKI, generateKeyPair, importSPKI, jwtVerify, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meeting } from '../meetings/model/meeting.entity';
import { ok } from '../testing/assertions';
import { Role, startTestServer, type TestServer } from '../testing/test-server';
import type { User } from '../accounts/model/user.entity';

const SECRET = 'a-jitsi-shared-secret-of-at-least-32-chars';
const JOIN = 'mutation ($id: ID!) { joinMeeting(id: $id) { domain roomName jwt displayName moderator } }';

async function startLiveMeeting(server: TestServer, owner: User, students: User[]): Promise<Meeting> {
  const meeting = await server.createMeeting(owner, { students });
  ok(await server.graphql('mutation ($id: ID!) { startMeeting(id: $id) { id } }', { id: meeting.id }, await server.tokenFor(owner)));
  return meeting;
}

describe('room tokens for a self-hosted Jitsi (HS256)', () => {
  let server: TestServer;
  let owner: User;
  let admin: User;
  let student: User;
  let decliner: User;
  let outsider: User;
  let meeting: Meeting;

  beforeAll(async () => {
    server = await startTestServer({
      jitsiDomain: 'meet.campus.test',
      jitsiToken: { kind: 'shared-secret', appId: 'amphi', secret: SECRET, issuer: 'amphi', audience: 'jitsi', subject: 'meet.campus.test' },
    });
    [owner, admin, student, decliner, outsider] = await Promise.all([
      server.createUser(Role.INSTRUCTOR, 'Owner'),
      server.createUser(Role.ADMIN, 'Admin'),
      server.createUser(Role.STUDENT, 'Stu Dent'),
      server.createUser(Role.STUDENT, 'Decliner'),
      server.createUser(Role.STUDENT, 'Outsider'),
    ]);
    meeting = await server.createMeeting(owner, { students: [student, decliner] });
    ok(
      await server.graphql(
        'mutation ($id: ID!) { respondToInvitation(meetingId: $id, response: DECLINE) { id } }',
        { id: meeting.id },
        await server.tokenFor(decliner),
      ),
    );
    ok(await server.graphql('mutation ($id: ID!) { startMeeting(id: $id) { id } }', { id: meeting.id }, await server.tokenFor(owner)));
  });
  afterAll(() => server.stop());

  const join = async (user: User) => server.graphql(JOIN, { id: meeting.id }, await server.tokenFor(user));
  const verify = (jwt: string) => jwtVerify(jwt, new TextEncoder().encode(SECRET), { issuer: 'amphi', audience: 'jitsi', algorithms: ['HS256'] });

  it('a student gets a token for exactly this room, as a participant', async () => {
    const { joinMeeting } = ok(await join(student));
    const { payload } = await verify(joinMeeting.jwt);
    const stored = await server.em().findOneOrFail(Meeting, { id: meeting.id });
    expect(payload).toMatchObject({
      sub: 'meet.campus.test',
      room: stored.roomName,
      moderator: false,
      context: { user: { id: student.id, name: 'Stu Dent', email: student.email, moderator: false } },
    });
    expect(payload.room).not.toBe('*');
    expect(joinMeeting).toMatchObject({ domain: 'meet.campus.test', roomName: stored.roomName, displayName: 'Stu Dent', moderator: false });
  });

  it('the owner and admins are moderators', async () => {
    for (const user of [owner, admin]) {
      const { joinMeeting } = ok(await join(user));
      const { payload } = await verify(joinMeeting.jwt);
      expect(payload).toMatchObject({ moderator: true, context: { user: { id: user.id, moderator: true } } });
    }
  });

  it('the token is valid from the start of the meeting until its end (plus time to overrun)', async () => {
    const { joinMeeting } = ok(await join(student));
    const { payload } = await verify(joinMeeting.jwt);
    const stored = await server.em().findOneOrFail(Meeting, { id: meeting.id });
    expect(payload.nbf).toBe(Math.floor(stored.startedAt!.getTime() / 1000) - 60);
    expect(payload.exp).toBe(Math.floor(stored.endsAt.getTime() / 1000) + 15 * 60);
  });

  it('a token signed with another secret would not verify', async () => {
    const { joinMeeting } = ok(await join(student));
    await expect(jwtVerify(joinMeeting.jwt, new TextEncoder().encode('x'.repeat(40)))).rejects.toThrow();
  });

  it('no token for a student who declined, one not invited, or a meeting not live', async () => {
    for (const [user, code] of [
      [decliner, 'FORBIDDEN'],
      [outsider, 'NOT_FOUND'],
    ] as const) {
      const response = await join(user);
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe(code);
    }
    const scheduled = await server.createMeeting(owner, { students: [student] });
    const notLive = await server.graphql(JOIN, { id: scheduled.id }, await server.tokenFor(student));
    expect(notLive.data).toBeNull();
    expect(notLive.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('room tokens for 8x8 JaaS (RS256)', () => {
  let server: TestServer;
  let publicKeyPem: string;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    publicKeyPem = await exportSPKI(publicKey);
    server = await startTestServer({
      jitsiDomain: '8x8.vc',
      jitsiToken: {
        kind: 'jaas',
        appId: 'vpaas-magic-cookie-123',
        privateKey: await exportPKCS8(privateKey),
        keyId: 'vpaas-magic-cookie-123/abc',
        issuer: 'chat',
        audience: 'jitsi',
        subject: 'vpaas-magic-cookie-123',
      },
    });
  });
  afterAll(() => server.stop());

  it('signs with the key id, prefixes the room with the app id, and states flags as strings', async () => {
    const owner = await server.createUser(Role.INSTRUCTOR);
    const student = await server.createUser(Role.STUDENT);
    const meeting = await startLiveMeeting(server, owner, [student]);
    const { joinMeeting } = ok(await server.graphql(JOIN, { id: meeting.id }, await server.tokenFor(student)));
    expect(joinMeeting.roomName).toBe(`vpaas-magic-cookie-123/${meeting.roomName}`);
    expect(decodeProtectedHeader(joinMeeting.jwt)).toMatchObject({ alg: 'RS256', kid: 'vpaas-magic-cookie-123/abc' });
    const { payload } = await jwtVerify(joinMeeting.jwt, await importSPKI(publicKeyPem, 'RS256'), { issuer: 'chat', audience: 'jitsi' });
    expect(payload).toMatchObject({
      sub: 'vpaas-magic-cookie-123',
      room: meeting.roomName,
      context: { user: { id: student.id, moderator: 'false' } },
    });
  });
});

describe('without token configuration', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('joinMeeting gives no token: the unguessable room name is the only protection', async () => {
    const owner = await server.createUser(Role.INSTRUCTOR);
    const meeting = await startLiveMeeting(server, owner, []);
    const { joinMeeting } = ok(await server.graphql(JOIN, { id: meeting.id }, await server.tokenFor(owner)));
    expect(joinMeeting).toMatchObject({ jwt: null, roomName: meeting.roomName, moderator: true });
  });
});
