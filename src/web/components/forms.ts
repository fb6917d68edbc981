import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { describeIssues } from '../../shared/validation-messages.js';
import { ApiError } from '../api.js';
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

/** Puts the server's field problems under their fields and its message in a notification. */
export function showApiError(error: unknown, form?: UseFormReturnType<never>) {
  if (error instanceof ApiError) {
    if (form && error.details.length) {
      form.setErrors(Object.fromEntries(error.details.map((detail) => [detail.path, detail.message])));
    }
    notifications.show({ color: 'red', message: error.message });
    return;
  }
  notifications.show({ color: 'red', message: i18n.t('errors.network') });
}
