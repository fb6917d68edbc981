import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { pickLocale } from '../../shared/locales.js';
import { describeIssue } from '../../shared/validation-messages.js';
import { isCheckViolation, isForeignKeyViolation, violatedUniqueConstraint } from './database-errors.js';
import { AppError } from './errors.js';
import { isMessageKey, translate } from './messages.js';
import { validationProblems } from './validation.js';

const statusCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Turns every error into `{ error: { code, message, details } }` in the reader's language; never a stack trace. */
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  const locale = request.locale ?? pickLocale(request.headers['accept-language']);
  const say = (key: string) => (isMessageKey(key) ? translate(locale, key) : undefined);

  if (error instanceof AppError) {
    const details = error.fields.map((field) => {
      const params = Object.fromEntries(
        Object.entries(field.params ?? {}).map(([name, value]) => [name, isMessageKey(value) ? translate(locale, value) : value]),
      );
      return { path: field.path, message: translate(locale, field.key, params) };
    });
    return reply.status(error.status).send({
      error: { code: error.code, message: translate(locale, `errors.${error.code}`), ...(details.length ? { details } : {}) },
    });
  }

  const problems = validationProblems(error);
  if (problems) {
    const details = problems.map((problem) => {
      const where = problem.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return { path: where, message: describeIssue(problem.params.issue, locale, say) };
    });
    return reply.status(400).send({ error: { code: 'validation', message: translate(locale, 'errors.validation'), details } });
  }

  if (violatedUniqueConstraint(error) !== null) {
    return reply.status(409).send({ error: { code: 'conflict', message: translate(locale, 'errors.conflict') } });
  }
  if (isForeignKeyViolation(error)) {
    return reply.status(409).send({ error: { code: 'in_use', message: translate(locale, 'errors.in_use') } });
  }
  if (isCheckViolation(error) !== null) {
    return reply.status(400).send({ error: { code: 'validation', message: translate(locale, 'errors.validation') } });
  }

  const status = (error as FastifyError).statusCode;
  if (!isResponseSerializationError(error) && status && status >= 400 && status < 500) {
    const code = statusCodes[status] ?? 'bad_request';
    return reply.status(status).send({ error: { code, message: translate(locale, `errors.${code}`) } });
  }

  request.log.error({ err: loggableError(error), requestId: request.id, actor: request.actor?.user?.id ?? null }, 'unexpected error');
  return reply.status(500).send({ error: { code: 'internal', message: translate(locale, 'errors.internal') } });
}

/**
 * What the log keeps of an unexpected error: its kind, the database's code and where it was raised, our stack.
 * Never a failed query's parameters or the values a database message quotes (e-mails, phone numbers, names:
 * personal data, Law 09-08).
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const database = databaseErrorOf(error);
  if (database) {
    const { code, constraint, table, column, routine, severity } = database;
    return { type: 'DatabaseError', code, constraint, table, column, routine, severity };
  }
  if (error instanceof Error) return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error };
}

type DatabaseErrorFields = { code?: string; constraint?: string; table?: string; column?: string; routine?: string; severity?: string };

/** The PostgreSQL error behind an error (Drizzle wraps it as the cause of a query error that quotes the parameters). */
function databaseErrorOf(error: unknown): DatabaseErrorFields | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const fields = current as DatabaseErrorFields & { query?: unknown };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields;
  }
  const wrapper = error as { query?: unknown } | null;
  return wrapper && typeof wrapper === 'object' && 'query' in wrapper ? {} : null;
}
