import type { Executor } from '../../db/database.js';
import type { Actor } from '../access.js';
import { auditLog } from './schema.js';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

const secretFields = new Set(['password', 'tokenHash', 'token']);

/** Dates become ISO strings and secrets never reach the log. */
function snapshot(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (key, field) => (secretFields.has(key) ? '[redacted]' : field)));
}

function auditRow(actor: Actor, entry: AuditEntry) {
  return {
    actorUserId: actor.user?.id ?? null,
    actorName: actor.user?.name ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
  };
}

/** Records many writes of one bulk operation (an import) in a few statements, in its transaction. */
export async function recordAudits(tx: Executor, actor: Actor, entries: AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += 500) {
    await tx.insert(auditLog).values(entries.slice(start, start + 500).map((entry) => auditRow(actor, entry)));
  }
}

/** Records one write; call it inside the same transaction as the write itself. */
export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(actor, entry));
}
