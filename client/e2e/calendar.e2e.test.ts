import { readFileSync } from 'node:fs';
import { ref } from '@mikro-orm/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meeting } from '../../server/meetings/model/meeting.entity';
import { MeetingParticipant } from '../../server/meetings/model/participant.entity';
import { InvitationResponse } from '../../server/meetings/model/participant-status';
import { Role, TEST_PASSWORD } from '../../server/testing/test-server';
import { User } from '../../server/accounts/model/user.entity';
import { startE2EApp, type E2EApp } from './support/app-server';
import { launchBrowser } from './support/browser';
import { openBrowserAs, signIn, type Person } from './support/people';
import { screenshot } from './support/screenshots';

const LAB = 'Optics — lab session';
const LIVE = 'Optics — questions';
const TRIP = 'Optics — field trip';
const REVIEW = 'Optics — exam review';

/** Moments in the browser's time zone (Paris), whatever the test machine's, as epoch milliseconds. */
function browserMoments(page: Page) {
  return page.evaluate(() => {
    const now = new Date();
    const today = (hour: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour).getTime();
    return {
      now: now.getTime(),
      midnight: today(0),
      noon: today(12),
      four: today(16),
      // No month view of this month reaches the 15th of the next one.
      nextMonth: new Date(now.getFullYear(), now.getMonth() + 1, 15, 10).getTime(),
    };
  });
}

/** How the page names a day or a month, in the browser's language and zone. */
function browserDate(page: Page, at: number, options: Intl.DateTimeFormatOptions): Promise<string> {
  return page.evaluate(([moment, format]) => new Intl.DateTimeFormat('en-GB', format).format(new Date(moment)), [at, options] as const);
}

