import { setImmediate as yieldToOtherWork } from 'node:timers/promises';
import { and, eq, inArray } from 'drizzle-orm';
import { maxImportRows } from '../../../contracts/company-imports.js';
import { localToday } from '../../../shared/calendar.js';
import type { Database, DatabaseKind, Executor } from '../../db/database.js';
import { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import { actorOfUser } from '../../platform/auth/session.js';
import { violatedUniqueConstraint } from '../../platform/database-errors.js';
import { AppError } from '../../platform/errors.js';
import { readStoredFile } from '../../platform/files/service.js';
import { parks } from '../parks/schema.js';
import { readTable, type TableFormat } from './import-parse.js';
import { type ColumnMapping, type ImportedCompany, type ImportProblemRecord, interpretRow } from './import-rows.js';
import { mapColumns, parkIndex } from './import-vocabulary.js';
import { type CompanyInsert, insertCompanies } from './lifecycle.js';
import { companies, companyImports } from './schema.js';

/**
 * The two background steps of an import: checking the file (progress committed as it goes) and, once a
 * person confirmed, creating every company in one transaction — all of them or none.
 */
export const companyImportQueue = 'company-import';
export type CompanyImportJob = { importId: string; step: 'validate' | 'import' };

/** Progress is committed every so many rows, so that a reader polling the import sees it move. */
export const progressEveryRows = 250;
/** Rows kept to show as the preview of what was understood. */
export const previewRows = 20;
/** Problems kept (and shown, and exported); `problemCount` says how many there were in all. */
export const keptProblems = 2000;

type ImportRecord = typeof companyImports.$inferSelect;
type JobDeps = { db: Database; databaseKind: DatabaseKind };

/** A planned stop of the import job: the import is marked failed with these problems, nothing else happens. */
class ImportFailure extends Error {
  constructor(readonly problems: ImportProblemRecord[]) {
    super('import failed');
  }
}

const fileProblem = (key: ImportProblemRecord['key'], params?: Record<string, string>, row = 0): ImportProblemRecord => ({
  row,
  column: null,
  field: null,
  key,
  params,
});

async function actorOf(db: Database, userId: string | null): Promise<Actor> {
  return userId ? actorOfUser(db, userId) : Actor.anonymous();
}

const canImport = (actor: Actor) => actor.has('network_admin', 'park_manager');

/** Runs one job of the queue; an unexpected error marks the import failed (nothing imported) before it is rethrown. */
export async function runCompanyImportJob(deps: JobDeps, job: CompanyImportJob): Promise<void> {
  try {
    if (job.step === 'validate') await validateCompanyImport(deps.db, job.importId);
    else await importCompanies(deps, job.importId);
  } catch (error) {
    await markFailed(deps.db, job.importId, [fileProblem('import.failed_unexpected')]);
    throw error;
  }
}

type ValidationOutcome = {
  problems: ImportProblemRecord[];
  companies: ImportedCompany[];
  columns: ColumnMapping;
  totalRows: number;
};

/**
 * Checks an uploaded file row by row with the company form's rules, plus ICE unique in the file and in the
 * network, and the parks the sender may import into. Ends `ready` with the rows as understood, or `invalid`.
 */
export async function validateCompanyImport(db: Database, importId: string): Promise<void> {
  const [record] = await db.select().from(companyImports).where(eq(companyImports.id, importId)).limit(1);
  if (record?.status !== 'validating') return;
  const actor = await actorOf(db, record.createdBy);
  const outcome = await checkFile(db, record, actor);
  const invalidRows = outcome.companies.filter((company) => company.hasProblems).length;
  const ready = outcome.problems.length === 0;
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(companyImports)
      .set({
        status: ready ? 'ready' : 'invalid',
        totalRows: outcome.totalRows,
        invalidRows,
        problemCount: outcome.problems.length,
        problems: outcome.problems.slice(0, keptProblems),
        columns: outcome.columns,
        rows: ready ? outcome.companies : outcome.companies.slice(0, previewRows),
        updatedAt: new Date(),
        finishedAt: ready ? null : new Date(),
      })
      .where(and(eq(companyImports.id, importId), eq(companyImports.status, 'validating')))
      .returning({ id: companyImports.id });
    if (!updated) return;
    await recordAudit(tx, actor, {
      action: 'company_import.validate',
      entityType: 'company_import',
      entityId: importId,
      after: { status: ready ? 'ready' : 'invalid', totalRows: outcome.totalRows, invalidRows, problemCount: outcome.problems.length },
    });
  });
}

