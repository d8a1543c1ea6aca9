import type { Request, Response } from 'express';
import { type AppDependencies, createContext } from '../context';
import { AppError, type ErrorCode } from '../errors';
import { findVisibleMeeting, managedParticipants } from '../meeting/meeting.service';
import { attendanceOf } from '../participant/attendance';
import { attendanceCsv } from '../participant/attendance-csv';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

export const ATTENDANCE_CSV_PATH = '/meetings/:id/attendance.csv';

/** GET /meetings/:id/attendance.csv with `Authorization: Bearer …`: authorised like `meeting { attendance }`. */
export function attendanceCsvHandler(deps: AppDependencies) {
  return async (request: Request<{ id: string }>, response: Response) => {
    try {
      const ctx = await createContext(deps, request.headers.authorization);
      const meeting = await findVisibleMeeting(ctx, request.params.id);
      const records = attendanceOf(await managedParticipants(ctx, meeting), ctx.clock.now());
      const day = meeting.scheduledAt.toISOString().slice(0, 10);
      response
        .type('text/csv; charset=utf-8')
        .attachment(`attendance-${day}-${meeting.id.slice(0, 8)}.csv`)
        .set('Cache-Control', 'no-store')
        .send(attendanceCsv(records));
    } catch (error) {
      const status = error instanceof AppError ? HTTP_STATUS[error.code] : undefined;
      if (error instanceof AppError && status) {
        response.status(status).json({ error: { code: error.code, message: error.message } });
      } else {
        deps.logger.error({ err: error }, 'attendance export failed');
        response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side; try again later' } });
      }
    }
  };
}
