import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const DIRECTORY = path.resolve(__dirname, '../../../docs/screenshots');

/** Saves docs/screenshots/<name>.png for the README; transient toasts are left out. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(DIRECTORY, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({
    path: path.join(DIRECTORY, `${name}.png`),
    fullPage: options.fullPage ?? false,
    animations: 'disabled',
    caret: 'hide',
    style: '.toasts { display: none !important; }',
  });
}
