import { randomBytes } from 'node:crypto';
import { isTimeZone } from '../../platform/config';
import type { Context } from '../../composition/context';
import { badUserInput } from '../../platform/errors';
import { requireViewer } from '../../meetings/commands/meeting-commands';
import type { User } from '../model/user.entity';
import type { CalendarFeed, Preferences } from '../graphql/preferences.type';
import type { PreferencesInput } from '../graphql/preferences.inputs';

function preferencesOf(ctx: Context, user: User): Preferences {
  return { language: user.language, timeZone: user.timeZone, defaultTimeZone: ctx.config.mail.defaultTimeZone };
}

export function myPreferences(ctx: Context): Preferences {
  return preferencesOf(ctx, requireViewer(ctx));
}

export async function updatePreferences(ctx: Context, input: PreferencesInput): Promise<Preferences> {
  const viewer = requireViewer(ctx);
  if (input.timeZone != null && !isTimeZone(input.timeZone)) {
    throw badUserInput('timeZone', 'timeZone must be an IANA time zone such as Europe/Paris');
  }
  if (input.language != null) viewer.language = input.language;
  if (input.timeZone !== undefined) viewer.timeZone = input.timeZone;
  await ctx.em.flush();
  return preferencesOf(ctx, viewer);
}

/** 192 random bits, URL-safe: the only thing standing between the feed and the world. */
export function newCalendarToken(): string {
  return randomBytes(24).toString('base64url');
}

export function calendarFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/calendar/${token}.ics`;
}

export function myCalendarFeed(ctx: Context): CalendarFeed | null {
  const { calendarToken } = requireViewer(ctx);
  return calendarToken ? { url: calendarFeedUrl(ctx.config.mail.publicUrl, calendarToken) } : null;
}

/** Creates the feed's secret address, or replaces it: the previous address stops working at once. */
export async function renewCalendarFeed(ctx: Context): Promise<CalendarFeed> {
  const viewer = requireViewer(ctx);
  viewer.calendarToken = newCalendarToken();
  await ctx.em.flush();
  return { url: calendarFeedUrl(ctx.config.mail.publicUrl, viewer.calendarToken) };
}
