import { requireViewer } from '../../accounts/graphql/viewer';
import { findVisibleMeetingRow } from '../../meetings/read/meeting-list';
import { authorizedDownload } from '../../transport/http/authorized-download';
import type { RouteDependencies } from '../../transport/http/routes';
import type { CalendarContext } from '../calendar-context';
import { meetingFileIcs } from '../ics/meeting-ics';

export const MEETING_ICS_PATH = '/meetings/:id/calendar.ics';

/** GET /meetings/:id/calendar.ics with `Authorization: Bearer …`: the meeting to add to a calendar, for whoever may see it. */
export function meetingIcsHandler(deps: RouteDependencies<CalendarContext>) {
  return authorizedDownload(deps, async (ctx, request) => {
    const meeting = await findVisibleMeetingRow(ctx.em, requireViewer(ctx), request.params.id);
    const day = meeting.scheduledAt.toISOString().slice(0, 10);
    return {
      type: 'text/calendar; charset=utf-8',
      filename: `meeting-${day}-${meeting.id.slice(0, 8)}.ics`,
      body: meetingFileIcs(meeting, meeting.instructor, { publicUrl: ctx.config.mail.publicUrl, now: ctx.clock.now() }),
    };
  });
}
