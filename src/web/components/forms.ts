import { z } from 'zod';
import type { Locale } from '../../shared/locales.js';
import { describeIssues } from '../../shared/validation-messages.js';
import { currentLocale, i18n } from '../i18n/index.js';

const zodLocales = { fr: z.locales.fr, ar: z.locales.ar, en: z.locales.en };
let zodLocale: Locale | undefined;

/**
 * Zod's own wording (what `describeIssues` does not word itself) in the reader's language. Set here, where the pages
 * validate, rather than with the language: zod is loaded with the pages that have forms, not with the first page.
 */
function followLocale() {
  const locale = currentLocale();
  if (locale === zodLocale) return;
  z.config(zodLocales[locale]());
  zodLocale = locale;
}

/** Validates a form with the same zod contract as the server, worded in the reader's language. */
export function zodValidator<Schema extends z.ZodType>(schema: Schema) {
  return (values: unknown) => {
    followLocale();
    const result = schema.safeParse(values, { reportInput: true });
    if (result.success) return {};
    const translate = (key: string) => (i18n.exists(key) ? i18n.t(key) : undefined);
    const errors: Record<string, string> = {};
    for (const problem of describeIssues(result.error.issues, currentLocale(), translate)) {
      errors[problem.path] ??= problem.message;
    }
    return errors;
  };
}
