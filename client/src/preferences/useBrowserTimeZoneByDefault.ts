import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { browserTimeZone } from '../ui/useFormatters';
import { MyPreferencesQuery, useSavePreferences } from './preferences';

/**
 * Once per session: someone who never chose a time zone gets their browser's, so the times in their
 * mail match the ones they see here rather than the campus default.
 */
export function useBrowserTimeZoneByDefault(): void {
  const { data, error } = useQuery(MyPreferencesQuery, { fetchPolicy: 'cache-first' });
  const savePreferences = useSavePreferences();
  const done = useRef(false);
  const unset = data?.myPreferences.timeZone === null;

  useEffect(() => {
    if (error) console.error('Amphi: the preferences could not be read', error);
  }, [error]);

  useEffect(() => {
    if (!unset || done.current) return;
    done.current = true;
    savePreferences({ timeZone: browserTimeZone() });
  }, [unset, savePreferences]);
}
