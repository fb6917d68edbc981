import { z } from 'zod';
import { outboxPageSchema } from '../../../contracts/audit.js';
import type { App, Deps } from '../http.js';
import { listOutboundEmails } from './service.js';

export async function registerOutboxRoutes(app: App, deps: Deps) {
  app.get(
    '/outbox',
    {
      config: { access: ['network_admin'] },
      schema: {
        tags: ['audit'],
        summary: 'E-mails the platform sent or, with no SMTP configured, keeps in its outbox',
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: outboxPageSchema },
      },
    },
    async (request) => {
      const result = await listOutboundEmails(deps.db, request.query.page, request.query.pageSize);
      return {
        ...result,
        items: result.items.map((email) => ({
          ...email,
          createdAt: email.createdAt.toISOString(),
          sentAt: email.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );
}
