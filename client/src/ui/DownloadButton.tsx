import { useState } from 'react';
import { readToken } from '../auth/session-token';
import { useToast } from './Toaster';

/** A name for a downloaded file from a meeting's title: letters and digits joined by dashes. */
export function fileSlug(title: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'meeting'
  );
}

interface DownloadButtonProps {
  path: string;
  filename: string;
  label: string;
  failedMessage: string;
}

/**
 * Downloads a file the server authorises like the API (Bearer token), which a plain link cannot
 * send: it is fetched, then handed to the browser as a download.
 */
export function DownloadButton({ path, filename, label, failedMessage }: DownloadButtonProps) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      const response = await fetch(path, { headers: { authorization: `Bearer ${readToken() ?? ''}` } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(url);
    } catch {
      toast.show(failedMessage, 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" className="button button--small" onClick={() => void download()} disabled={busy}>
      {label}
    </button>
  );
}
