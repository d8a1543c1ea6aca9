import type { HttpRoutes, RouteDependencies } from '../transport/http/routes';
import type { CalendarContext } from './calendar-context';
import { CALENDAR_FEED_PATH, calendarFeedHandler } from './http/calendar-feed-route';
import { MEETING_ICS_PATH, meetingIcsHandler } from './http/meeting-ics-route';

/** The personal feed, and a single meeting as a file. */
export function calendarRoutes(deps: RouteDependencies<CalendarContext>): HttpRoutes {
  const feed = calendarFeedHandler(deps);
  const meetingFile = meetingIcsHandler(deps);
  return (router) => {
    router.get(CALENDAR_FEED_PATH, feed);
    router.get(MEETING_ICS_PATH, meetingFile);
  };
}
