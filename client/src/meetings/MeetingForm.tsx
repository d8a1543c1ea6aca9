import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldProblems } from '../errors/error-codes';
import { useErrorMessage } from '../errors/useErrorMessage';
import { Field } from '../ui/Field';
import { browserTimeZone } from '../ui/useFormatters';
import {
  DURATION_LIMITS,
  startOfToday,
  THRESHOLD_LIMITS,
  validateMeetingForm,
  type MeetingFormField,
  type MeetingFormValues,
} from './meeting-form-values';
import { StudentPicker } from './StudentPicker';

interface MeetingFormProps {
  initialValues: MeetingFormValues;
  /** Create: students are chosen here. Edit: they are managed on the meeting page. */
  mode: 'create' | 'edit';
  /** A live meeting keeps its start (the server refuses to move it); only title, description and duration change. */
  startLocked?: boolean;
  submitLabel: string;
  submittingLabel: string;
  cancelTo: string;
  /** Sends the values; a thrown error is shown on the fields it names, or above the form. */
  onSubmit(values: MeetingFormValues): Promise<void>;
}

const FIELD_ORDER: MeetingFormField[] = ['title', 'description', 'scheduledAt', 'durationMinutes', 'attendanceThresholdPercent', 'studentIds'];

/** A number input for a whole number within limits. */
const wholeNumberInput = ({ min, max }: { min: number; max: number }) => ({ type: 'number', inputMode: 'numeric', min, max }) as const;

export function MeetingForm({ initialValues, mode, startLocked, submitLabel, submittingLabel, cancelTo, onSubmit }: MeetingFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initialValues);
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [serverProblems, setServerProblems] = useState<Partial<Record<MeetingFormField, string>>>({});
  const [formProblem, setFormProblem] = useState<string | null>(null);

  const creating = mode === 'create';
  const startMoved = values.startsAt !== initialValues.startsAt;
  // As on the server: the start must be in the future when it is set or moved.
  const check = (candidate: MeetingFormValues) =>
    validateMeetingForm(candidate, {
      startMustBeFuture: !startLocked && (creating || candidate.startsAt !== initialValues.startsAt),
      now: new Date(),
    });
  const clientProblems = attempted ? check(values) : {};
  const problemFor = (field: MeetingFormField): string | undefined => {
    const local = clientProblems[field];
    return local ? t(`meetingForm.errors.${local}`) : serverProblems[field];
  };

  const update = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    const field: MeetingFormField = key === 'startsAt' ? 'scheduledAt' : key === 'students' ? 'studentIds' : key;
    setServerProblems((current) => ({ ...current, [field]: undefined }));
  };

  const focusFirstProblem = (fields: MeetingFormField[]) => {
    const first = FIELD_ORDER.find((field) => fields.includes(field));
    form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setFormProblem(null);
    const problems = check(values);
    if (Object.keys(problems).length > 0) {
      focusFirstProblem(Object.keys(problems) as MeetingFormField[]);
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(values);
    } catch (error) {
      const byField = fieldProblems(error);
      const known = Object.keys(byField).filter((field): field is MeetingFormField => FIELD_ORDER.includes(field as MeetingFormField));
      if (known.length > 0) {
        setServerProblems(Object.fromEntries(known.map((field) => [field, t(`meetingForm.serverErrors.${field}`)])));
        focusFirstProblem(known);
      } else {
        setFormProblem(errorMessage(error));
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form ref={form} className="card form" onSubmit={submit} noValidate>
      {formProblem && (
        <p className="form-alert" role="alert">
          {formProblem}
        </p>
      )}
      <Field id="title" label={t('meetingForm.title')} error={problemFor('title')}>
        {(control) => (
          <input
            {...control}
            data-field="title"
            value={values.title}
            onChange={(event) => update('title', event.target.value)}
            maxLength={200}
            required
          />
        )}
      </Field>
      <Field
        id="description"
        label={
          <>
            {t('meetingForm.description')} <span className="optional">{t('meetingForm.optional')}</span>
          </>
        }
        error={problemFor('description')}
      >
        {(control) => (
          <textarea
            {...control}
            data-field="description"
            rows={4}
            value={values.description}
            onChange={(event) => update('description', event.target.value)}
          />
        )}
      </Field>
      <div className="field-row">
        <Field
          id="startsAt"
          label={t('meetingForm.startsAt')}
          hint={
            <>
              {startLocked ? t('meetingForm.startLocked') : t('meetingForm.timeZone', { zone: browserTimeZone() })}
              {startMoved && !creating && <> · {t('meetingForm.moved')}</>}
            </>
          }
          error={problemFor('scheduledAt')}
        >
          {(control) => (
            <input
              {...control}
              data-field="scheduledAt"
              type="datetime-local"
              step={300}
              min={startLocked ? undefined : startOfToday()}
              value={values.startsAt}
              disabled={startLocked}
              onChange={(event) => update('startsAt', event.target.value)}
              required
            />
          )}
        </Field>
        <Field
          id="durationMinutes"
          className="field--narrow"
          label={t('meetingForm.duration')}
          hint={t('meetingForm.durationHint', DURATION_LIMITS)}
          error={problemFor('durationMinutes')}
        >
          {(control) => (
            <input
              {...control}
              {...wholeNumberInput(DURATION_LIMITS)}
              data-field="durationMinutes"
              step={5}
              value={values.durationMinutes}
              onChange={(event) => update('durationMinutes', event.target.value)}
              required
            />
          )}
        </Field>
      </div>
      <Field
        id="attendanceThresholdPercent"
        className="field--short"
        label={t('meetingForm.threshold')}
        hint={t('meetingForm.thresholdHint')}
        error={problemFor('attendanceThresholdPercent')}
      >
        {(control) => (
          <input
            {...control}
            {...wholeNumberInput(THRESHOLD_LIMITS)}
            data-field="attendanceThresholdPercent"
            value={values.attendanceThresholdPercent}
            onChange={(event) => update('attendanceThresholdPercent', event.target.value)}
          />
        )}
      </Field>
      {creating && (
        <div data-field="studentIds" tabIndex={-1}>
          <StudentPicker
            legend={t('meetingForm.students')}
            selected={values.students}
            onChange={(students) => update('students', students)}
            error={problemFor('studentIds')}
          />
        </div>
      )}
      <div className="form-actions">
        <Link className="button button--ghost" to={cancelTo}>
          {t('common.cancel')}
        </Link>
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
