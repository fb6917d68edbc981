import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLocale, type Locale, pickLocale, textDirection } from '../../shared/locales.js';
import type { Dictionary } from './dictionaries.js';

const storageKey = 'technopark.lang';

/** A choice made is remembered; a first visit follows the browser when it speaks one of our languages. */
function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  if (isLocale(stored)) return stored;
  return pickLocale(navigator.languages.join(','));
}

function applyLocale(locale: Locale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
}

/**
 * The wording of one language at a time: the reader's is loaded before the first page is drawn (`startI18n`, awaited
 * by main.tsx, so that no page shows its keys), another when the reader switches to it. One chunk per language.
 */
const loaders: Record<Locale, () => Promise<{ default: Dictionary }>> = {
  fr: () => import('./fr.js'),
  ar: () => import('./ar.js'),
  en: () => import('./en.js'),
};

export const i18n = i18next.createInstance();

async function loadDictionary(locale: Locale) {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const { default: words } = await loaders[locale]();
  i18n.addResourceBundle(locale, 'translation', words);
}

/** Starts in the reader's language, once its wording is loaded. */
export async function startI18n() {
  const start = initialLocale();
  const { default: words } = await loaders[start]();
  await i18n.use(initReactI18next).init({
    resources: { [start]: { translation: words } },
    lng: start,
    // Every key is in every language (a test checks): there is nothing to fall back on, so nothing else to load.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    keySeparator: false,
    nsSeparator: false,
  });
  applyLocale(start);
}

/** The page turns to `locale` when its wording has arrived (the words and the direction change together). */
export async function changeLocale(locale: Locale) {
  await loadDictionary(locale);
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
