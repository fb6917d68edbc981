import { inArray } from 'drizzle-orm';
import type { AuditChange, AuditEntry } from '../../../contracts/audit.js';
import { roles } from '../../../contracts/roles.js';
import type { Locale } from '../../../shared/locales.js';
import { toLocalDateTime } from '../../../shared/morocco-time.js';
import { users } from '../auth/schema.js';
import type { ReadContext } from '../context.js';
import { labelOr } from '../export.js';
import { roleAssignments } from '../grants/schema.js';
import { isMessageKey, translate } from '../messages.js';
import { type AuditField, auditNamesOf, uuidIds } from './naming.js';
import type { auditLog } from './schema.js';

type AuditRow = typeof auditLog.$inferSelect;
type Snapshot = Record<string, unknown>;

/** Fields that say nothing to a reader: identifiers, bookkeeping, secrets. */
const quietFields = new Set(['id', 'createdAt', 'updatedAt', 'password', 'token', 'createdBy']);
const quietField = (field: string) => quietFields.has(field) || /(Id|Ids|Hash)$/.test(field);
const maxChanges = 12;

/** What the platform itself writes in entries of every kind: the reads and exports of personal data. */
const commonFields: Record<string, AuditField> = {
  count: { label: 'audit.field.count' },
  filters: {
    label: 'audit.field.filters',
    value: (value) =>
      Object.entries(asSnapshot(value) ?? {})
        .filter(([name, given]) => !['page', 'pageSize', 'sort', 'order', 'format'].includes(name) && given !== undefined && given !== '')
        .map(([name, given]) => `${humanize(name)} = ${typeof given === 'string' ? given : JSON.stringify(given)}`)
        .join(', ') || '—',
  },
};

/** `company_import.validate` → `company import validate`: a code made readable, for what nobody words yet. */
export const humanize = (code: string) =>
  code
    .replace(/[._-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

const isLocalizedText = (value: unknown): value is { fr: string; ar?: string; en?: string } =>
  typeof value === 'object' && value !== null && typeof (value as { fr?: unknown }).fr === 'string';

/** A value in words when its field does not say better: yes/no, Morocco time, a text in the reader's language. */
export function valueText(value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return translate(locale, value ? 'value.yes' : 'value.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return toLocalDateTime(value).replace('T', ' ');
    return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  }
  if (Array.isArray(value)) return value.length ? value.map((item) => valueText(item, locale)).join(', ') : '—';
  if (isLocalizedText(value)) return value[locale] || value.fr;
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

function fieldValue(field: AuditField | undefined, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = field?.value ? field.value(value, locale) : valueText(value, locale);
  return field?.unit ? `${text} ${field.unit}` : text;
}

const asSnapshot = (value: unknown): Snapshot | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Snapshot) : null;

/** The fields an entry changed, named and valued in the reader's language: before → after (or what was set). */
export function auditChanges(row: Pick<AuditRow, 'entityType' | 'before' | 'after'>, locale: Locale): AuditChange[] {
  const before = asSnapshot(row.before);
  const after = asSnapshot(row.after);
  const fields = { ...commonFields, ...auditNamesOf(row.entityType)?.fields };
  // The module's fields in the order it declares them (a snapshot's keys come back in the database's order), then the rest.
  const names = [...new Set([...Object.keys(fields), ...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (name) => (before && name in before) || (after && name in after),
  );
  return (
    names
      .filter((name) => !fields[name]?.hidden && (fields[name] || !quietField(name)))
      .filter((name) => !(before && after) || JSON.stringify(before[name]) !== JSON.stringify(after[name]))
      // What a record was created with: only what it holds (no empty fields).
      .filter((name) => before || !isEmpty(after?.[name]))
      .slice(0, maxChanges)
      .map((name) => ({
        field: fields[name] ? translate(locale, fields[name].label) : capitalized(humanize(name)),
        before: before ? fieldValue(fields[name], before[name], locale) : null,
        after: after ? fieldValue(fields[name], after[name], locale) : null,
      }))
  );
}

/** A record nobody names (deleted since, or of a kind no module names): what its snapshot calls it, else its id. */
function snapshotName(row: AuditRow, locale: Locale): string {
  const snapshot = asSnapshot(row.after) ?? asSnapshot(row.before) ?? {};
  for (const key of ['name', 'legalName', 'title', 'reference', 'code', 'subject']) {
    const value = snapshot[key];
    if (isLocalizedText(value)) return value[locale] || value.fr;
    if (typeof value === 'string' && value) return value;
  }
  return row.entityId;
}

/** Display names of every record of a window: one query per kind of record. */
async function objectNames(ctx: ReadContext, rows: AuditRow[]): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const row of rows) idsByType.set(row.entityType, (idsByType.get(row.entityType) ?? new Set()).add(row.entityId));
  const named = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([entityType, ids]) => {
      const names = auditNamesOf(entityType)?.names;
      const known = entityType === 'user' || entityType === 'network' ? [...ids] : uuidIds([...ids]);
      if (!names || !known.length) return;
      for (const [id, name] of await names(ctx, known)) named.set(`${entityType}:${id}`, name);
    }),
  );
  return named;
}

