import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKind, serverMessage } from './error-codes';

/** Codes whose server message says precisely what went wrong, in words meant for people. */
const EXPLAINED_BY_SERVER = new Set(['CONFLICT', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * A clear message for any failure: the server's explanation when the interface is in English (the
 * server speaks English), otherwise a translated message for the error's code.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return useCallback(
    (error: unknown) => {
      const kind = errorKind(error);
      const detail = serverMessage(error);
      if (english && detail && EXPLAINED_BY_SERVER.has(kind)) return detail;
      return t(`errors.${kind}`);
    },
    [t, english],
  );
}
