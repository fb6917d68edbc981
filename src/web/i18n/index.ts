import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { isLocale, type Locale, pickLocale, textDirection } from '../../shared/locales.js';
import { dictionaries } from './dictionaries.js';

const storageKey = 'technopark.lang';

/** A choice made is remembered; a first visit follows the browser when it speaks one of our languages. */
function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  if (isLocale(stored)) return stored;
  return pickLocale(navigator.languages.join(','));
}

const zodLocales = { fr: z.locales.fr, ar: z.locales.ar, en: z.locales.en };

function applyLocale(locale: Locale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
  z.config(zodLocales[locale]());
}

export const i18n = i18next.createInstance();
const start = initialLocale();
i18n.use(initReactI18next).init({
  resources: {
    fr: { translation: dictionaries.fr },
    ar: { translation: dictionaries.ar },
    en: { translation: dictionaries.en },
  },
  lng: start,
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  returnNull: false,
  keySeparator: false,
  nsSeparator: false,
});
applyLocale(start);

export function changeLocale(locale: Locale) {
  localStorage.setItem(storageKey, locale);
  applyLocale(locale);
  return i18n.changeLanguage(locale);
}

const visitorChoiceKey = 'technopark.lang.visitor-choice';

/**
 * A language picked by someone not signed in (on the sign-in page, or before it in this tab): signing in
 * keeps it and saves it to the account, where otherwise the account's language would win.
 */
export function rememberVisitorChoice(locale: Locale) {
  sessionStorage.setItem(visitorChoiceKey, locale);
}

export function visitorChoice(): Locale | null {
  const stored = sessionStorage.getItem(visitorChoiceKey);
  return isLocale(stored) ? stored : null;
}

export function forgetVisitorChoice() {
  sessionStorage.removeItem(visitorChoiceKey);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'fr';
}
