import type { Locale } from '../../shared/locales.js';

/**
 * Every page's wording: `i18n/<language>/<area>.json` (core, companies, admissions…), one file per area
 * so that each capability keeps its words beside the others' without touching them. Keys are flat and
 * carry their area as prefix; an area file must not repeat another's key (a test checks).
 */
const files = import.meta.glob<Record<string, string>>('./*/*.json', { eager: true, import: 'default' });

export type Dictionary = Record<string, string>;

/** The area files of each language: `{ fr: { core: {...}, companies: {...} }, … }`. */
export const areaDictionaries: Record<Locale, Record<string, Dictionary>> = { fr: {}, ar: {}, en: {} };
for (const [path, words] of Object.entries(files)) {
  const [, locale, area] = /^\.\/(\w+)\/([\w-]+)\.json$/.exec(path) ?? [];
  if (locale in areaDictionaries) areaDictionaries[locale as Locale][area] = words;
}

export const dictionaries: Record<Locale, Dictionary> = {
  fr: Object.assign({}, ...Object.values(areaDictionaries.fr)),
  ar: Object.assign({}, ...Object.values(areaDictionaries.ar)),
  en: Object.assign({}, ...Object.values(areaDictionaries.en)),
};
