import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLocale, type Locale, pickLocale, textDirection } from '../../shared/locales.js';
import type { Dictionary } from './dictionaries.js';

const storageKey = 'technopark.lang';

/** A choice made is remembered; a first visit follows the browser when it speaks one of our languages. */
/** The language the app starts in: the one chosen before in this browser, else the browser's. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  if (isLocale(stored)) return stored;
  return pickLocale(navigator.languages.join(','));
}

function applyLocale(locale: Locale) {
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
}

/**
 * The wording of one language at a time, in two parts. Core (the menus, the network's page, sign-in, common words) is
 * loaded before the first page is drawn (`startI18n`, awaited by main.tsx, so that no page shows its keys); the
 * other areas' words with the first page that needs them (`loadPageWords`, awaited by `lazyPage` in
 * src/web/lazy-page.ts beside the page's code). Switching language loads the parts already loaded in the other.
 * A test (dictionaries.test.ts) checks that what is drawn before `loadPageWords` asks only for core words.
 */
type Part = 'core' | 'pages';
const loaders: Record<Locale, Record<Part, () => Promise<{ default: Dictionary }>>> = {
  fr: { core: () => import('./fr/core.json'), pages: () => import('./fr.js') },
  ar: { core: () => import('./ar/core.json'), pages: () => import('./ar.js') },
  en: { core: () => import('./en/core.json'), pages: () => import('./en.js') },
};

export const i18n = i18next.createInstance();

const loading = new Map<string, Promise<Dictionary>>();
const added = new Set<string>();
const wanted = new Set<Part>(['core']);

/** One part's words, fetched once per language (a failed fetch is tried again next time). */
function fetchPart(locale: Locale, part: Part): Promise<Dictionary> {
  const key = `${locale}:${part}`;
  let words = loading.get(key);
  if (!words) {
    words = loaders[locale][part]().then((module) => module.default);
    words.catch(() => loading.delete(key));
    loading.set(key, words);
  }
  return words;
}

async function loadPart(locale: Locale, part: Part) {
  const words = await fetchPart(locale, part);
  if (added.has(`${locale}:${part}`)) return;
  added.add(`${locale}:${part}`);
  i18n.addResourceBundle(locale, 'translation', words, true, true);
}

async function loadDictionary(locale: Locale) {
  await Promise.all([...wanted].map((part) => loadPart(locale, part)));
}

/** The words of every area beyond core in the reader's language; once asked for, kept in step with language changes. */
export async function loadPageWords(): Promise<void> {
  wanted.add('pages');
  // Before i18n has started (the first page's code and words fetched side by side), `startI18n` adds them.
  if (!i18n.isInitialized) await fetchPart(initialLocale(), 'pages');
  else await loadPart(currentLocale(), 'pages');
}

/** Starts in the reader's language, once its core wording is loaded (with the other areas' when a page wants them). */
export async function startI18n() {
  const start = initialLocale();
  const words = await fetchPart(start, 'core');
  await i18n.use(initReactI18next).init({
    // A copy: i18next merges the other areas' words into this object, which must stay the fetched core alone.
    resources: { [start]: { translation: { ...words } } },
    lng: start,
    // Every key is in every language (a test checks): there is nothing to fall back on, so nothing else to load.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    keySeparator: false,
    nsSeparator: false,
  });
  added.add(`${start}:core`);
  if (wanted.has('pages')) await loadPart(start, 'pages');
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
