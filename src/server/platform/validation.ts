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
    const result = schema.safeParse(data, { reportInput: true });
    if (!result.error) return { value: result.data };
    const problems: ValidationProblem[] = result.error.issues.map((issue) => ({
      instancePath: `/${issue.path.join('/')}`,
      keyword: issue.code,
      message: issue.message,
      params: { issue },
    }));
    return { error: problems as unknown as Error };
  };

export function validationProblems(error: unknown): ValidationProblem[] | null {
  const validation = (error as { validation?: unknown }).validation;
  if (!Array.isArray(validation) || validation.length === 0) return null;
  return validation.every((problem) => problem?.params?.issue) ? (validation as ValidationProblem[]) : null;
}