async function checkFile(db: Database, record: ImportRecord, actor: Actor): Promise<ValidationOutcome> {
  const stop = (problem: ImportProblemRecord, extra: Partial<ValidationOutcome> = {}): ValidationOutcome => ({
    problems: [problem],
    companies: [],
    columns: [],
    totalRows: 0,
    ...extra,
  });
  if (!canImport(actor) || !record.fileId) return stop(fileProblem('import.access_lost'));
  const file = await readStoredFile(db, record.fileId);
  const format: TableFormat = file.mediaType === 'text/csv' ? 'csv' : 'xlsx';
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(file.content, format);
  } catch (error) {
    if (error instanceof AppError && error.fields[0]) return stop(fileProblem(error.fields[0].key, error.fields[0].params));
    throw error;
  }
  const [header, ...rows] = table;
  if (!header || rows.length === 0) return stop(fileProblem('import.no_rows'));
  const mapping = mapColumns(header);
  const base = { columns: mapping.columns, totalRows: rows.length };
  if (mapping.problems.length) return { ...base, problems: mapping.problems, companies: [] };
  if (rows.length > maxImportRows) return stop(fileProblem('import.too_many_rows', { max: String(maxImportRows) }, header.number), base);

  await db.update(companyImports).set({ totalRows: rows.length, updatedAt: new Date() }).where(eq(companyImports.id, record.id));
  const parkRows = await db.select({ id: parks.id, slug: parks.slug, name: parks.name, city: parks.city }).from(parks);
  const defaultPark = parkRows.find((park) => park.id === record.parkId) ?? null;
  if (defaultPark && !actor.managesPark(defaultPark.id)) return stop(fileProblem('import.access_lost'), base);
  const context = {
    columns: mapping.columns,
    parks: parkIndex(parkRows),
    defaultPark,
    managesPark: (parkId: string) => actor.managesPark(parkId),
    parkRequired: !actor.isNetworkAdmin,
    today: localToday(),
  };
  const iceHeader = mapping.columns.find((column) => column.field === 'ice')?.header ?? null;
  const problems: ImportProblemRecord[] = [];
  const understood: ImportedCompany[] = [];
  const firstRowOfIce = new Map<string, number>();

  for (let start = 0; start < rows.length; start += progressEveryRows) {
    const chunk = rows.slice(start, start + progressEveryRows).map((row) => interpretRow(row, context));
    for (const { company, problems: rowProblems } of chunk) {
      problems.push(...rowProblems);
      if (company.ice) {
        const first = firstRowOfIce.get(company.ice);
        if (first === undefined) firstRowOfIce.set(company.ice, company.row);
        else {
          problems.push({
            row: company.row,
            column: iceHeader,
            field: 'ice',
            key: 'import.ice_duplicate_in_file',
            params: { row: String(first) },
          });
          company.hasProblems = true;
        }
      }
      understood.push(company);
    }
    const ices = chunk.map(({ company }) => company.ice).filter((ice): ice is string => ice !== null);
    const taken = await takenIces(db, ices);
    for (const { company } of chunk) {
      if (company.ice && taken.has(company.ice)) {
        problems.push({ row: company.row, column: iceHeader, field: 'ice', key: 'import.ice_taken' });
        company.hasProblems = true;
      }
    }
    const processedRows = Math.min(start + progressEveryRows, rows.length);
    await db.update(companyImports).set({ processedRows, updatedAt: new Date() }).where(eq(companyImports.id, record.id));
    // PGlite answers within the same turn of the event loop: without this, a reader's request would wait for the whole check.
    await yieldToOtherWork();
  }
  const columnOrder = new Map(mapping.columns.map((column, index) => [column.header, index]));
  problems.sort((a, b) => a.row - b.row || (columnOrder.get(a.column ?? '') ?? -1) - (columnOrder.get(b.column ?? '') ?? -1));
  return { ...base, problems, companies: understood };
}

async function takenIces(db: Executor, ices: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let start = 0; start < ices.length; start += 1000) {
    const slice = ices.slice(start, start + 1000);
    const rows = await db.select({ ice: companies.ice }).from(companies).where(inArray(companies.ice, slice));
    for (const row of rows) if (row.ice) taken.add(row.ice);
  }
  return taken;
}

/**
 * Creates every company of a confirmed import in ONE transaction: any failure (an ICE registered meanwhile,
 * rights lost) rolls everything back and marks the import failed with the reason.
 */
