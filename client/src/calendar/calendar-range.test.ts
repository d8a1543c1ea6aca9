import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dayKey, groupByDay, parseDayKey, rangeOf, shiftPeriod, visibleDays } from './calendar-range';

const day = (key: string) => parseDayKey(key)!;
const keys = (days: Date[]) => days.map(dayKey);

describe('calendar days, in a time zone with clock changes', () => {
  beforeAll(() => {
    // Paris: summer time ends on Sunday 25 October 2026.
    vi.stubEnv('TZ', 'Europe/Paris');
  });

  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('shows the week from Monday, and asks for its days midnight to midnight across a clock change', () => {
    const days = visibleDays('WEEK', day('2026-10-25'));
    expect(keys(days)).toEqual(['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25']);
    expect(rangeOf(days)).toEqual({ from: '2026-10-18T22:00:00.000Z', to: '2026-10-25T23:00:00.000Z' });
  });

  it('shows six whole weeks around a month, within the 45 days the server allows', () => {
    const days = visibleDays('MONTH', day('2026-11-18'));
    expect(days).toHaveLength(42);
    expect(dayKey(days[0]!)).toBe('2026-10-26');
    expect(dayKey(days[41]!)).toBe('2026-12-06');
    for (let month = 0; month < 24; month += 1) {
      const { from, to } = rangeOf(visibleDays('MONTH', new Date(2026, month, 1)));
      expect(new Date(from).getDay()).toBe(1);
      expect(Date.parse(to) - Date.parse(from)).toBeLessThanOrEqual(45 * 86_400_000);
    }
  });

  it('moves by a week, or to the 1st of the next month even from its 31st', () => {
    expect(dayKey(shiftPeriod('WEEK', day('2026-03-27'), 1))).toBe('2026-04-03');
    expect(dayKey(shiftPeriod('MONTH', day('2026-01-31'), 1))).toBe('2026-02-01');
    expect(dayKey(shiftPeriod('MONTH', day('2026-01-15'), -1))).toBe('2025-12-01');
  });

  it('reads only days that exist from the address', () => {
    expect(parseDayKey('2026-02-30')).toBeNull();
    expect(parseDayKey('tomorrow')).toBeNull();
    expect(parseDayKey(null)).toBeNull();
    expect(dayKey(day('2028-02-29'))).toBe('2028-02-29');
  });

  it('puts a meeting on the local day it starts', () => {
    const late = { id: 'late', scheduledAt: '2026-11-23T23:30:00Z' };
    const early = { id: 'early', scheduledAt: '2026-11-24T08:00:00Z' };
    expect(groupByDay([late, early])).toEqual(new Map([['2026-11-24', [late, early]]]));
  });
});
