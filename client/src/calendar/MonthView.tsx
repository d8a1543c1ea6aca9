import { Link } from 'react-router';
import type { CalendarMeetingFieldsFragment } from '../gql/graphql';
import { useFormatters } from '../ui/useFormatters';
import { CalendarEntry } from './CalendarEntry';
import { dayKey } from './calendar-range';

interface MonthViewProps {
  /** Six weeks, Monday first. */
  days: Date[];
  /** 0–11: the month shown; the other days are dimmed. */
  month: number;
  meetingsByDay: Map<string, CalendarMeetingFieldsFragment[]>;
  today: string;
  /** The id of the heading naming the month. */
  labelledBy: string;
}

/** A table of six weeks; each day opens its week, each meeting its page. */
export function MonthView({ days, month, meetingsByDay, today, labelledBy }: MonthViewProps) {
  const format = useFormatters();
  const weeks = Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
  return (
    <table className="month-view" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {weeks[0]!.map((day) => (
            <th key={day.getDay()} scope="col">
              {format.weekday(day)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={dayKey(week[0]!)}>
            {week.map((day) => {
              const key = dayKey(day);
              const meetings = meetingsByDay.get(key) ?? [];
              const outside = day.getMonth() !== month;
              return (
                <td
                  key={key}
                  className={`month-view__day${outside ? ' month-view__day--outside' : ''}`}
                  aria-current={key === today ? 'date' : undefined}
                >
                  <Link className="month-view__date" to={`?view=week&date=${key}`} aria-label={format.longDate(day)}>
                    {day.getDate()}
                  </Link>
                  {meetings.length > 0 && (
                    <>
                      <ul className="month-view__meetings">
                        {meetings.map((meeting) => (
                          <CalendarEntry key={meeting.id} meeting={meeting} compact />
                        ))}
                      </ul>
                      <span className="month-view__count" aria-hidden="true">
                        {meetings.length}
                      </span>
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
