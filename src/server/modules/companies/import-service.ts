import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CompanyImport,
  CompanyImportSummary,
  companyImportsQuerySchema,
  createCompanyImportBodySchema,
  ImportField,
  ImportProblem,
} from '../../../contracts/company-imports.js';
import type { Locale } from '../../../shared/locales.js';
import { pickText } from '../../../shared/localized-text.js';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import { users } from '../../platform/auth/schema.js';
import type { ServiceContext } from '../../platform/context.js';
import { likePattern } from '../../platform/database-errors.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { decodeUpload, readStoredFile, storeCheckedFile, storeFile } from '../../platform/files/service.js';
import type { Jobs } from '../../platform/jobs/jobs.js';
import { isMessageKey, translate } from '../../platform/messages.js';
import { parks } from '../parks/schema.js';
import { type CompanyImportJob, companyImportQueue, previewRows } from './import-jobs.js';
import { tableFormatOf } from './import-parse.js';
import type { ImportedCompany, ImportProblemRecord } from './import-rows.js';
import { companyImports } from './schema.js';

/**
 * Imports of existing companies as people see them: sending a file, following its check, confirming it,
 * the list of past imports. Only network admins and the person who sent an import see it.
 */
type ImportRecord = typeof companyImports.$inferSelect;
type ImportsQuery = z.infer<typeof companyImportsQuerySchema>;

function canSee(actor: Actor, record: ImportRecord): boolean {
  return actor.isNetworkAdmin || (actor.user !== null && record.createdBy === actor.user.id);
}

async function visibleImport(db: Executor, actor: Actor, id: string, lock = false): Promise<ImportRecord> {
  const query = db.select().from(companyImports).where(eq(companyImports.id, id)).limit(1);
  const [record] = lock ? await query.for('update') : await query;
  // Someone else's import is not disclosed.
  if (!record || !canSee(actor, record)) throw notFound();
  return record;
}

/** Queues a job after its transaction committed; if the queue refuses it, the import says so instead of waiting forever. */
async function queueJob(jobs: Jobs, job: CompanyImportJob, onRefused: () => Promise<void>): Promise<void> {
  try {
    await jobs.enqueue(companyImportQueue, job);
  } catch (error) {
    await onRefused();
    throw error;
  }
}

/** Receives a file: checks what it is, keeps it, and queues its check. Answers at once (status validating). */
export async function createCompanyImport(
  ctx: ServiceContext,
  jobs: Jobs,
  body: z.infer<typeof createCompanyImportBodySchema>,
): Promise<CompanyImport> {
  const { db, actor } = ctx;
  if (body.parkId) {
    const [park] = await db.select({ id: parks.id, name: parks.name }).from(parks).where(eq(parks.id, body.parkId)).limit(1);
    if (!park) throw invalidField('parkId', 'import.unknown_park', { value: body.parkId });
    if (!actor.managesPark(park.id)) {
      throw new AppError('forbidden', [
        { path: 'parkId', key: 'import.park_not_managed', params: { park: pickText(park.name, ctx.locale) } },
      ]);
    }
  }
  const content = decodeUpload(body.file.content, 'file');
  const format = tableFormatOf(body.file.name, content, 'file');
  const created = await db.transaction(async (tx) => {
    const file =
      format === 'xlsx'
        ? await storeFile(tx, actor, { name: body.file.name, content, accept: 'document', path: 'file' })
        : await storeCheckedFile(tx, actor, { name: body.file.name, content, type: { mediaType: 'text/csv', extension: 'csv' } });
    const [record] = await tx
      .insert(companyImports)
      .values({ parkId: body.parkId, fileId: file.id, fileName: body.file.name, locale: ctx.locale, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, {
      action: 'company_import.create',
      entityType: 'company_import',
      entityId: record.id,
      after: { fileName: record.fileName, fileId: file.id, size: file.size, parkId: record.parkId },
    });
    return record;
  });
  // Read before queueing: once queued, the job may hold a PGlite database until it ends.
  const view = await getCompanyImport(ctx, created.id);
  await queueJob(jobs, { importId: created.id, step: 'validate' }, async () => {
    await db
      .update(companyImports)
      .set({
        status: 'failed',
        problems: [{ row: 0, column: null, field: null, key: 'import.failed_unexpected' }],
        problemCount: 1,
        finishedAt: new Date(),
      })
      .where(eq(companyImports.id, created.id));
  });
  return view;
}

/** Confirms a checked import (its sender or a network admin): it is then imported in the background, all or nothing. */
export async function confirmCompanyImport(ctx: ServiceContext, jobs: Jobs, id: string): Promise<CompanyImport> {
  const { db, actor } = ctx;
  await db.transaction(async (tx) => {
    const record = await visibleImport(tx, actor, id, true);
    if (record.status !== 'ready') {
      throw new AppError('not_editable', [
        { path: 'status', key: 'import.not_ready', params: { status: `import.status.${record.status}` } },
      ]);
    }
    await tx
      .update(companyImports)
      .set({ status: 'importing', confirmedBy: actor.userId, confirmedAt: new Date(), updatedAt: new Date() })
      .where(eq(companyImports.id, id));
    await recordAudit(tx, actor, {
      action: 'company_import.confirm',
      entityType: 'company_import',
      entityId: id,
      before: { status: 'ready' },
      after: { status: 'importing', rows: record.totalRows },
    });
  });
  const view = await getCompanyImport(ctx, id);
  await queueJob(jobs, { importId: id, step: 'import' }, async () => {
    await db
      .update(companyImports)
      .set({ status: 'ready', confirmedBy: null, confirmedAt: null })
      .where(and(eq(companyImports.id, id), eq(companyImports.status, 'importing')));
  });
  return view;
}

/** A problem in the reader's language; the column is the file's header, or our name for it when the file lacks it. */
export function describeProblem(problem: ImportProblemRecord, locale: Locale): ImportProblem {
  const params = Object.fromEntries(
    Object.entries(problem.params ?? {}).map(([name, value]) => [
      name,
      (name === 'column' || name === 'status') && isMessageKey(value) ? translate(locale, value) : value,
    ]),
  );
  return {
    row: problem.row,
    column: problem.column ?? (problem.field ? translate(locale, `import.column.${problem.field}`) : ''),
    message: translate(locale, problem.key, params),
  };
}

async function namesOf(db: Executor, userIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function parkNamesOf(db: Executor, parkIds: (string | null)[], locale: Locale): Promise<Map<string, string>> {
  const ids = [...new Set(parkIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: parks.id, name: parks.name }).from(parks).where(inArray(parks.id, ids));
  return new Map(rows.map((row) => [row.id, pickText(row.name, locale)]));
}

const person = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? '' } : null);
const parkRef = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? '' } : null);

