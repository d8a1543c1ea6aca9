import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Meeting } from '../../server/meetings/model/meeting.entity';
import { User } from '../../server/accounts/model/user.entity';
import { startE2EApp, type E2EApp } from './support/app-server';
import { launchBrowser } from './support/browser';
import { openBrowserAs, signIn, type Person } from './support/people';
import { screenshot } from './support/screenshots';

/** The text of one of GraphiQL's editors, with Monaco's non-breaking spaces made plain. */
async function editorText(page: Page, selector: string): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the editor's text as shown, lines broken where it renders them.
  return (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');
}

const responseText = (page: Page) => editorText(page, '.graphiql-response');

async function run(page: Page, operation: string): Promise<void> {
  await page.goto(`/graphiql?query=${encodeURIComponent(operation)}`);
  await page.locator('.graphiql-query-editor .view-lines').getByText(operation.split(/\s/)[0]!).first().waitFor();
  await page.getByRole('button', { name: /Execute query/ }).click();
}

describe('GraphiQL at /graphiql, served by Amphi itself', () => {
  let app: E2EApp;
  let browser: Browser;
  let developer: Person;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startE2EApp(), launchBrowser()]);
    developer = await openBrowserAs(browser, app, { viewport: { width: 1400, height: 860 } });
    await signIn(developer.page, 'instructor@amphi.test');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('loads with the signed-in token in its Authorization header, and runs a query with it', async () => {
    const { page } = developer;
    await run(page, 'query Me { me { displayName role } }');
    await expect.poll(() => responseText(page), { timeout: 10_000 }).toContain('Irène Instructor');
    expect(await responseText(page)).toContain('INSTRUCTOR');
    const token = await page.evaluate(() => localStorage.getItem('amphi.token'));
    await expect(editorText(page, '.graphiql-editor-tool')).resolves.toContain(`"Authorization": "Bearer ${token!.slice(0, 12)}`);
  });

  it('receives subscription events over graphql-ws', async () => {
    const { page } = developer;
    await run(page, 'subscription Live {\n  meetingEvents {\n    id\n    type\n    meeting {\n      title\n      status\n    }\n  }\n}');
    await page.waitForTimeout(500);

    const em = app.server.em();
    const owner = await em.findOneOrFail(User, { email: 'instructor@amphi.test' });
    const meeting = await em.findOneOrFail(Meeting, { title: 'Linear algebra — lecture 5' });
    const started = await app.server.graphql(
      'mutation ($id: ID!) { startMeeting(id: $id) { status } }',
      { id: meeting.id },
      await app.server.tokenFor(owner),
    );
    expect(started.errors).toBeUndefined();

    await expect.poll(() => responseText(page), { timeout: 5_000 }).toContain('STARTED');
    expect(await responseText(page)).toContain('LIVE');
    await screenshot(page, 'graphiql');
  });
});
