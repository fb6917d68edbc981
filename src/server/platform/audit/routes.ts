import { auditEntrySchema, auditQuerySchema } from '../../../contracts/audit.js';
import type { App, Deps } from '../http.js';
import { registerList } from '../list-routes.js';
import { auditList } from './audit-list.js';

export async function registerAuditRoutes(app: App, deps: Deps) {
  registerList(app, deps, {
    path: '/audit',
    access: ['network_admin'],
    tags: ['audit'],
    summary: 'Who changed what and when',
    querystring: auditQuerySchema,
    item: auditEntrySchema,
    list: auditList,
  });
}
