import { z } from 'zod';

// The validators of texts kept in several languages (localized-text.ts has the texts' types and how they are read,
// without zod: the web's pages read texts long before any form validates one).

/** A name or description kept in each language; French is required, the others fall back to it. */
export function localizedTextSchema(maxLength: number) {
  return z.object({
    fr: z.string().trim().min(1).max(maxLength),
    ar: z.string().trim().max(maxLength).optional(),
    en: z.string().trim().max(maxLength).optional(),
  });
}
/** Each language's text, at least one of them when required (the problem is said under the French field). */
export function someLanguagesTextSchema(maxLength: number, { required }: { required: boolean }) {
  const one = z.string().trim().max(maxLength).optional();
  return z.object({ fr: one, ar: one, en: one }).superRefine((text, issues) => {
    if (required && !text.fr && !text.ar && !text.en) {
      issues.addIssue({ code: 'custom', path: ['fr'], message: 'validation.one_language_required' });
    }
  });
}
