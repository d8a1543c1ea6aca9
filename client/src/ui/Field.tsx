import type { ReactNode } from 'react';

/** What a field gives its control, to spread on it: its id, and its hint and error linked to it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  /** The control's id; the hint's and the error's ids start with it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Other elements that describe the control, such as an alert about the whole form. */
  describedBy?: string;
  /** A modifier next to `field`, such as `field--narrow`. */
  className?: string;
  children(control: FieldControlProps): ReactNode;
}

/** A labelled form control with its hint and its error, both read out with it. */
export function Field({ id, label, hint, error, describedBy, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control: FieldControlProps = {
    id,
    'aria-invalid': Boolean(error),
    'aria-describedby': [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined,
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
