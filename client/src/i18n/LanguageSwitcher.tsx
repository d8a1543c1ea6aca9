import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionProvider';
import { PREFERRED_LANGUAGE, useSavePreferences } from '../preferences/preferences';
import { LANGUAGES, rememberLanguage, type Language } from './languages';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { viewer } = useSession();
  const savePreferences = useSavePreferences();
  const choose = (language: Language) => {
    rememberLanguage(language);
    void i18n.changeLanguage(language);
    // Mail and reminders then come in this language too.
    if (viewer) savePreferences({ language: PREFERRED_LANGUAGE[language] });
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a part of a form: a fieldset would bring a form's border and legend.
    <div className="segmented segmented--small" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map(({ code, name }) => (
        <button key={code} type="button" lang={code} aria-label={name} aria-pressed={i18n.resolvedLanguage === code} onClick={() => choose(code)}>
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
