import type { z } from 'zod';
import type { ValidationProblem } from '../../../platform/validation.js';

/** A zod-style problem raised by a service rule: a field path and a `validation.*` message key. */
export type FieldIssue = { path: (string | number)[]; message: string; input?: unknown };

/**
 * Rejects a request with field problems found by the service (answers checked against the call's
 * questions, fields a submission needs), in the same shape as a failed request contract, so the error
 * handler words zod's checks and our message keys alike in the reader's language.
 */
export function invalidFields(issues: readonly (z.core.$ZodIssue | FieldIssue)[], prefix: (string | number)[] = []): Error {
  const problems: ValidationProblem[] = issues.map((issue) => {
    const full = { code: 'custom', ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodIssue;
    return { instancePath: `/${full.path.join('/')}`, keyword: full.code, message: full.message, params: { issue: full } };
  });
  return Object.assign(new Error('validation'), { statusCode: 400, validation: problems });
}
