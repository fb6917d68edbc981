import { mailDeliverySchema, outboundEmailSchema, outboxQuerySchema } from '../../../contracts/audit.js';
import { errorResponseSchema, idParamsSchema } from '../../../contracts/lists.js';
import { type App, contextOf, type Deps } from '../http.js';
import { registerList } from '../list-routes.js';
import { mailDeliveryState, outboxList, resendEmail } from './outbox.js';

export async function registerOutboxRoutes(app: App, deps: Deps) {
  registerList(app, deps, {
    path: '/outbox',
    access: ['network_admin'],
    tags: ['audit'],
    summary: 'The outbox: every e-mail of the platform, its status, attempts and last error (bodies with sign-in links hidden)',
    querystring: outboxQuerySchema,
    item: outboundEmailSchema,
    list: outboxList,
  });

  app.get(
    '/outbox/delivery',
    {
      config: { access: ['network_admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Whether e-mail is delivered (SMTP configured) and how many messages wait or failed',
        response: { 200: mailDeliverySchema },
      },
    },
    (request) => mailDeliveryState(contextOf(deps, request.actor, request.locale), Boolean(deps.config.smtpUrl)),
  );

  app.post(
    '/outbox/:id/resend',
    {
      config: { access: ['network_admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Send a failed or waiting e-mail again now, with a fresh series of attempts',
        params: idParamsSchema,
        response: { 200: outboundEmailSchema, 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    (request) => resendEmail(contextOf(deps, request.actor, request.locale), request.params.id),
  );
}
