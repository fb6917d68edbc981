import { z } from 'zod';
import type { Locale } from './locales.js';

/** A name or description kept in each language; French is required, the others fall back to it. */
export function localizedTextSchema(maxLength: number) {
  return z.object({
    fr: z.string().trim().min(1).max(maxLength),
    ar: z.string().trim().max(maxLength).optional(),
    en: z.string().trim().max(maxLength).optional(),
  });
}
export type LocalizedText = { fr: string; ar?: string; en?: string };

export function pickText(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.fr;
}
