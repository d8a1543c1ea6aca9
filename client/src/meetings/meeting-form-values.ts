export interface StudentOption {
  id: string;
  displayName: string;
  email: string;
}

export interface MeetingFormValues {
  title: string;
  description: string;
  /** A `datetime-local` value ("2026-11-24T14:30"), in the browser's time zone. */
  startsAt: string;
  durationMinutes: string;
  /** Empty: joining the room is enough to count as present. */
  attendanceThresholdPercent: string;
  students: StudentOption[];
}

export type MeetingFormField = 'title' | 'description' | 'scheduledAt' | 'durationMinutes' | 'attendanceThresholdPercent' | 'studentIds';

/** Translation keys under `meetingForm.errors`. */
export type MeetingFormProblem =
  | 'titleRequired'
  | 'titleTooLong'
  | 'descriptionTooLong'
  | 'startRequired'
  | 'startInPast'
  | 'durationRange'
  | 'thresholdRange';

export const DURATION_LIMITS = { min: 5, max: 480 } as const;
export const THRESHOLD_LIMITS = { min: 1, max: 100 } as const;
const TITLE_MAX = 200;
const DESCRIPTION_MAX = 5000;

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (read in the browser's time zone) as an ISO instant, or null if incomplete. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The attendance threshold to send: null when the field is empty. */
export function thresholdFromInput(value: string): number | null {
  return value.trim() ? Number(value) : null;
}

/** Today at midnight: the picker's lower bound, which also aligns its 5-minute steps on the hour. */
export function startOfToday(): string {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return toLocalInput(today);
}

/** The next full hour at least 30 minutes away: a sensible start for a new meeting. */
export function defaultStart(now: Date): string {
  const start = new Date(now.getTime() + 30 * 60_000);
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  return toLocalInput(start);
}

/**
 * What the server would refuse, checked before sending. The start must be in the future only when it
 * is set or moved, as on the server.
 */
export function validateMeetingForm(
  values: MeetingFormValues,
  { startMustBeFuture, now }: { startMustBeFuture: boolean; now: Date },
): Partial<Record<MeetingFormField, MeetingFormProblem>> {
  const problems: Partial<Record<MeetingFormField, MeetingFormProblem>> = {};
  const title = values.title.trim();
  if (!title) problems.title = 'titleRequired';
  else if (title.length > TITLE_MAX) problems.title = 'titleTooLong';
  if (values.description.length > DESCRIPTION_MAX) problems.description = 'descriptionTooLong';
  const start = fromLocalInput(values.startsAt);
  if (!start) problems.scheduledAt = 'startRequired';
  else if (startMustBeFuture && new Date(start).getTime() <= now.getTime()) problems.scheduledAt = 'startInPast';
  if (!isWholeNumberWithin(Number(values.durationMinutes), DURATION_LIMITS)) problems.durationMinutes = 'durationRange';
  const threshold = thresholdFromInput(values.attendanceThresholdPercent);
  if (threshold !== null && !isWholeNumberWithin(threshold, THRESHOLD_LIMITS)) problems.attendanceThresholdPercent = 'thresholdRange';
  return problems;
}

function isWholeNumberWithin(value: number, { min, max }: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
