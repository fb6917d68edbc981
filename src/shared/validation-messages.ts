import type { z } from 'zod';
import { ar, en, fr } from 'zod/locales';
import type { Locale } from './locales.js';

/**
 * One wording for validation problems on both sides: our own rules carry a message key
 * ("validation.ice_format"), translated by the caller's dictionary; zod's own checks use zod's locale.
 */
const zodLocales = { fr: fr(), ar: ar(), en: en() };

export type FieldProblem = { path: string; message: string };

export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  locale: Locale,
  translate: (key: string) => string | undefined,
): FieldProblem[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: describeIssue(issue, locale, translate) }));
}

export function describeIssue(issue: z.core.$ZodIssue, locale: Locale, translate: (key: string) => string | undefined): string {
  if (issue.message?.startsWith('validation.')) {
    return translate(issue.message) ?? issue.message;
  }
  // A missing field reads better as "required" than as "expected string, received undefined".
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
    return translate('validation.required') ?? issue.message;
  }
  const localized = zodLocales[locale].localeError(issue as never);
  if (typeof localized === 'string') return localized;
  if (localized && typeof localized === 'object' && 'message' in localized) return String(localized.message);
  return issue.message;
}
