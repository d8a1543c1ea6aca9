import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { currentTab, FilterTabs } from '../ui/FilterTabs';
import { LoadingState } from '../ui/LoadingState';
import { useFormatters } from '../ui/useFormatters';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { CalendarQuery } from './calendar-query';
import { CALENDAR_VIEWS, dayKey, groupByDay, parseDayKey, rangeOf, shiftPeriod, visibleDays } from './calendar-range';
import { MonthView } from './MonthView';
import { WeekView } from './WeekView';

const PERIOD_HEADING = 'calendar-period';

/** The viewer's meetings by week or by month (`?view=month&date=2026-11-24`), and their calendar feed. */
export function CalendarPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [search, setSearch] = useSearchParams();
  const view = currentTab(search, 'view', CALENDAR_VIEWS);
  const today = new Date();
  const anchor = parseDayKey(search.get('date')) ?? today;
  const days = visibleDays(view, anchor);
  const { data, error, refetch } = useQuery(CalendarQuery, { variables: rangeOf(days) });
  useDocumentTitle(t('calendar.title'));

  const showDay = (day: Date | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (day) next.set('date', dayKey(day));
        else next.delete('date');
        return next;
      },
      { replace: true },
    );

  const period = view === 'WEEK' ? t('calendar.weekOf', { date: format.shortDate(days[0]!) }) : format.month(anchor);
  const meetingsByDay = groupByDay(data?.calendar ?? []);

  return (
    <>
      <div className="page-header">
        <h1>{t('calendar.title')}</h1>
      </div>
      <div className="calendar-toolbar">
        <FilterTabs
          label={t('calendar.viewLabel')}
          param="view"
          current={view}
          tabs={CALENDAR_VIEWS.map((value) => ({ value, label: t(`calendar.view.${value}`) }))}
        />
        {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a part of a form: a fieldset would bring a form's border and legend. */}
        <div className="calendar-toolbar__moves" role="group" aria-label={t('calendar.moves')}>
          <button
            type="button"
            className="button button--small"
            aria-label={t(`calendar.previous.${view}`)}
            onClick={() => showDay(shiftPeriod(view, anchor, -1))}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <button type="button" className="button button--small" onClick={() => showDay(null)}>
            {t('calendar.today')}
          </button>
          <button
            type="button"
            className="button button--small"
            aria-label={t(`calendar.next.${view}`)}
            onClick={() => showDay(shiftPeriod(view, anchor, 1))}
          >
            <span aria-hidden="true">›</span>
          </button>
        </div>
        <h2 id={PERIOD_HEADING} className="calendar-toolbar__period" aria-live="polite">
          {period}
        </h2>
      </div>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <LoadingState label={t('calendar.loading')} />
      ) : data.calendar.length === 0 ? (
        <EmptyState title={t('calendar.empty')} />
      ) : view === 'WEEK' ? (
        <WeekView days={days} meetingsByDay={meetingsByDay} today={dayKey(today)} labelledBy={PERIOD_HEADING} />
      ) : (
        <MonthView days={days} month={anchor.getMonth()} meetingsByDay={meetingsByDay} today={dayKey(today)} labelledBy={PERIOD_HEADING} />
      )}
      <CalendarFeedPanel />
    </>
  );
}
