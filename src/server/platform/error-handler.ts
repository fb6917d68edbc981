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

  request.log.error({ err: error }, 'unexpected error');
  return reply.status(500).send({ error: { code: 'internal', message: translate(locale, 'errors.internal') } });
}
