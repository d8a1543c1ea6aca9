import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../server/seed/demo-data';
import type { E2EApp } from './app-server';
import { serveJitsiStandIn } from './jitsi-stand-in';

export interface Person {
  context: BrowserContext;
  page: Page;
}

interface PersonOptions {
  locale?: string;
  viewport?: { width: number; height: number };
}

/** Records the system notifications the page shows (headless Chromium displays none). */
const RECORD_NOTIFICATIONS = `
  window.__notifications = [];
  window.Notification = class {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) { window.__notifications.push({ title, body: options?.body ?? '' }); }
    close() {}
  };
`;

/** A person at their own browser (a separate context: own storage, own session), time zone Paris. */
export async function openBrowserAs(browser: Browser, app: E2EApp, options: PersonOptions = {}): Promise<Person> {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: options.locale ?? 'en-GB',
    timezoneId: 'Europe/Paris',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  // Fail fast and say where: a missing element is a finding, not something to wait 30 s for.
  context.setDefaultTimeout(10_000);
  await serveJitsiStandIn(context);
  await context.addInitScript(RECORD_NOTIFICATIONS);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  return { context, page };
}

/** Signs in through the sign-in page (in whatever language it speaks) and waits for the landing page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('signed-in-user').waitFor();
}

/** Waits until the page follows live events (its subscription is connected). */
export async function waitForLiveUpdates(page: Page): Promise<void> {
  await page.locator('[data-live-state="live"]').waitFor();
}

export function notifications(page: Page): Promise<Array<{ title: string; body: string }>> {
  return page.evaluate(() => (window as unknown as { __notifications: Array<{ title: string; body: string }> }).__notifications);
}
