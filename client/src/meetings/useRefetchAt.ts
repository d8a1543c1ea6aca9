import { useEffect } from 'react';

const LONGEST_WAIT_MS = 24 * 60 * 60_000;

/**
 * Refetches when a time-dependent answer of the server changes by itself (`canStart` opens 15 minutes
 * before the start and closes at the end), since no event announces the passing of time.
 */
export function useRefetchAt(moments: Array<string | null>, refetch: () => unknown): void {
  const key = moments.join('|');
  useEffect(() => {
    const now = Date.now();
    const timers = key
      .split('|')
      .map((iso) => Date.parse(iso) - now)
      .filter((delay) => delay > 0 && delay < LONGEST_WAIT_MS)
      .map((delay) => window.setTimeout(() => void refetch(), delay + 500));
    return () => {
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, [key, refetch]);
}
