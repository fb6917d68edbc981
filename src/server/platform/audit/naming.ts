import type { Locale } from '../../../shared/locales.js';
import type { ReadContext } from '../context.js';

/** How one field of a kind of record reads in the audit log: its label, and its values in words. */
export type AuditField = {
  /** Message key of the field's name (often the export header's: `export.space.areaM2`). */
  label: string;
  /** The value in the reader's language (a code's label); by default yes/no, dates in Morocco time, texts as they are. */
  value?: (value: unknown, locale: Locale) => string;
  /** Said after the value: `m²`, `%`. */
  unit?: string;
  /** Not shown at all (internal references, derived columns). */
  hidden?: boolean;
};

/** How a module names one kind of record it audits (`entityType`). */
export type AuditEntityNames = {
  /**
   * The display names of a batch of records in the reader's language (company name, space code with its park,
   * call title…): one query for the whole batch, never one per row. Ids it does not know are left out.
   */
  names?: (ctx: ReadContext, ids: string[]) => Promise<Map<string, string>>;
  fields?: Record<string, AuditField>;
};

/** What a module declares in its definition: entity type → how its records are named. */
export type AuditNames = Record<string, AuditEntityNames>;

const namers = new Map<string, { owner: string; names: AuditEntityNames }>();

/** Adds a module's namers (idempotent); two owners naming one entity type are refused. */
export function installAuditNames(owner: string, names: AuditNames): void {
  for (const [entityType, entity] of Object.entries(names)) {
    const existing = namers.get(entityType);
    if (existing && existing.names !== entity) {
      throw new Error(`audit: "${entityType}" of ${owner} is already named by ${existing.owner}`);
    }
    namers.set(entityType, { owner, names: entity });
  }
}

export function auditNamesOf(entityType: string): AuditEntityNames | undefined {
  return namers.get(entityType)?.names;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids that can be looked up in a uuid column (an entry's id is text: anything else would fail the query). */
export const uuidIds = (ids: string[]) => ids.filter((id) => uuidPattern.test(id));
