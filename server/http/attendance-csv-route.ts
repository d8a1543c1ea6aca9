import type { AppDependencies } from '../context';
import { findVisibleMeeting, managedParticipants } from '../meeting/meeting.service';
import { attendanceOf } from '../participant/attendance';
import { attendanceCsv } from '../participant/attendance-csv';
import { authorizedDownload } from './authorized-download';

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
