import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** "Tue 24 Nov, 14:30": lists and cards. */
  dateTime(iso: string): string;
  /** "Tuesday 24 November 2026 at 14:30": the meeting page. */
  longDateTime(iso: string): string;
  time(iso: string): string;
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
    return {
      dateTime: (iso) => short.format(new Date(iso)),
      longDateTime: (iso) => long.format(new Date(iso)),
      time: (iso) => time.format(new Date(iso)),
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
