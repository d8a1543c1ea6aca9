import { describe, expect, it } from 'vitest';
import { thresholdFromInput, validateMeetingForm, type MeetingFormValues } from './meeting-form-values';

const values: MeetingFormValues = {
  title: 'Seminar',
  description: '',
  startsAt: '2026-11-25T14:00',
  durationMinutes: '60',
  attendanceThresholdPercent: '',
  students: [],
};

const thresholdProblem = (attendanceThresholdPercent: string) =>
  validateMeetingForm({ ...values, attendanceThresholdPercent }, { startMustBeFuture: false, now: new Date() }).attendanceThresholdPercent;

describe('the attendance threshold of the meeting form', () => {
  it('may stay empty, and is otherwise a whole number from 1 to 100', () => {
    for (const accepted of ['', '1', '80', '100']) expect(thresholdProblem(accepted)).toBeUndefined();
    for (const refused of ['0', '101', '-5', '12.5']) expect(thresholdProblem(refused)).toBe('thresholdRange');
  });

  it('is sent as null when empty, so that an edit clears it', () => {
    expect(thresholdFromInput('')).toBeNull();
    expect(thresholdFromInput('80')).toBe(80);
  });
});
