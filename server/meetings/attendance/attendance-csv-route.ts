import type { AppDependencies } from '../../composition/context';
import { findVisibleMeeting, managedParticipants } from '../commands/meeting-commands';
import { attendanceOf } from './attendance';
import { attendanceCsv } from './attendance-csv';
import { authorizedDownload } from '../../transport/http/authorized-download';

export const ATTENDANCE_CSV_PATH = '/meetings/:id/attendance.csv';

/** GET /meetings/:id/attendance.csv with `Authorization: Bearer …`: authorised like `meeting { attendance }`. */
export function attendanceCsvHandler(deps: AppDependencies) {
  return authorizedDownload(deps, async (ctx, request) => {
    const meeting = await findVisibleMeeting(ctx, request.params.id);
    const records = attendanceOf(await managedParticipants(ctx, meeting), ctx.clock.now());
    const day = meeting.scheduledAt.toISOString().slice(0, 10);
    return { type: 'text/csv; charset=utf-8', filename: `attendance-${day}-${meeting.id.slice(0, 8)}.csv`, body: attendanceCsv(records) };
  });
}
