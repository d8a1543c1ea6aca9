import { useTranslation } from 'react-i18next';
import { formattingLocale } from './useFormatters';

/** A calendar-page tile: weekday, day and month of a date. */
export function DateTile({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const date = new Date(iso);
  const locale = formattingLocale(i18n.resolvedLanguage ?? 'en');
  return (
    <span className="date-tile" aria-hidden="true">
      <span className="date-tile__month">{date.toLocaleDateString(locale, { month: 'short' })}</span>
      <span className="date-tile__day">{date.getDate()}</span>
      <span className="date-tile__weekday">{date.toLocaleDateString(locale, { weekday: 'short' })}</span>
    </span>
  );
}
