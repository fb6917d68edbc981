import { z } from 'zod';
import { errorResponseSchema, idParamsSchema } from '../../../contracts/lists.js';
import {
  changePasswordBodySchema,
  createErasureRequestBodySchema,
  erasureRequestSchema,
  erasureRequestsQuerySchema,
  myErasureRequestSchema,
  personalDataFormatSchema,
  personalDataReadSchema,
  personalDataReadsQuerySchema,
  processErasureBodySchema,
} from '../../../contracts/privacy.js';
import { recordAudit } from '../../platform/audit/service.js';
import { createAttemptLimiter } from '../../platform/auth/attempts.js';
import { forwardCookies } from '../../platform/auth/routes.js';
import { requestHeaders } from '../../platform/auth/session.js';
import { AppError } from '../../platform/errors.js';
import { type App, type Deps, sendAttachment, serviceContext } from '../../platform/http.js';
import { registerList } from '../../platform/list-routes.js';
import { erasureRequestList, myErasureRequest, processErasure, requestErasure } from './erasure.js';
import { myDataFile } from './my-data.js';
import { myDataReadsList } from './reads-list.js';

function statusOf(error: unknown): number | null {
  const candidate = error as { statusCode?: number };
  return typeof candidate.statusCode === 'number' ? candidate.statusCode : null;
}

/** The person's own data (Law 09-08): export, who read it, password, erasure; and the admins' side of erasure. */
export async function registerPrivacyRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);
  const perAccount = createAttemptLimiter({ max: deps.config.loginRateLimit });

  app.get(
    '/me/personal-data',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['privacy'],
        summary: 'Everything the platform holds about me, as JSON or as a workbook (one sheet per section)',
        querystring: personalDataFormatSchema,
        response: { 200: z.unknown() },
      },
    },
    async (request, reply) => sendAttachment(reply, await myDataFile(ctx(request), request.query.format)),
  );

  registerList(app, deps, {
    path: '/me/personal-data/reads',
    access: 'signed-in',
    tags: ['privacy'],
    summary: 'Who read my personal data, what and when (people lists, applications, files…)',
    querystring: personalDataReadsQuerySchema,
    item: personalDataReadSchema,
    list: myDataReadsList,
  });

  app.post(
    '/me/password',
    {
      config: { access: 'signed-in', rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['privacy'],
        summary: 'Change my password (the current one is asked); my other sessions are signed out',
        body: changePasswordBodySchema,
        response: { 204: z.null(), 400: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      perAccount.attempt(`password:${request.actor.userId}`);
      const result = await deps.auth.api
        .changePassword({
          body: { currentPassword: request.body.currentPassword, newPassword: request.body.newPassword, revokeOtherSessions: true },
          headers: requestHeaders(request),
          returnHeaders: true,
        })
        .catch((error: unknown) => {
          const status = statusOf(error);
          if (status && status >= 400 && status < 500) {
            throw new AppError('wrong_password', [{ path: 'currentPassword', key: 'validation.wrong_password' }]);
          }
          throw error;
        });
      await recordAudit(deps.db, request.actor, { action: 'password.change', entityType: 'user', entityId: request.actor.userId });
      forwardCookies(result.headers, reply);
      return reply.status(204).send(null);
    },
  );

  await registerErasureRoutes(app, deps);
}

/** Erasure: the person asks, network admins answer. */
async function registerErasureRoutes(app: App, deps: Deps) {
  const ctx = (request: Parameters<typeof serviceContext>[1]) => serviceContext(deps, request);

  app.get(
    '/me/erasure-request',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['privacy'], summary: 'My latest request to erase my data, if any', response: { 200: myErasureRequestSchema } },
    },
    async (request) => ({ request: await myErasureRequest(ctx(request)) }),
  );

  app.post(
    '/me/erasure-request',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['privacy'],
        summary: 'Ask for my data to be erased (staff answer; what the law makes us keep is said)',
        body: createErasureRequestBodySchema,
        response: { 201: erasureRequestSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await requestErasure(ctx(request), request.body)),
  );

  registerList(app, deps, {
    path: '/erasure-requests',
    access: ['network_admin'],
    tags: ['privacy'],
    summary: 'Requests to erase personal data, to answer (every read is logged)',
    querystring: erasureRequestsQuerySchema,
    item: erasureRequestSchema,
    list: erasureRequestList,
  });

  app.post(
    '/erasure-requests/:id/process',
    {
      config: { access: ['network_admin'] },
      schema: {
        tags: ['privacy'],
        summary: 'Carry out an erasure request (data erased, account closed, what is kept said) or refuse it with a reason',
        params: idParamsSchema,
        body: processErasureBodySchema,
        response: { 200: erasureRequestSchema, 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => processErasure(ctx(request), { id: request.params.id, body: request.body }),
  );
}
