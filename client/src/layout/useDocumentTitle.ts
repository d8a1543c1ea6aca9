import { useEffect } from 'react';

/** "Page — Amphi" in the tab, and for screen readers announcing the new page. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — Amphi` : 'Amphi';
  }, [title]);
}
