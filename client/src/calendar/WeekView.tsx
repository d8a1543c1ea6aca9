import { useTranslation } from 'react-i18next';
import type { CalendarMeetingFieldsFragment } from '../gql/graphql';
import { DateTile } from '../ui/DateTile';
import { useFormatters } from '../ui/useFormatters';
import { CalendarEntry } from './CalendarEntry';
import { dayKey } from './calendar-range';

interface WeekViewProps {
  days: Date[];
  meetingsByDay: Map<string, CalendarMeetingFieldsFragment[]>;
  today: string;
  /** The id of the heading naming the week. */
  labelledBy: string;
}

/** Seven day columns, Monday first (stacked on a phone), each listing its meetings. */
export function WeekView({ days, meetingsByDay, today, labelledBy }: WeekViewProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <ol className="week-view" aria-labelledby={labelledBy}>
      {days.map((day) => {
        const key = dayKey(day);
        const meetings = meetingsByDay.get(key) ?? [];
        return (
          <li key={key} className="week-view__day" aria-current={key === today ? 'date' : undefined}>
            <h3 className="week-view__heading">
              <DateTile iso={day.toISOString()} />
              <span className="sr-only">{format.longDate(day)}</span>
            </h3>
            {meetings.length > 0 ? (
              <ul className="week-view__meetings">
                {meetings.map((meeting) => (
                  <CalendarEntry key={meeting.id} meeting={meeting} />
                ))}
              </ul>
            ) : (
              <p className="week-view__free">{t('calendar.free')}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
