// Calendar days in the browser’s time zone, weeks starting on Monday.

export const CALENDAR_VIEWS = ['WEEK', 'MONTH'] as const;

export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** A month view shows six whole weeks, whatever the month: the grid never changes height. */
const DAYS_SHOWN: Record<CalendarView, number> = { WEEK: 7, MONTH: 42 };

/** Midnight `count` days after `date`: calendar days, so a day with a clock change counts as one. */
export function addDays(date: Date, count: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + count);
}

/** Midnight on the Monday on or before `date`. */
export function startOfWeek(date: Date): Date {
  return addDays(date, -((date.getDay() + 6) % 7));
}

/** The days on screen: the week of `anchor`, or six weeks from the Monday on or before the 1st of its month. */
export function visibleDays(view: CalendarView, anchor: Date): Date[] {
  const first = startOfWeek(view === 'WEEK' ? anchor : new Date(anchor.getFullYear(), anchor.getMonth(), 1));
  return Array.from({ length: DAYS_SHOWN[view] }, (_, index) => addDays(first, index));
}

/** From the first day's midnight to the midnight after the last day: the `calendar` query's [from, to). */
export function rangeOf(days: readonly Date[]): { from: string; to: string } {
  return { from: days[0]!.toISOString(), to: addDays(days[days.length - 1]!, 1).toISOString() };
}

/** One week, or one month (to its 1st), earlier or later. */
export function shiftPeriod(view: CalendarView, anchor: Date, direction: 1 | -1): Date {
  return view === 'WEEK' ? addDays(anchor, 7 * direction) : new Date(anchor.getFullYear(), anchor.getMonth() + direction, 1);
}

/** "2026-11-24": the local day, as written in the calendar's address and used to sort meetings into days. */
export function dayKey(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day a `dayKey` names, or null for anything else (including days that do not exist, like 2026-02-30). */
export function parseDayKey(value: string | null): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dayKey(date) === value ? date : null;
}

/** Meetings by the local day they start on, each day's in the order given. */
export function groupByDay<T extends { scheduledAt: string }>(meetings: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const meeting of meetings) {
    const key = dayKey(new Date(meeting.scheduledAt));
    days.set(key, [...(days.get(key) ?? []), meeting]);
  }
  return days;
}
