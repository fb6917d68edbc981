import type { Locale } from '../../../shared/locales.js';
import { joinList } from '../../platform/export.js';
import { translate } from '../../platform/messages.js';

/** A sector's label in the reader's language (its wording is in `label-messages.ts`). */
export const sectorLabel = (code: string, locale: Locale) => translate(locale, `sector.${code}`);
export const regionLabel = (code: string, locale: Locale) => translate(locale, `region.${code}`);
export const spaceKindLabel = (code: string, locale: Locale) => translate(locale, `spaceKind.${code}`);
export const amenityLabel = (code: string, locale: Locale) => translate(locale, `amenity.${code}`);

/** Several sectors as one cell: their labels, comma-separated. */
export const sectorLabels = (codes: readonly string[], locale: Locale) =>
  joinList(
    codes.map((code) => sectorLabel(code, locale)),
    locale,
  );
