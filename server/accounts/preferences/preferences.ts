import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isTimeZone } from '../../platform/config';
import { badUserInput } from '../../platform/errors';
import type { Language } from '../model/language';
import type { User } from '../model/user.entity';

/** How Amphi writes to a user, and the campus default they fall back on. */
export interface Preferences {
  language: Language;
  timeZone: string | null;
  defaultTimeZone: string;
}

export function preferencesOf(user: User, defaultTimeZone: string): Preferences {
  return { language: user.language, timeZone: user.timeZone, defaultTimeZone };
}

export interface PreferencesChange {
  language?: Language;
  /** null returns to the campus default. */
  timeZone?: string | null;
}

/** Changes the user's own preferences (the user is managed by `em`). */
export async function updatePreferences(em: EntityManager, user: User, change: PreferencesChange): Promise<void> {
  if (change.timeZone != null && !isTimeZone(change.timeZone)) {
    throw badUserInput('timeZone', 'timeZone must be an IANA time zone such as Europe/Paris');
  }
  if (change.language != null) user.language = change.language;
  if (change.timeZone !== undefined) user.timeZone = change.timeZone;
  await em.flush();
}

/** 192 random bits, URL-safe: the only thing standing between the feed and the world. */
export function newCalendarToken(): string {
  return randomBytes(24).toString('base64url');
}

export function calendarFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/calendar/${token}.ics`;
}

/** Creates the feed's secret address, or replaces it: the previous address stops working at once. */
export async function renewCalendarToken(em: EntityManager, user: User): Promise<string> {
  user.calendarToken = newCalendarToken();
  await em.flush();
  return user.calendarToken;
}
