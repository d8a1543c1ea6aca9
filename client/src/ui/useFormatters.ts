import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** An ISO date-time from the API, or a date computed in the browser. */
type Moment = string | Date;

export interface Formatters {
  /** "Tue 24 Nov, 14:30": lists and cards. */
  dateTime(moment: Moment): string;
  /** "Tuesday 24 November 2026 at 14:30": the meeting page. */
  longDateTime(moment: Moment): string;
  time(moment: Moment): string;
  /** "Tuesday 24 November 2026": a calendar's day, for screen readers. */
  longDate(moment: Moment): string;
  /** "24 Nov 2026". */
  shortDate(moment: Moment): string;
  /** "November 2026". */
  month(moment: Moment): string;
  /** "Tue". */
  weekday(moment: Moment): string;
  /** "45 min", "1 h 30 min". */
  duration(minutes: number): string;
}

/** The browser's own variant of the interface's language (en-GB, fr-CA…): dates as people write them. */
export function formattingLocale(language: string): string {
  return navigator.languages.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

/** Dates and durations in the interface's language and the browser's time zone. */
export function useFormatters(): Formatters {
  const { t, i18n } = useTranslation();
  const locale = formattingLocale(i18n.resolvedLanguage ?? 'en');
  return useMemo(() => {
    const short = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    const long = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
    const shortDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
    const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' });
    return {
      dateTime: (moment) => short.format(new Date(moment)),
      longDateTime: (moment) => long.format(new Date(moment)),
      time: (moment) => time.format(new Date(moment)),
      longDate: (moment) => longDate.format(new Date(moment)),
      shortDate: (moment) => shortDate.format(new Date(moment)),
      month: (moment) => month.format(new Date(moment)),
      weekday: (moment) => weekday.format(new Date(moment)),
      duration(minutes) {
        const hours = Math.floor(minutes / 60);
        const rest = minutes % 60;
        if (hours === 0) return t('format.minutes', { minutes: rest });
        return rest === 0 ? t('format.hours', { hours }) : t('format.hoursMinutes', { hours, minutes: rest });
      },
    };
  }, [locale, t]);
}

/** The browser's time zone, e.g. "Europe/Paris": the one every date in the interface is shown in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
