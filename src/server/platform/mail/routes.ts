import { outboundEmailSchema, outboxQuerySchema } from '../../../contracts/audit.js';
import type { App, Deps } from '../http.js';
import { registerList } from '../list-routes.js';
import { outboxList } from './outbox.js';

export async function registerOutboxRoutes(app: App, deps: Deps) {
  registerList(app, deps, {
    path: '/outbox',
    access: ['network_admin'],
    tags: ['audit'],
    summary: 'E-mails the platform sent or, with no SMTP configured, keeps in its outbox',
    querystring: outboxQuerySchema,
    item: outboundEmailSchema,
    list: outboxList,
  });
}
