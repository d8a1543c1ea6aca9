import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import { initialLanguage } from './languages';

function showLanguage(language: string): void {
  document.documentElement.lang = language;
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
showLanguage(i18next.language);
i18next.on('languageChanged', showLanguage);

export { i18next };
