import type { Request, Response } from 'express';
import type { AppDependencies } from '../../composition/context';
import { User } from '../../accounts/model/user.entity';
import { calendarFeedIcs, meetingEvent } from '../ics/meeting-ics';
import { meetingsBetween, takingPartIn } from '../../meetings/read/meetings-between';

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
export function calendarFeedHandler(deps: AppDependencies) {
  return async (request: Request<{ file: string }>, response: Response) => {
    const token = FEED_FILE.exec(request.params.file)?.[1];
    const em = deps.orm.em.fork();
    const user = token ? await em.findOne(User, { calendarToken: token }) : null;
    if (!user) {
      response.status(404).type('text/plain').send('No calendar at this address; it may have been renewed.');
      return;
    }
    const now = deps.clock.now();
    const meetings = await meetingsBetween(
      em,
      takingPartIn(user, { includeDeclined: false }),
      new Date(now.getTime() - FEED_HISTORY_DAYS * 86_400_000),
      new Date(now.getTime() + FEED_HORIZON_DAYS * 86_400_000),
      MAX_FEED_MEETINGS,
    );
    const events = meetings.map((meeting) => meetingEvent(meeting, meeting.instructor.getEntity(), { publicUrl: deps.config.mail.publicUrl, now }));
    response
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', 'inline; filename="amphi.ics"')
      .set('Cache-Control', 'private, max-age=300')
      .send(calendarFeedIcs(`Amphi — ${user.displayName}`, events));
  };
}
