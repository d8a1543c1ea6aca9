import { requireViewer } from '../accounts/graphql/viewer';
import { authorizedDownload } from '../transport/http/authorized-download';
import type { HttpRoutes, RouteDependencies } from '../transport/http/routes';
import { attendanceOf } from './attendance/attendance';
import { attendanceCsv } from './attendance/attendance-csv';
import type { MeetingsContext } from './graphql/meetings-context';
import { managedParticipants } from './read/managed-participants';
import { findVisibleMeetingRow } from './read/meeting-list';

export const ATTENDANCE_CSV_PATH = '/meetings/:id/attendance.csv';

/** GET /meetings/:id/attendance.csv with `Authorization: Bearer …`: authorised like `meeting { attendance }`. */
export function meetingRoutes(deps: RouteDependencies<MeetingsContext>): HttpRoutes {
  const attendanceDownload = authorizedDownload(deps, async (ctx, request) => {
    const viewer = requireViewer(ctx);
    const meeting = await findVisibleMeetingRow(ctx.em, viewer, request.params.id);
    const records = attendanceOf(await managedParticipants(ctx.loaders, viewer, meeting), ctx.clock.now());
    const day = meeting.scheduledAt.toISOString().slice(0, 10);
    return { type: 'text/csv; charset=utf-8', filename: `attendance-${day}-${meeting.id.slice(0, 8)}.csv`, body: attendanceCsv(records) };
  });
  return (router) => router.get(ATTENDANCE_CSV_PATH, attendanceDownload);
}
