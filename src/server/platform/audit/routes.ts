import { and, asc, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { auditPageSchema, auditQuerySchema } from '../../../contracts/audit.js';
import { exportQuerySchema } from '../../../contracts/lists.js';
import type { Database } from '../../db/database.js';
import { sendTable } from '../export.js';
import type { App, Deps } from '../http.js';
import { auditLog } from './schema.js';

type AuditQuery = z.infer<typeof auditQuerySchema>;

function nextDay(isoDate: string): Date {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

function auditFilters(query: AuditQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.actorUserId) conditions.push(eq(auditLog.actorUserId, query.actorUserId));
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.from) conditions.push(gte(auditLog.at, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) conditions.push(lt(auditLog.at, nextDay(query.to)));
  return conditions.length ? and(...conditions) : undefined;
}

async function listAudit(db: Database, query: AuditQuery, limit?: number) {
  const where = auditFilters(query);
  const direction = query.order === 'asc' ? asc : desc;
  const pageSize = limit ?? query.pageSize;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(direction(auditLog.at), direction(auditLog.id))
      .limit(pageSize)
      .offset(limit ? 0 : (query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
    total: Number(total),
    page: query.page,
    pageSize,
  };
}

export async function registerAuditRoutes(app: App, deps: Deps) {
  app.get(
    '/audit',
    {
      config: { access: ['network_admin'] },
      schema: { tags: ['audit'], summary: 'Who changed what and when', querystring: auditQuerySchema, response: { 200: auditPageSchema } },
    },
    async (request) => listAudit(deps.db, request.query),
  );

  app.get(
    '/audit/export',
    {
      config: { access: ['network_admin'] },
      schema: { tags: ['audit'], summary: 'The audit log as CSV or XLSX', querystring: auditQuerySchema.extend(exportQuerySchema.shape) },
    },
    async (request, reply) => {
      const { items } = await listAudit(deps.db, request.query, 50000);
      return sendTable(reply, {
        format: request.query.format,
        filename: 'audit',
        locale: request.locale,
        rows: items,
        columns: [
          { header: 'export.audit.at', value: (entry) => entry.at },
          { header: 'export.audit.actor', value: (entry) => entry.actorName ?? entry.actorUserId },
          { header: 'export.audit.action', value: (entry) => entry.action },
          { header: 'export.audit.entityType', value: (entry) => entry.entityType },
          { header: 'export.audit.entityId', value: (entry) => entry.entityId },
          { header: 'export.audit.changes', value: (entry) => JSON.stringify({ before: entry.before, after: entry.after }) },
        ],
      });
    },
  );
}
