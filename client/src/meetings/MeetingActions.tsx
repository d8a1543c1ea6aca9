import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useErrorMessage } from '../errors/useErrorMessage';
import type { MeetingStatus } from '../gql/graphql';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useToast } from '../ui/Toaster';
import { useFormatters } from '../ui/useFormatters';
import { useCancelMeeting, useEndMeeting, useStartMeeting } from './lifecycle-mutations';
import { allowedActions, startOpensAt } from './meeting-permissions';

interface ActionableMeeting {
  id: string;
  title: string;
  status: MeetingStatus;
  canStart: boolean;
  scheduledAt: string;
  endsAt: string;
}

/** Start, enter, end, edit, cancel: each shown only when the meeting allows it now. */
export function MeetingActions({ meeting }: { meeting: ActionableMeeting }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const format = useFormatters();
  const startMeeting = useStartMeeting();
  const endMeeting = useEndMeeting();
  const cancelMeeting = useCancelMeeting();
  const [starting, setStarting] = useState(false);
  const [dialog, setDialog] = useState<'end' | 'cancel' | null>(null);
  const [reason, setReason] = useState('');
  const allowed = allowedActions(meeting);

  async function start() {
    setStarting(true);
    try {
      await startMeeting(meeting.id);
      toast.show(t('meeting.started'), 'success');
      navigate(`/meetings/${meeting.id}/room`);
    } catch (error) {
      toast.show(t('meeting.startFailed', { reason: errorMessage(error) }), 'error');
    } finally {
      setStarting(false);
    }
  }

  async function end() {
    try {
      await endMeeting(meeting.id);
      toast.show(t('meeting.ended'), 'success');
    } catch (error) {
      toast.show(t('meeting.endFailed', { reason: errorMessage(error) }), 'error');
      throw error;
    }
  }

  async function cancel() {
    try {
      await cancelMeeting(meeting.id, reason.trim() || null);
      toast.show(t('meeting.cancelled'), 'success');
    } catch (error) {
      toast.show(t('meeting.cancelFailed', { reason: errorMessage(error) }), 'error');
      throw error;
    }
  }

  const now = Date.now();
  const opensAt = startOpensAt(meeting.scheduledAt);
  const waitingToOpen = meeting.status === 'SCHEDULED' && !meeting.canStart && now < Date.parse(opensAt);
  const overWithoutStart = meeting.status === 'SCHEDULED' && !meeting.canStart && now >= Date.parse(meeting.endsAt);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a part of a form: a fieldset would bring a form's border and legend.
    <div className="actions" role="group" aria-label={t('meeting.actions')}>
      {allowed.start && (
        <button type="button" className="button button--live" onClick={() => void start()} disabled={starting}>
          {starting ? t('meeting.starting') : t('meeting.start')}
        </button>
      )}
      {allowed.enterRoom && (
        <Link className="button button--live" to={`/meetings/${meeting.id}/room`}>
          {t('meeting.enterRoom')}
        </Link>
      )}
      {allowed.end && (
        <button type="button" className="button button--danger" onClick={() => setDialog('end')}>
          {t('meeting.end')}
        </button>
      )}
      {allowed.edit && (
        <Link className="button" to={`/meetings/${meeting.id}/edit`}>
          {t('meeting.edit')}
        </Link>
      )}
      {allowed.cancel && (
        <button type="button" className="button button--ghost-danger" onClick={() => setDialog('cancel')}>
          {t('meeting.cancel')}
        </button>
      )}
      {waitingToOpen && <p className="hint">{t('meeting.startsFrom', { time: format.dateTime(opensAt) })}</p>}
      {overWithoutStart && <p className="hint">{t('meeting.overWithoutStart')}</p>}

      <ConfirmDialog
        open={dialog === 'end'}
        title={t('meeting.endConfirmTitle')}
        confirmLabel={t('meeting.end')}
        workingLabel={t('meeting.ending')}
        cancelLabel={t('meeting.keepGoing')}
        danger
        onConfirm={end}
        onClose={() => setDialog(null)}
      >
        <p>{t('meeting.endConfirmBody', { title: meeting.title })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'cancel'}
        title={t('meeting.cancelConfirmTitle')}
        confirmLabel={t('meeting.cancel')}
        workingLabel={t('meeting.cancelling')}
        cancelLabel={t('meeting.keepMeeting')}
        danger
        onConfirm={cancel}
        onClose={() => setDialog(null)}
      >
        <p>{t('meeting.cancelConfirmBody', { title: meeting.title })}</p>
        <div className="field">
          <label htmlFor="cancel-reason">
            {t('meeting.cancelReason')} <span className="optional">{t('meetingForm.optional')}</span>
          </label>
          <textarea id="cancel-reason" rows={3} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          <p className="hint">{t('meeting.cancelReasonHint')}</p>
        </div>
      </ConfirmDialog>
    </div>
  );
}
