import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/app-server';
import { launchBrowser } from './support/browser';
import { openBrowserAs, signIn } from './support/people';
import { screenshot } from './support/screenshots';

describe('French and English: the browser’s language first, then the switcher', () => {
  let app: E2EApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startE2EApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('speaks French to a French browser, dates included', async () => {
    const { page, context } = await openBrowserAs(browser, app, { locale: 'fr-FR' });
    await page.goto('/');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.getByLabel('Adresse e-mail').waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('fr');
    await screenshot(page, 'sign-in-fr');

    await signIn(page, 'instructor@amphi.test');
    await page.getByRole('heading', { name: 'Séances' }).waitFor();
    await page.getByRole('link', { name: 'Nouvelle séance' }).waitFor();
    await page.getByRole('navigation', { name: 'Afficher les séances' }).getByRole('link', { name: 'À venir' }).waitFor();
    await page.getByTestId('signed-in-user').getByText('Enseignant').waitFor();
    const lecture = page.getByTestId('meeting-item').filter({ hasText: 'Linear algebra — lecture 5' });
    await lecture.getByText('Programmée').waitFor();
    await expect(lecture.locator('time').textContent()).resolves.toMatch(/^(lun|mar|mer|jeu|ven|sam|dim)\. \d{1,2} \S+ \d{2}:\d{2}$/);
    await screenshot(page, 'meetings-fr');
    await context.close();
  });

  it('switches to English and remembers the choice', async () => {
    const { page, context } = await openBrowserAs(browser, app, { locale: 'fr-FR' });
    await signIn(page, 'student2@amphi.test');
    await page.getByRole('heading', { name: 'Mes invitations' }).waitFor();
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My invitations' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'My invitations' }).waitFor();
    await expect(page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await context.close();
  });

  it('fits a phone screen', async () => {
    const { page, context } = await openBrowserAs(browser, app, { viewport: { width: 390, height: 844 } });
    await signIn(page, 'student1@amphi.test');
    await page.getByRole('heading', { name: 'My invitations' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Sign out stays on the line of the other header tools instead of wrapping onto its own.
    const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox();
    const language = await page.getByRole('group', { name: 'Language' }).boundingBox();
    expect(signOut!.y).toBeLessThan(language!.y + language!.height);
    await screenshot(page, 'invitations-phone', { fullPage: true });
    await context.close();
  });
});
