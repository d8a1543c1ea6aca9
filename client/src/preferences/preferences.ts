import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../gql';
import type { PreferencesInput, Language as PreferredLanguage } from '../gql/graphql';
import type { Language } from '../i18n/languages';

export const PreferencesFields = graphql(`
  fragment PreferencesFields on Preferences {
    language
    timeZone
  }
`);

export const MyPreferencesQuery = graphql(`
  query MyPreferences {
    myPreferences {
      ...PreferencesFields
    }
  }
`);

const UpdatePreferencesMutation = graphql(`
  mutation UpdatePreferences($input: PreferencesInput!) {
    updatePreferences(input: $input) {
      ...PreferencesFields
    }
  }
`);

/** The server's name for each language of the interface. */
export const PREFERRED_LANGUAGE: Record<Language, PreferredLanguage> = { en: 'EN', fr: 'FR' };

/**
 * Saves preferences in the background. They only shape the mail the server sends, so nothing waits
 * for them and a failure is logged, not shown.
 */
export function useSavePreferences(): (input: PreferencesInput) => void {
  const [mutate] = useMutation(UpdatePreferencesMutation, {
    // Preferences have no id for the cache to match them by: the query's answer is replaced by hand.
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: MyPreferencesQuery, data: { myPreferences: data.updatePreferences } });
    },
  });
  return useCallback(
    (input: PreferencesInput) => {
      mutate({ variables: { input } }).catch((error: unknown) => console.error('Amphi: the preferences could not be saved', error));
    },
    [mutate],
  );
}
