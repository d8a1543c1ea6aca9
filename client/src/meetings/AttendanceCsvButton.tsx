import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readToken } from '../auth/session-token';
import { useToast } from '../ui/Toaster';

/**
 * Downloads /meetings/:id/attendance.csv. The file is authorised like the API (Bearer token), which
 * a plain link cannot send: it is fetched, then handed to the browser as a download.
 */
export function AttendanceCsvButton({ meetingId, title }: { meetingId: string; title: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      const response = await fetch(`/meetings/${meetingId}/attendance.csv`, { headers: { authorization: `Bearer ${readToken() ?? ''}` } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `${title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'meeting'}-attendance.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      toast.show(t('participants.csvFailed'), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" className="button button--small" onClick={() => void download()} disabled={busy}>
      {t('participants.csv')}
    </button>
  );
}
