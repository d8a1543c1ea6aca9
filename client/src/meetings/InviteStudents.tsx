import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../errors/useErrorMessage';
import { useToast } from '../ui/Toaster';
import type { StudentOption } from './meeting-form-values';
import { useInviteStudents } from './participant-mutations';
import { StudentPicker } from './StudentPicker';

/** Adds students to a meeting that is not over; those already invited are not offered again. */
export function InviteStudents({ meetingId, invitedIds }: { meetingId: string; invitedIds: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const inviteStudents = useInviteStudents();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<StudentOption[]>([]);
  const [sending, setSending] = useState(false);

  async function invite() {
    setSending(true);
    try {
      await inviteStudents(
        meetingId,
        selected.map((student) => student.id),
      );
      toast.show(t('invite.done', { count: selected.length }), 'success');
      setSelected([]);
      setOpen(false);
    } catch (error) {
      toast.show(t('invite.failed', { reason: errorMessage(error) }), 'error');
    } finally {
      setSending(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)} aria-expanded="false">
        {t('invite.open')}
      </button>
    );
  }
  return (
    <div className="card invite">
      <StudentPicker legend={t('invite.legend')} selected={selected} onChange={setSelected} excludedIds={invitedIds} />
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--primary" disabled={selected.length === 0 || sending} onClick={() => void invite()}>
          {sending ? t('invite.sending') : t('invite.submit', { count: selected.length })}
        </button>
      </div>
    </div>
  );
}
