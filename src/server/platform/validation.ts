import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

export type ValidationProblem = { instancePath: string; message: string; keyword: string; params: { issue: z.core.$ZodIssue } };

/**
 * Request validation with the route's zod contract. Unlike the type provider's own compiler it
 * keeps each issue whole (with its input) so the error handler can word it in the reader's language.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const nul = pathOfNul(data, []);
    if (nul)
      return { error: [problem({ code: 'custom', path: nul, message: 'validation.text_nul', input: undefined })] as unknown as Error };
    const result = schema.safeParse(data, { reportInput: true });
    if (!result.error) return { value: result.data };
    return { error: result.error.issues.map(problem) as unknown as Error };
  };

function problem(issue: z.core.$ZodIssue): ValidationProblem {
  return { instancePath: `/${issue.path.join('/')}`, keyword: issue.code, message: issue.message, params: { issue } };
}

/**
 * Where the request carries a NUL character (in a path parameter, a query value, a body string or key): PostgreSQL
 * refuses it in text, so every route refuses it here, as a field problem, before any handler runs.
 */
function pathOfNul(value: unknown, path: (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = pathOfNul(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = pathOfNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export function validationProblems(error: unknown): ValidationProblem[] | null {
  const validation = (error as { validation?: unknown }).validation;
  if (!Array.isArray(validation) || validation.length === 0) return null;
  return validation.every((problem) => problem?.params?.issue) ? (validation as ValidationProblem[]) : null;
}
