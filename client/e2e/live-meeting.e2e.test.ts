import { jwtVerify } from 'jose';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meeting } from '../../server/meetings/model/meeting.entity';
import { startE2EApp, JITSI_TEST_APP_ID, JITSI_TEST_SECRET, type E2EApp } from './support/app-server';
import { launchBrowser } from './support/browser';
import { JITSI_TEST_DOMAIN, standInRooms } from './support/jitsi-stand-in';
import { localDateTime } from './support/local-time';
import { notifications, openBrowserAs, signIn, waitForLiveUpdates, type Person } from './support/people';
import { screenshot } from './support/screenshots';

const TITLE = 'Quantum mechanics — lecture 1';

describe('a live meeting, from scheduling to attendance, in two browsers', () => {
  let app: E2EApp;
  let browser: Browser;
  let instructor: Person;
  let student: Person;
  let meetingPath: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startE2EApp(), launchBrowser()]);
    instructor = await openBrowserAs(browser, app);
    student = await openBrowserAs(browser, app);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('an instructor schedules a meeting and invites two students', async () => {
    const { page } = instructor;
    await signIn(page, 'instructor@amphi.test');
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toContain('Irène InstructorInstructor');
    await screenshot(page, 'meetings');

    await page.getByRole('link', { name: 'New meeting' }).click();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Description').fill('Wave functions and the Schrödinger equation.');
    await page.getByLabel('Date and time').fill(await localDateTime(page, 5));
    await page.getByLabel('Duration (minutes)').fill('45');
    const search = page.getByRole('searchbox', { name: 'Search students by name or email' });
    await search.fill('Sami');
    await page.getByRole('checkbox', { name: /Sami Student/ }).check();
    await search.fill('sofia');
    await page.getByRole('checkbox', { name: /Sofia Student/ }).check();
    await search.fill('');
    await expect(page.getByRole('list', { name: '2 students selected' }).textContent()).resolves.toMatch(/Sami Student.*Sofia Student/);
    await screenshot(page, 'meeting-form', { fullPage: true });

    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    meetingPath = new URL(page.url()).pathname;
    expect(meetingPath).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('participant-row').allTextContents()).resolves.toEqual([
      expect.stringMatching(/Sami Student.*Invited/),
      expect.stringMatching(/Sofia Student.*Invited/),
    ]);
  });

  it('a student sees the invitation and accepts it; the instructor sees the answer live', async () => {
    const { page } = student;
    await signIn(page, 'student1@amphi.test');
    const invitation = page.getByTestId('invitation').filter({ hasText: TITLE });
    await invitation.getByRole('button', { name: 'Accept' }).click();
    await invitation.locator('button[aria-pressed="true"]', { hasText: 'Accept' }).waitFor();
    await waitForLiveUpdates(page);
    await screenshot(page, 'invitations');

    const sami = instructor.page.getByTestId('participant-row').filter({ hasText: 'Sami Student' });
    await sami.getByText('Accepted', { exact: true }).first().waitFor({ timeout: 2_000 });
    await waitForLiveUpdates(instructor.page);
  });

  it('the instructor starts: they land in the room, and within 2 seconds the student is live and in the room', async () => {
    const startedAt = Date.now();
    await instructor.page.getByRole('button', { name: 'Start the meeting' }).click();

    await student.page.waitForFunction(() => ((window as unknown as { __jitsiStandIn?: unknown[] }).__jitsiStandIn ?? []).length > 0, null, {
      timeout: 2_000,
    });
    expect(Date.now() - startedAt, 'milliseconds from Start to the Jitsi room open in the student’s browser').toBeLessThan(2_000);
    expect(new URL(student.page.url()).pathname).toBe(`${meetingPath}/room`);
    await student.page.getByText('The meeting went live, so we brought you into the room.').waitFor();
    await student.page.getByRole('button', { name: 'Leave the room' }).waitFor();

    await instructor.page.waitForURL(`**${meetingPath}/room`);
    await instructor.page.waitForFunction(() => ((window as unknown as { __jitsiStandIn?: unknown[] }).__jitsiStandIn ?? []).length > 0);
  });

  it('Jitsi gets the room name, the room token and the display name from joinMeeting', async () => {
    const meeting = await app.server.em().findOneOrFail(Meeting, { title: TITLE });
    const [studentRoom] = await standInRooms(student.page);
    const [instructorRoom] = await standInRooms(instructor.page);
    expect(studentRoom).toMatchObject({ domain: JITSI_TEST_DOMAIN, roomName: meeting.roomName, displayName: 'Sami Student', lang: 'en' });
    expect(instructorRoom).toMatchObject({ domain: JITSI_TEST_DOMAIN, roomName: meeting.roomName, displayName: 'Irène Instructor' });

    const secret = new TextEncoder().encode(JITSI_TEST_SECRET);
    const { payload: studentClaims } = await jwtVerify(studentRoom!.jwt!, secret, { issuer: JITSI_TEST_APP_ID, audience: 'jitsi' });
    expect(studentClaims).toMatchObject({ room: meeting.roomName, context: { user: { name: 'Sami Student', moderator: false } } });
    const { payload: instructorClaims } = await jwtVerify(instructorRoom!.jwt!, secret);
    expect(instructorClaims).toMatchObject({ room: meeting.roomName, context: { user: { name: 'Irène Instructor', moderator: true } } });
  });

  it('the student was also told by a browser notification', async () => {
    await expect(notifications(student.page)).resolves.toEqual([
      { title: 'Your meeting has started', body: `“${TITLE}” is live: click to join the room.` },
    ]);
    await screenshot(student.page, 'room');
  });

  it('the instructor follows the class live: the student shows present and in the room', async () => {
    const { page } = instructor;
    await page.getByRole('button', { name: 'Leave the room' }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const sami = page.getByTestId('participant-row').filter({ hasText: 'Sami Student' });
    await sami.getByText('Present').waitFor();
    await page.getByText('1 in the room').waitFor();
    await expect(page.getByRole('button', { name: 'Start the meeting' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Cancel the meeting' }).count()).resolves.toBe(0);
    await screenshot(page, 'meeting-live', { fullPage: true });
  });

  it('the instructor ends the meeting: the room closes for the student, who shows PRESENT', async () => {
    const { page } = instructor;
    await page.getByRole('button', { name: 'End the meeting' }).click();
    const dialog = page.getByRole('dialog', { name: 'End the meeting for everyone?' });
    await dialog.getByRole('button', { name: 'End the meeting' }).click();
    await page.locator('.badge', { hasText: 'Ended' }).first().waitFor();

    await student.page.waitForURL(`**${meetingPath}`, { timeout: 2_000 });
    await expect(student.page.getByTestId('own-attendance').textContent()).resolves.toContain('Present');
    const [room] = await standInRooms(student.page);
    expect(room?.disposed).toBe(true);

    await expect(page.getByTestId('participant-row').allTextContents()).resolves.toEqual([
      expect.stringMatching(/Sami Student.*Present/),
      expect.stringMatching(/Sofia Student.*Absent/),
    ]);
    await screenshot(student.page, 'student-meeting-ended');
  });
});
