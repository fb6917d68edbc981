import type { Locale } from './locales.js';

export type LocalizedText = { fr: string; ar?: string; en?: string };

/** A text given in one, two or three languages: readers of another language read the one given. */
export type SomeLanguagesText = { fr?: string; ar?: string; en?: string };

/** The text without its blank languages, as it is stored: a reader never falls on an empty one. */
export function compactText(text: SomeLanguagesText): SomeLanguagesText {
  const kept: SomeLanguagesText = {};
  for (const lang of ['fr', 'ar', 'en'] as const) if (text[lang]) kept[lang] = text[lang];
  return kept;
}

/** The order in which a text given in other languages is read when the reader's is missing. */
const fallbackOrder: Locale[] = ['fr', 'en', 'ar'];

export function pickText(text: SomeLanguagesText | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || fallbackOrder.map((lang) => text[lang]).find(Boolean) || '';
}

const arabicScript = /[\u0600-\u06FF]/;

/** A text typed without saying its language (a sheet's cell, an old row): Arabic script is Arabic, else French. */
export function textInItsLanguage(text: string): SomeLanguagesText {
  const trimmed = text.trim();
  if (!trimmed) return {};
  return arabicScript.test(trimmed) ? { ar: trimmed } : { fr: trimmed };
}
