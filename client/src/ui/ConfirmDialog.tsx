import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while `onConfirm` runs. */
  workingLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  /** Resolves when done (the dialog then closes); a rejection keeps it open. */
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** A modal confirmation on the native <dialog>: focus is trapped, Escape cancels, focus returns on close. */
export function ConfirmDialog({ open, title, children, confirmLabel, workingLabel, cancelLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [working, setWorking] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  async function confirm() {
    setWorking(true);
    try {
      await onConfirm();
      onClose();
    } catch {
      // The caller reported the failure; the dialog stays open for another try.
    } finally {
      setWorking(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="form-actions">
        {/* biome-ignore lint/a11y/noAutofocus: a confirmation dialog puts focus on its harmless choice (WAI-ARIA dialog pattern). */}
        <button type="button" className="button button--ghost" onClick={onClose} autoFocus>
          {cancelLabel ?? t('common.cancel')}
        </button>
        <button type="button" className={`button ${danger ? 'button--danger' : 'button--primary'}`} onClick={() => void confirm()} disabled={working}>
          {working ? workingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
