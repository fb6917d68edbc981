import { and, asc, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEntry, auditQuerySchema } from '../../../contracts/audit.js';
import { startOfLocalDay } from '../../../shared/morocco-time.js';
import type { Column } from '../export.js';
import { defineList, selectSource } from '../lists.js';
import { changesText, presentAuditRows } from './present.js';
import { auditLog } from './schema.js';

type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Midnight starting a local day on the park's clock: "from 3 March" means from 00:00 in Casablanca. */
function startOfDay(isoDate: string): Date {
  return new Date(startOfLocalDay(isoDate) ?? `${isoDate}T00:00:00Z`);
}

function nextDay(isoDate: string): Date {
  const day = new Date(`${isoDate}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return startOfDay(day.toISOString().slice(0, 10));
}

function auditFilters(query: AuditQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.actorUserId) conditions.push(eq(auditLog.actorUserId, query.actorUserId));
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.from) conditions.push(gte(auditLog.at, startOfDay(query.from)));
  if (query.to) conditions.push(lt(auditLog.at, nextDay(query.to)));
  return conditions.length ? and(...conditions) : undefined;
}

/** Who changed what and when, newest first unless asked otherwise. */
export const auditList = defineList({
  name: 'audit',
  source: (ctx, query: AuditQuery) => {
    const direction = query.order === 'asc' ? asc : desc;
    return selectSource(ctx.db, () => ctx.db.select().from(auditLog).where(auditFilters(query)).$dynamic(), [
      direction(auditLog.at),
      direction(auditLog.id),
    ]);
  },
  present: (ctx, rows): Promise<AuditEntry[]> => presentAuditRows(ctx, rows),
  // The same words as the page: when, who, the sentence, the record named, the fields changed.
  columns: ({ locale }): Column<AuditEntry>[] => [
    { header: 'export.audit.at', kind: 'instant', value: (entry) => entry.at },
    { header: 'export.audit.actor', value: (entry) => entry.actorLabel },
    { header: 'export.audit.what', value: (entry) => entry.sentence },
    { header: 'export.audit.object', value: (entry) => `${entry.typeLabel} ${entry.objectName}` },
    { header: 'export.audit.changes', value: (entry) => changesText(locale, entry.changes) },
  ],
});
