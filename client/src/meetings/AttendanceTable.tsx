import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../errors/useErrorMessage';
import type { AttendanceRowFieldsFragment } from '../gql/graphql';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState } from '../ui/EmptyState';
import { useToast } from '../ui/Toaster';
import { useFormatters } from '../ui/useFormatters';
import { useRemoveParticipant } from './participant-mutations';
import { ParticipantStatusBadge } from './ParticipantStatusBadge';

interface AttendanceTableProps {
  meetingId: string;
  rows: AttendanceRowFieldsFragment[];
  canRemove: boolean;
}

/** The class list: each student's answer next to their status and time in the room, updated live. */
export function AttendanceTable({ meetingId, rows, canRemove }: AttendanceTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const removeParticipant = useRemoveParticipant();
  const [removing, setRemoving] = useState<AttendanceRowFieldsFragment['user'] | null>(null);

  if (rows.length === 0) return <EmptyState title={t('participants.empty')} />;

  const timeInRoom = (row: AttendanceRowFieldsFragment) => {
    const spent = row.attendedSeconds >= 60 ? format.duration(Math.round(row.attendedSeconds / 60)) : null;
    if (row.inRoom) return spent ? t('participants.inRoomFor', { time: spent }) : t('participants.inRoomNow');
    return spent ?? '—';
  };

  async function remove() {
    const student = removing!;
    try {
      await removeParticipant(meetingId, student.id);
      toast.show(t('participants.removed', { name: student.displayName }), 'success');
    } catch (error) {
      toast.show(t('participants.removeFailed', { reason: errorMessage(error) }), 'error');
      throw error;
    }
  }

  return (
    <>
      <table className="table participants">
        <thead>
          <tr>
            <th scope="col">{t('participants.student')}</th>
            <th scope="col">{t('participants.answer')}</th>
            <th scope="col">{t('participants.status')}</th>
            <th scope="col">{t('participants.attendance')}</th>
            {canRemove && (
              <th scope="col">
                <span className="sr-only">{t('participants.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.user.id} data-testid="participant-row">
              <th scope="row">
                <span className="participants__name">{row.user.displayName}</span>
                <span className="participants__email">{row.user.email}</span>
              </th>
              <td data-label={t('participants.answer')} className="participants__answer">
                {t(`rsvpAnswer.${row.rsvp}`)}
              </td>
              <td data-label={t('participants.status')}>
                <ParticipantStatusBadge status={row.status} />
              </td>
              <td data-label={t('participants.attendance')} className={row.inRoom ? 'participants__in-room' : undefined}>
                {timeInRoom(row)}
              </td>
              {canRemove && (
                <td>
                  <button
                    type="button"
                    className="button button--small button--ghost-danger"
                    onClick={() => setRemoving(row.user)}
                    aria-label={t('participants.removeNamed', { name: row.user.displayName })}
                  >
                    {t('participants.remove')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={removing !== null}
        title={t('participants.removeTitle')}
        confirmLabel={t('participants.remove')}
        workingLabel={t('participants.removing')}
        danger
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      >
        <p>{t('participants.removeBody', { name: removing?.displayName ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
