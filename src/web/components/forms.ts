import type { z } from 'zod';
import { describeIssues } from '../../shared/validation-messages.js';
import { currentLocale, i18n } from '../i18n/index.js';

/** Validates a form with the same zod contract as the server, worded in the reader's language. */
export function zodValidator<Schema extends z.ZodType>(schema: Schema) {
  return (values: unknown) => {
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
