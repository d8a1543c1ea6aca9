import type { Page } from 'playwright-core';

/** A `datetime-local` value some minutes from now, in the browser's time zone (not the test's). */
export function localDateTime(page: Page, minutesFromNow: number): Promise<string> {
  return page.evaluate((offset) => {
    const date = new Date(Date.now() + offset * 60_000);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }, minutesFromNow);
}