describe('the calendar: a week, a month, and a feed to subscribe to', () => {
  let app: E2EApp;
  let browser: Browser;
  let instructor: User;
  let student: User;
  let teacher: Person;
  let moments: Awaited<ReturnType<typeof browserMoments>>;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    [app, browser] = await Promise.all([startE2EApp(), launchBrowser()]);
    instructor = await app.server.createUser(Role.INSTRUCTOR, 'Carla Calendar');
    student = await app.server.createUser(Role.STUDENT, 'Cyril Calendar');
    teacher = await openBrowserAs(browser, app);
    moments = await browserMoments(teacher.page);

    const em = app.server.em();
    const schedule = (title: string, at: number) => {
      const meeting = new Meeting({ title, scheduledAt: new Date(at), durationMinutes: 60, instructor: ref(em.getReference(User, instructor.id)) });
      ids.set(title, meeting.id);
      em.persist(meeting);
      return meeting;
    };
    const invite = (meeting: Meeting) => {
      const invitation = new MeetingParticipant(ref(meeting), ref(em.getReference(User, student.id)), new Date());
      em.persist(invitation);
      return invitation;
    };
    invite(schedule(LAB, moments.noon)).respond(InvitationResponse.DECLINE, new Date());
    schedule(LIVE, Math.max(moments.midnight, moments.now - 5 * 60_000)).start(new Date());
    const trip = schedule(TRIP, moments.four);
    trip.cancel(new Date(), 'The coach broke down.');
    invite(trip);
    schedule(REVIEW, moments.nextMonth);
    await em.flush();

    await signIn(teacher.page, instructor.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('lists this week’s meetings on their day, live and cancelled ones marked, and nothing from next month', async () => {
    const { page } = teacher;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    const week = page.getByRole('list', { name: /^Week of \d{1,2} \S+ \d{4}$/ });
    await week.waitFor();
    expect(await week.locator(':scope > li').count()).toBe(7);

    const todayName = await browserDate(page, moments.now, { dateStyle: 'full' });
    const today = week.getByRole('listitem').filter({ has: page.getByRole('heading', { name: todayName, exact: true }) });
    await expect(today.getAttribute('aria-current')).resolves.toBe('date');
    const lab = today.getByRole('link', { name: `12:00–13:00 ${LAB}` });
    await expect(lab.getAttribute('href')).resolves.toBe(`/meetings/${ids.get(LAB)}`);
    await today.getByRole('listitem').filter({ hasText: LIVE }).getByText('Live', { exact: true }).waitFor();
    const trip = today.getByRole('listitem').filter({ hasText: TRIP });
    await trip.getByText('Cancelled', { exact: true }).waitFor();
    await expect(trip.getByText(TRIP).evaluate((title) => getComputedStyle(title).textDecorationLine)).resolves.toBe('line-through');
    expect(await page.getByText(REVIEW).count()).toBe(0);
  });

  it('finds next month’s meeting in the month view, one month on', async () => {
    const { page } = teacher;
    await page.getByRole('navigation', { name: 'Calendar view' }).getByRole('link', { name: 'Month' }).click();
    const thisMonth = page.getByRole('table', { name: await browserDate(page, moments.now, { month: 'long', year: 'numeric' }), exact: true });
    await thisMonth.getByRole('link', { name: `12:00 ${LAB}` }).waitFor();
    await expect(
      thisMonth
        .locator('td[aria-current="date"]')
        .getByRole('link', { name: `12:00 ${LAB}` })
        .count(),
    ).resolves.toBe(1);
    expect(await page.getByText(REVIEW).count()).toBe(0);
    await screenshot(page, 'calendar-month', { fullPage: true });

    await page.getByRole('button', { name: 'Next month' }).click();
    const nextMonth = page.getByRole('table', { name: await browserDate(page, moments.nextMonth, { month: 'long', year: 'numeric' }), exact: true });
    const fifteenth = nextMonth
      .getByRole('cell')
      .filter({ has: page.getByRole('link', { name: await browserDate(page, moments.nextMonth, { dateStyle: 'full' }), exact: true }) });
    const review = fifteenth.getByRole('link', { name: `10:00 ${REVIEW}` });
    await expect(review.getAttribute('href')).resolves.toBe(`/meetings/${ids.get(REVIEW)}`);
    expect(await nextMonth.getByText(LAB).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('view')).toBe('month');
  });

  it('creates a calendar link, copies it, and resets it: the feed follows the new link only', async () => {
    const { page, context } = teacher;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.baseUrl });
    const panel = page.getByRole('region', { name: 'Subscribe in your calendar' });
    await panel.getByRole('button', { name: 'Create my calendar link' }).click();
    const link = panel.getByRole('textbox', { name: 'Your calendar link' });
    await link.waitFor();
    const first = await link.inputValue();
    expect(first).toMatch(/^https:\/\/amphi\.example\.test\/calendar\/[\w-]{16,64}\.ics$/);

    await panel.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(first);

    await panel.getByRole('button', { name: 'Reset link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset your calendar link?' });
    await dialog.getByText('The current link stops working at once').waitFor();
    await dialog.getByRole('button', { name: 'Reset link' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => link.inputValue()).not.toBe(first);
    const second = await link.inputValue();
    expect(second).toMatch(/^https:\/\/amphi\.example\.test\/calendar\/[\w-]{16,64}\.ics$/);

    const feed = await fetch(`${app.baseUrl}${new URL(second).pathname}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`SUMMARY:${LAB}`);
    expect((await fetch(`${app.baseUrl}${new URL(first).pathname}`)).status).toBe(404);
  });

  it('shows a student the meetings they declined, dimmed and said so', async () => {
    const { page, context } = await openBrowserAs(browser, app);
    await signIn(page, student.email, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Calendar', exact: true }).click();
    const today = page.locator('.week-view__day[aria-current="date"]');
    const lab = today.getByRole('listitem').filter({ hasText: LAB });
    await lab.getByText('Declined', { exact: true }).waitFor();
    await expect(lab.getAttribute('class')).resolves.toContain('calendar-entry--declined');
    await today.getByRole('listitem').filter({ hasText: TRIP }).getByText('Cancelled', { exact: true }).waitFor();
    expect(await today.getByText(LIVE).count()).toBe(0);

    // The meeting's page offers it as a file for any calendar program, with the UID of the mail and the feed.
    await lab.getByRole('link').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to my calendar (.ics)' }).click()]);
    expect(download.suggestedFilename()).toBe('optics-lab-session.ics');
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain(`UID:${ids.get(LAB)}@amphi`);
    expect(ics).toContain(`SUMMARY:${LAB}`);
    await context.close();
  });

  it('tells the server the browser’s time zone, and the language chosen, for the mail', async () => {
    const { page } = teacher;
    const token = await app.server.tokenFor(instructor);
    const preferences = async () => (await app.server.graphql('{ myPreferences { language timeZone } }', {}, token)).data?.myPreferences;
    await expect.poll(preferences).toEqual({ language: 'EN', timeZone: 'Europe/Paris' });

    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Calendrier', level: 1 }).waitFor();
    await expect.poll(preferences).toEqual({ language: 'FR', timeZone: 'Europe/Paris' });
  });
});