export async function importCompanies(deps: JobDeps, importId: string): Promise<void> {
  const { db } = deps;
  const [record] = await db.select().from(companyImports).where(eq(companyImports.id, importId)).limit(1);
  if (record?.status !== 'importing') return;
  const actor = await actorOf(db, record.confirmedBy);
  const rows = record.rows as ImportedCompany[];
  const iceHeader = record.columns.find((column) => column.field === 'ice')?.header ?? null;
  // PGlite has one connection, held by the transaction: progress can only be written beside it on PostgreSQL.
  const showProgress = deps.databaseKind === 'postgresql';
  try {
    await db.transaction(async (tx) => {
      if (!canImport(actor) || rows.some((row) => (row.parkId ? !actor.managesPark(row.parkId) : !actor.isNetworkAdmin))) {
        throw new ImportFailure([fileProblem('import.access_lost')]);
      }
      const taken = await takenIces(
        tx,
        rows.flatMap((row) => (row.ice ? [row.ice] : [])),
      );
      if (taken.size) {
        throw new ImportFailure(rows.filter((row) => row.ice && taken.has(row.ice)).map((row) => iceTaken(row, iceHeader)));
      }
      for (let start = 0; start < rows.length; start += progressEveryRows) {
        const chunk = rows.slice(start, start + progressEveryRows);
        try {
          await insertCompanies(
            tx,
            actor,
            chunk.map((row) => ({
              input: companyInsertOf(row),
              history: row.history.map((step) => ({ ...step, source: 'import' as const })),
            })),
            'rows',
          );
        } catch (error) {
          // The lifecycle rules were checked with the file; a day passing cannot break them, but should they refuse, say where.
          if (!(error instanceof AppError)) throw error;
          throw new ImportFailure(
            error.fields.map((field) => ({
              row: chunk[Number(/^rows\.(\d+)/.exec(field.path)?.[1] ?? 0)]?.row ?? 0,
              column: null,
              field: 'status',
              key: field.key,
              params: field.params,
            })),
          );
        }
        if (showProgress) {
          await db
            .update(companyImports)
            .set({ importedRows: start + chunk.length })
            .where(eq(companyImports.id, importId));
        }
        await yieldToOtherWork();
      }
      await tx
        .update(companyImports)
        .set({
          status: 'completed',
          importedRows: rows.length,
          rows: rows.slice(0, previewRows),
          updatedAt: new Date(),
          finishedAt: new Date(),
        })
        .where(eq(companyImports.id, importId));
      await recordAudit(tx, actor, {
        action: 'company_import.complete',
        entityType: 'company_import',
        entityId: importId,
        after: { importedRows: rows.length },
      });
    });
  } catch (error) {
    const problems = await failureProblems(db, error, rows, iceHeader);
    if (!problems) throw error;
    await markFailed(db, importId, problems, actor);
  }
}

/** The reasons of a failed import, or null when the error was unexpected (then it is rethrown). */
async function failureProblems(
  db: Database,
  error: unknown,
  rows: ImportedCompany[],
  iceHeader: string | null,
): Promise<ImportProblemRecord[] | null> {
  if (error instanceof ImportFailure) return error.problems;
  if (violatedUniqueConstraint(error) === 'companies_ice_unique') {
    // Another company took an ICE while this import ran: now that it is committed, it says which rows.
    const taken = await takenIces(
      db,
      rows.flatMap((row) => (row.ice ? [row.ice] : [])),
    );
    return rows.filter((row) => row.ice && taken.has(row.ice)).map((row) => iceTaken(row, iceHeader));
  }
  return null;
}

const iceTaken = (row: ImportedCompany, iceHeader: string | null): ImportProblemRecord => ({
  row: row.row,
  column: iceHeader,
  field: 'ice',
  key: 'import.ice_taken',
});

function companyInsertOf(row: ImportedCompany): CompanyInsert {
  // Only rows without problems reach the import, and a row without a stage has one.
  if (!row.stage) throw new Error(`import: row ${row.row} has no stage`);
  return {
    legalName: row.legalName,
    brandName: row.brandName,
    legalForm: row.legalForm,
    ice: row.ice,
    rcNumber: row.rcNumber,
    rcCourt: row.rcCourt,
    ifNumber: row.ifNumber,
    patente: row.patente,
    cnss: row.cnss,
    creationDate: row.creationDate,
    sectors: row.sectors,
    stage: row.stage,
    parkId: row.parkId,
    website: row.website,
    email: row.email,
    phone: row.phone,
    address: row.address,
    description: row.description,
  };
}

async function markFailed(db: Database, importId: string, problems: ImportProblemRecord[], actor?: Actor): Promise<void> {
  const [found] = await db
    .select({ by: companyImports.confirmedBy, from: companyImports.createdBy })
    .from(companyImports)
    .where(eq(companyImports.id, importId));
  if (!found) return;
  const who = actor ?? (await actorOf(db, found.by ?? found.from));
  await db.transaction(async (tx) => {
    const [record] = await tx.select().from(companyImports).where(eq(companyImports.id, importId)).for('update');
    if (!record || record.status === 'completed' || record.status === 'failed') return;
    await tx
      .update(companyImports)
      .set({
        status: 'failed',
        importedRows: 0,
        problems: problems.slice(0, keptProblems),
        problemCount: problems.length,
        rows: (record.rows as ImportedCompany[]).slice(0, previewRows),
        updatedAt: new Date(),
        finishedAt: new Date(),
      })
      .where(eq(companyImports.id, importId));
    await recordAudit(tx, who, {
      action: 'company_import.fail',
      entityType: 'company_import',
      entityId: importId,
      after: { problems: problems.slice(0, 20).map((problem) => ({ row: problem.row, key: problem.key })) },
    });
  });
}
