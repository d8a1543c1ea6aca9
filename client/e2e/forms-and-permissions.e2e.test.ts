import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meeting } from '../../server/meetings/model/meeting.entity';
import { User } from '../../server/accounts/model/user.entity';
import { startE2EApp, type E2EApp } from './support/app-server';
import { launchBrowser } from './support/browser';
import { localDateTime } from './support/local-time';
import { openBrowserAs, signIn, waitForLiveUpdates, type Person } from './support/people';
import { screenshot } from './support/screenshots';

describe('the meeting form checks what it sends, and actions follow permissions', () => {
  let app: E2EApp;
  let browser: Browser;
  let instructor: Person;

  const meetingPath = async (title: string) => `/meetings/${(await app.server.em().findOneOrFail(Meeting, { title })).id}`;
  const meetingCount = () => app.server.em().count(Meeting, {});

  beforeAll(async () => {
    [app, browser] = await Promise.all([startE2EApp(), launchBrowser()]);
    instructor = await openBrowserAs(browser, app);
    await signIn(instructor.page, 'instructor@amphi.test');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('refuses a blank title, a past start and an impossible duration before sending anything', async () => {
    const { page } = instructor;
    const before = await meetingCount();
    await page.goto('/meetings/new');
    await page.getByLabel('Date and time').fill(await localDateTime(page, -60));
    await page.getByLabel('Duration (minutes)').fill('1000');
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();

    await page.getByText('Enter a title.').waitFor();
    await page.getByText('Choose a date and time in the future.').waitFor();
    await page.getByText('Enter a whole number of minutes from 5 to 480.').waitFor();
    await expect(page.getByLabel('Title').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('title');
    expect(new URL(page.url()).pathname).toBe('/meetings/new');
    expect(await meetingCount()).toBe(before);
    await screenshot(page, 'meeting-form-errors', { fullPage: true });
  });

  it('shows the server’s refusal on the field it names', async () => {
    const { page } = instructor;
    await page.getByLabel('Title').fill('Seminar');
    await page.getByLabel('Duration (minutes)').fill('30');
    await page.getByLabel('Date and time').fill(await localDateTime(page, 60));
    // The server's clock runs three hours ahead of the browser's: the start has passed for it.
    app.server.clock.advance(3 * 60 * 60_000);
    try {
      await page.getByRole('button', { name: 'Schedule the meeting' }).click();
      await page.getByText('This time has already passed on the server’s clock: choose a later time.').waitFor();
      await expect(page.getByLabel('Date and time').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('startsAt');
    } finally {
      app.server.clock.reset();
    }
  });

  it('offers Start only when the meeting can start, Cancel only while scheduled, nothing once over', async () => {
    const { page } = instructor;
    const actions = page.getByRole('group', { name: 'Meeting actions' });

    await page.goto(await meetingPath('Linear algebra — lecture 5'));
    await actions.getByRole('button', { name: 'Start the meeting' }).waitFor();

    await page.goto(await meetingPath('Project reviews'));
    await actions.getByRole('link', { name: 'Edit' }).waitFor();
    await page.getByText(/You can start it from .*, 15 minutes before\./).waitFor();
    expect(await actions.getByRole('button', { name: 'Start the meeting' }).count()).toBe(0);
    await screenshot(page, 'meeting-scheduled', { fullPage: true });

    await actions.getByRole('button', { name: 'Cancel the meeting' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this meeting?' });
    await dialog.getByLabel('Reason').fill('The rooms are closed for maintenance.');
    await dialog.getByRole('button', { name: 'Cancel the meeting' }).click();
    await page.getByText('The rooms are closed for maintenance.').waitFor();
    await page.locator('.page-header .badge', { hasText: 'Cancelled' }).waitFor();
    // The badge can change before the dialog, whose buttons sit in the same group, has closed.
    await dialog.waitFor({ state: 'hidden' });
    expect(await actions.getByRole('button').count()).toBe(0);
    expect(await actions.getByRole('link').count()).toBe(0);

    await page.goto(await meetingPath('Linear algebra — lecture 4'));
    await page.locator('.page-header .badge', { hasText: 'Ended' }).waitFor();
    expect(await actions.getByRole('button').count()).toBe(0);
    expect(await actions.getByRole('link').count()).toBe(0);
    await page.getByRole('button', { name: 'Remove' }).first().waitFor({ state: 'detached' });
  });

  it('edits a meeting, and says so when someone else changed it in the meantime', async () => {
    const { page } = instructor;
    const path = await meetingPath('Linear algebra — office hours');
    await page.goto(`${path}/edit`);
    await page.getByLabel('Title').fill('Office hours (room changed)');
    await waitForLiveUpdates(page);

    const em = app.server.em();
    const owner = await em.findOneOrFail(User, { email: 'instructor@amphi.test' });
    const meeting = await em.findOneOrFail(Meeting, { title: 'Linear algebra — office hours' });
    const other = await app.server.graphql(
      'mutation ($id: ID!) { updateMeeting(id: $id, input: { durationMinutes: 60 }) { version } }',
      { id: meeting.id },
      await app.server.tokenFor(owner),
    );
    expect(other.errors).toBeUndefined();
    await page.getByText('Someone changed this meeting since you opened this form.').waitFor();

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'changed by someone else' }).waitFor();
    await page.getByRole('button', { name: 'Load their version' }).click();
    await expect(page.getByLabel('Duration (minutes)').inputValue()).resolves.toBe('60');
    await page.getByLabel('Title').fill('Office hours (room changed)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Office hours (room changed)' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(path);
  });

  it('takes an attendance threshold from 1 to 100 %, and clears it on edit', async () => {
    const { page } = instructor;
    const threshold = page.getByLabel('Attendance needed to count as present (%)');
    const refusal = page.getByText('Enter a whole number from 1 to 100, or leave it empty.');
    const schedule = page.getByRole('button', { name: 'Schedule the meeting' });
    const before = await meetingCount();
    await page.goto('/meetings/new');
    await page.getByLabel('Title').fill('Lab safety briefing');
    await page.getByLabel('Date and time').fill(await localDateTime(page, 120));

    for (const refused of ['0', '101']) {
      await threshold.fill(refused);
      await schedule.click();
      await refusal.waitFor();
      await expect(threshold.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('attendanceThresholdPercent');
    }
    expect(await meetingCount()).toBe(before);

    await threshold.fill('80');
    await refusal.waitFor({ state: 'detached' });
    await schedule.click();
    await page.getByRole('heading', { name: 'Lab safety briefing', exact: true }).waitFor();
    await page.getByText('80% of the live time').waitFor();
    const path = await meetingPath('Lab safety briefing');
    expect(new URL(page.url()).pathname).toBe(path);
    const created = await app.server.em().findOneOrFail(Meeting, { title: 'Lab safety briefing' });
    expect(created.attendanceThresholdPercent).toBe(80);

    await page.goto(`${path}/edit`);
    await expect(threshold.inputValue()).resolves.toBe('80');
    await threshold.fill('');
    const update = page.waitForRequest((request) => request.postDataJSON()?.operationName === 'UpdateMeeting');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await update).postDataJSON().variables.input).toHaveProperty('attendanceThresholdPercent', null);
    await page.getByRole('heading', { name: 'Lab safety briefing', exact: true }).waitFor();
    await page.getByText('Attendance needed').waitFor({ state: 'detached' });
    const cleared = await app.server.em().findOneOrFail(Meeting, { title: 'Lab safety briefing' });
    expect(cleared.attendanceThresholdPercent).toBeNull();
  });

  it('shows a student no management action, and keeps them out of the organizers’ pages', async () => {
    const student = await openBrowserAs(browser, app);
    await signIn(student.page, 'student3@amphi.test');
    await student.page.goto('/meetings');
    await student.page.waitForURL('**/invitations');

    await student.page.goto(await meetingPath('Linear algebra — lecture 5'));
    await student.page.getByRole('timer', { name: 'Time before the start' }).waitFor();
    await student.page.getByRole('group', { name: /Your answer to/ }).waitFor();
    expect(await student.page.getByRole('group', { name: 'Meeting actions' }).count()).toBe(0);
    expect(await student.page.getByRole('button', { name: /Start|Edit|Cancel/ }).count()).toBe(0);
    await screenshot(student.page, 'student-meeting-countdown');

    await student.page.goto(`${await meetingPath('Statistics — tutorial')}/edit`);
    await student.page.waitForURL('**/invitations');
    await student.context.close();
  });

  it('shows another instructor’s meeting as not found', async () => {
    const other = await openBrowserAs(browser, app);
    await signIn(other.page, 'instructor2@amphi.test');
    await other.page.goto(await meetingPath('Linear algebra — lecture 5'));
    await other.page.getByRole('heading', { name: 'Meeting not found' }).waitFor();
    await other.context.close();
  });
});
