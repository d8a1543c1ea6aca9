import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldProblems } from '../errors/error-codes';
import { useErrorMessage } from '../errors/useErrorMessage';
import { browserTimeZone } from '../ui/useFormatters';
import {
  DURATION_LIMITS,
  startOfToday,
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

const FIELD_ORDER: MeetingFormField[] = ['title', 'description', 'scheduledAt', 'durationMinutes', 'studentIds'];

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

  const describedBy = (field: MeetingFormField, hint?: string) =>
    [hint, problemFor(field) ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: MeetingFormField) =>
    problemFor(field) && (
      <p className="field-error" id={`${field}-error`}>
        {problemFor(field)}
      </p>
    );

  return (
    <form ref={form} className="card form" onSubmit={submit} noValidate>
      {formProblem && (
        <p className="form-alert" role="alert">
          {formProblem}
        </p>
      )}
      <div className="field">
        <label htmlFor="title">{t('meetingForm.title')}</label>
        <input
          id="title"
          data-field="title"
          value={values.title}
          onChange={(event) => update('title', event.target.value)}
          maxLength={200}
          required
          aria-invalid={Boolean(problemFor('title'))}
          aria-describedby={describedBy('title')}
        />
        {fieldError('title')}
      </div>
      <div className="field">
        <label htmlFor="description">
          {t('meetingForm.description')} <span className="optional">{t('meetingForm.optional')}</span>
        </label>
        <textarea
          id="description"
          data-field="description"
          rows={4}
          value={values.description}
          onChange={(event) => update('description', event.target.value)}
          aria-invalid={Boolean(problemFor('description'))}
          aria-describedby={describedBy('description')}
        />
        {fieldError('description')}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="startsAt">{t('meetingForm.startsAt')}</label>
          <input
            id="startsAt"
            data-field="scheduledAt"
            type="datetime-local"
            step={300}
            min={startLocked ? undefined : startOfToday()}
            value={values.startsAt}
            disabled={startLocked}
            onChange={(event) => update('startsAt', event.target.value)}
            required
            aria-invalid={Boolean(problemFor('scheduledAt'))}
            aria-describedby={describedBy('scheduledAt', 'startsAt-hint')}
          />
          <p className="hint" id="startsAt-hint">
            {startLocked ? t('meetingForm.startLocked') : t('meetingForm.timeZone', { zone: browserTimeZone() })}
            {startMoved && !creating && <> · {t('meetingForm.moved')}</>}
          </p>
          {fieldError('scheduledAt')}
        </div>
        <div className="field field--narrow">
          <label htmlFor="durationMinutes">{t('meetingForm.duration')}</label>
          <input
            id="durationMinutes"
            data-field="durationMinutes"
            type="number"
            inputMode="numeric"
            min={DURATION_LIMITS.min}
            max={DURATION_LIMITS.max}
            step={5}
            value={values.durationMinutes}
            onChange={(event) => update('durationMinutes', event.target.value)}
            required
            aria-invalid={Boolean(problemFor('durationMinutes'))}
            aria-describedby={describedBy('durationMinutes', 'duration-hint')}
          />
          <p className="hint" id="duration-hint">
            {t('meetingForm.durationHint', DURATION_LIMITS)}
          </p>
          {fieldError('durationMinutes')}
        </div>
      </div>
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
