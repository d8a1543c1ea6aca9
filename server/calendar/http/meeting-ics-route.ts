import type { AppDependencies } from '../../composition/context';
import { authorizedDownload } from '../../transport/http/authorized-download';
import { findVisibleMeeting } from '../../meetings/commands/meeting-commands';
import { User } from '../../accounts/model/user.entity';
import { meetingFileIcs } from '../ics/meeting-ics';

export const MEETING_ICS_PATH = '/meetings/:id/calendar.ics';

/** GET /meetings/:id/calendar.ics with `Authorization: Bearer …`: the meeting to add to a calendar, for whoever may see it. */
export function meetingIcsHandler(deps: AppDependencies) {
  return authorizedDownload(deps, async (ctx, request) => {
    const meeting = await findVisibleMeeting(ctx, request.params.id);
    const instructor = await ctx.em.findOneOrFail(User, { id: meeting.instructor.id });
    const day = meeting.scheduledAt.toISOString().slice(0, 10);
    return {
      type: 'text/calendar; charset=utf-8',
      filename: `meeting-${day}-${meeting.id.slice(0, 8)}.ics`,
      body: meetingFileIcs(meeting, instructor, { publicUrl: deps.config.mail.publicUrl, now: ctx.clock.now() }),
    };
  });
}
