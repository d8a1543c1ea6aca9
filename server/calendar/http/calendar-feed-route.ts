import type { Request, Response } from 'express';
import { User } from '../../accounts/model/user.entity';
import { meetingsTakenPartIn } from '../../meetings/access';
import { meetingsBetween } from '../../meetings/read/meetings-between';
import type { RouteDependencies } from '../../transport/http/routes';
import type { CalendarContext } from '../calendar-context';
import { calendarFeedIcs, meetingEvent } from '../ics/meeting-ics';

export const CALENDAR_FEED_PATH = '/calendar/:file';

const FEED_FILE = /^([\w-]{16,64})\.ics$/;
/** Recent meetings stay in the feed a while, so a calendar keeps the term's history. */
const FEED_HISTORY_DAYS = 90;
const FEED_HORIZON_DAYS = 366;
const MAX_FEED_MEETINGS = 2000;

/**
 * GET /calendar/<secret>.ics: the meetings its owner teaches or has not declined, from three months
 * back to a year ahead. The secret in the address is the only credential, as calendar programs send
 * no other; an unknown one is a plain 404.
 */
export function calendarFeedHandler(deps: Pick<RouteDependencies<CalendarContext>, 'contextFor'>) {
  return async (request: Request<{ file: string }>, response: Response) => {
    const token = FEED_FILE.exec(request.params.file)?.[1];
    // The secret in the address is the credential: the context signs nobody in.
    const { em, clock, config } = await deps.contextFor(undefined);
    const user = token ? await em.findOne(User, { calendarToken: token }) : null;
    if (!user) {
      response.status(404).type('text/plain').send('No calendar at this address; it may have been renewed.');
      return;
    }
    const now = clock.now();
    const meetings = await meetingsBetween(
      em,
      meetingsTakenPartIn(user, { declinedToo: false }),
      new Date(now.getTime() - FEED_HISTORY_DAYS * 86_400_000),
      new Date(now.getTime() + FEED_HORIZON_DAYS * 86_400_000),
      MAX_FEED_MEETINGS,
    );
    const events = meetings.map((meeting) => meetingEvent(meeting, meeting.instructor, { publicUrl: config.mail.publicUrl, now }));
    response
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', 'inline; filename="amphi.ics"')
      .set('Cache-Control', 'private, max-age=300')
      .send(calendarFeedIcs(`Amphi — ${user.displayName}`, events));
  };
}