function toSummary(record: ImportRecord, people: Map<string, string>, parkNames: Map<string, string>): CompanyImportSummary {
  return {
    id: record.id,
    fileName: record.fileName,
    park: parkRef(record.parkId, parkNames),
    status: record.status,
    totalRows: record.totalRows,
    processedRows: record.processedRows,
    importedRows: record.importedRows,
    invalidRows: record.invalidRows,
    problemCount: record.problemCount,
    createdBy: person(record.createdBy, people),
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}

export async function getCompanyImport(ctx: ServiceContext, id: string): Promise<CompanyImport> {
  const record = await visibleImport(ctx.db, ctx.actor, id);
  const preview = (record.rows as ImportedCompany[]).slice(0, previewRows);
  const [people, parkNames] = await Promise.all([
    namesOf(ctx.db, [record.createdBy, record.confirmedBy]),
    parkNamesOf(ctx.db, [record.parkId, ...preview.map((row) => row.parkId)], ctx.locale),
  ]);
  return {
    ...toSummary(record, people, parkNames),
    problems: record.problems.map((problem) => describeProblem(problem as ImportProblemRecord, ctx.locale)),
    columns: record.columns.map((column) => ({ header: column.header, field: column.field as ImportField | null })),
    preview: preview.map((row) => ({
      row: row.row,
      legalName: row.legalName,
      brandName: row.brandName,
      legalForm: row.legalForm,
      ice: row.ice,
      rcNumber: row.rcNumber,
      ifNumber: row.ifNumber,
      creationDate: row.creationDate,
      sectors: row.sectors,
      stage: row.stage,
      park: parkRef(row.parkId, parkNames),
      email: row.email,
      phone: row.phone,
      website: row.website,
      history: row.history,
      hasProblems: row.hasProblems,
    })),
    confirmedBy: person(record.confirmedBy, people),
    confirmedAt: record.confirmedAt?.toISOString() ?? null,
    canConfirm: record.status === 'ready',
  };
}

/** Every kept problem of an import, worded for the reader (for the CSV/XLSX download). */
export async function listImportProblems(ctx: ServiceContext, id: string): Promise<ImportProblem[]> {
  const record = await visibleImport(ctx.db, ctx.actor, id);
  return record.problems.map((problem) => describeProblem(problem as ImportProblemRecord, ctx.locale));
}

/** The stored file of an import, for its sender and network admins. */
export async function importFile(ctx: ServiceContext, id: string) {
  const record = await visibleImport(ctx.db, ctx.actor, id);
  if (!record.fileId) throw notFound();
  return readStoredFile(ctx.db, record.fileId);
}

function importFilters(actor: Actor, query: Omit<ImportsQuery, 'page' | 'pageSize' | 'sort' | 'order'>): SQL | undefined {
  const conditions: SQL[] = [];
  if (!actor.isNetworkAdmin) conditions.push(eq(companyImports.createdBy, actor.userId));
  if (query.status) conditions.push(eq(companyImports.status, query.status));
  if (query.q) conditions.push(sql`${companyImports.fileName} ilike ${likePattern(query.q)}`);
  return conditions.length ? and(...conditions) : undefined;
}

function importOrder(query: ImportsQuery): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  const column = { createdAt: companyImports.createdAt, fileName: companyImports.fileName, status: companyImports.status }[query.sort];
  return [direction(column), desc(companyImports.createdAt), asc(companyImports.id)];
}

async function summaries(db: Executor, records: ImportRecord[], locale: Locale): Promise<CompanyImportSummary[]> {
  const [people, parkNames] = await Promise.all([
    namesOf(
      db,
      records.map((record) => record.createdBy),
    ),
    parkNamesOf(
      db,
      records.map((record) => record.parkId),
      locale,
    ),
  ]);
  return records.map((record) => toSummary(record, people, parkNames));
}

/** Past imports: all of them for network admins, one's own for park managers. */
export async function listCompanyImports(ctx: ServiceContext, query: ImportsQuery) {
  const where = importFilters(ctx.actor, query);
  const [records, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(companyImports)
      .where(where)
      .orderBy(...importOrder(query))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(companyImports).where(where),
  ]);
  return { items: await summaries(ctx.db, records, ctx.locale), total: Number(total), page: query.page, pageSize: query.pageSize };
}

export async function listAllCompanyImports(ctx: ServiceContext, query: ImportsQuery): Promise<CompanyImportSummary[]> {
  const records = await ctx.db
    .select()
    .from(companyImports)
    .where(importFilters(ctx.actor, query))
    .orderBy(...importOrder(query))
    .limit(10000);
  return summaries(ctx.db, records, ctx.locale);
}