/** Who acted: their name today (or when they acted) and their main role, for every actor of a window at once. */
async function actorLabels(ctx: ReadContext, rows: AuditRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  if (!ids.length) return new Map();
  const [people, grants] = await Promise.all([
    ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)),
    ctx.db
      .select({ userId: roleAssignments.userId, role: roleAssignments.role })
      .from(roleAssignments)
      .where(inArray(roleAssignments.userId, ids)),
  ]);
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const labels = new Map<string, string>();
  for (const row of rows) {
    if (!row.actorUserId || labels.has(row.actorUserId)) continue;
    const name = nameOf.get(row.actorUserId) ?? row.actorName ?? translate(ctx.locale, 'audit.actor.someone');
    const held = grants.filter((grant) => grant.userId === row.actorUserId).map((grant) => roles.indexOf(grant.role));
    const main = held.length ? roles[Math.min(...held)] : null;
    labels.set(
      row.actorUserId,
      main ? translate(ctx.locale, 'audit.actor.withRole', { name, role: translate(ctx.locale, `role.${main}`) }) : name,
    );
  }
  return labels;
}

/** The entry as a sentence: the action's own wording, else a verb the platform knows, else the code made readable. */
export function auditSentence(
  locale: Locale,
  row: Pick<AuditRow, 'action'>,
  words: { actor: string; type: string; object: string },
): string {
  const key = `audit.action.${row.action}`;
  if (isMessageKey(key)) return translate(locale, key, words);
  const verb = `audit.verb.${row.action.split('.').at(-1)}`;
  const type = words.type.toLocaleLowerCase(locale);
  // A read or an export of a whole list (personal data): `*` stands for every record of the kind.
  if (isMessageKey(verb) && words.object === '*')
    return translate(locale, 'audit.sentence.list', { ...words, type, verb: translate(locale, verb) });
  if (isMessageKey(verb)) return translate(locale, 'audit.sentence', { ...words, type, verb: translate(locale, verb) });
  return translate(locale, 'audit.sentence.other', { ...words, type, action: humanize(row.action) });
}

/** A window of the log as the page and the export read it. */
export async function presentAuditRows(ctx: ReadContext, rows: AuditRow[]): Promise<AuditEntry[]> {
  const [names, actors] = await Promise.all([objectNames(ctx, rows), actorLabels(ctx, rows)]);
  return rows.map((row) => {
    const actor = row.actorUserId ? (actors.get(row.actorUserId) ?? '') : translate(ctx.locale, 'audit.actor.platform');
    const type = labelOr(ctx.locale, `audit.entity.${row.entityType}`, humanize(row.entityType));
    const object = names.get(`${row.entityType}:${row.entityId}`) ?? snapshotName(row, ctx.locale);
    return {
      ...row,
      at: row.at.toISOString(),
      actorLabel: actor,
      typeLabel: type,
      objectName: object,
      sentence: auditSentence(ctx.locale, row, { actor, type, object }),
      changes: auditChanges(row, ctx.locale),
    };
  });
}

/** The changes as one text (the export's cell): `Status: free → occupied; Area (m²): 40 → 45` (no list separator of a CSV). */
export function changesText(locale: Locale, changes: AuditChange[]): string {
  return changes
    .map((change) =>
      change.before === null
        ? translate(locale, 'audit.change.set', { field: change.field, after: change.after ?? '—' })
        : translate(locale, 'audit.change', { field: change.field, before: change.before, after: change.after ?? '—' }),
    )
    .join(' · ');
}
