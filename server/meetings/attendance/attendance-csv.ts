import type { AttendanceRecord } from './attendance';

const COLUMNS = ['name', 'email', 'rsvp', 'attendance', 'joined_at', 'left_at', 'attended_seconds', 'attended_minutes'];

/**
 * RFC 4180 quoting, and a leading apostrophe on anything a spreadsheet would run as a formula
 * (a display name such as "=HYPERLINK(…)" stays text).
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a byte-order mark, so spreadsheets show accented names correctly. */
export function attendanceCsv(records: AttendanceRecord[]): string {
  const rows = records.map((record) => [
    record.user.displayName,
    record.user.email,
    record.rsvp,
    record.status,
    record.joinedAt?.toISOString() ?? null,
    record.leftAt?.toISOString() ?? null,
    record.attendedSeconds,
    Math.round(record.attendedSeconds / 60),
  ]);
  return `\uFEFF${[COLUMNS, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
