import { setImmediate as yieldToOtherWork } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import { maxImportRows } from '../../../../contracts/company-imports.js';
import { localToday } from '../../../../shared/calendar.js';
import { recordAudit } from '../../../platform/audit/service.js';
import type { ServiceContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { readStoredFile } from '../../../platform/files/service.js';
import { contextOf, type Deps } from '../../../platform/http.js';
import { readTable, type TableFormat, type TableRow } from '../../../platform/imports/table.js';
import { listParkRefs } from '../../parks/index.js';
import { companyImports } from '../schema.js';
import { type ColumnMapping, fileProblem, type ImportProblemRecord } from './import-problems.js';
import {
  actorOf,
  canImport,
  type ImportRecord,
  keptProblems,
  localeOf,
  previewRows,
  progressEveryRows,
  takenIces,
} from './import-record.js';
import { type ImportedCompany, interpretRow, type RowContext } from './import-rows.js';
import { mapColumns, parkIndex } from './import-vocabulary.js';

/**
 * The first background step of an import: the file checked row by row with the company form's rules, plus ICE
 * unique in the file and in the network, and the parks the sender may import into; progress committed as it goes.
 */
type ValidationOutcome = { problems: ImportProblemRecord[]; companies: ImportedCompany[]; columns: ColumnMapping; totalRows: number };

const stop = (problem: ImportProblemRecord, extra: Partial<ValidationOutcome> = {}): ValidationOutcome => ({
  problems: [problem],
  companies: [],
  columns: [],
  totalRows: 0,
  ...extra,
});

/** Ends `ready` with the rows as understood, or `invalid` with the problems (and a preview). */
export async function validateCompanyImport(deps: Deps, importId: string): Promise<void> {
  const [record] = await deps.db.select().from(companyImports).where(eq(companyImports.id, importId)).limit(1);
  if (record?.status !== 'validating') return;
  const ctx = contextOf(deps, await actorOf(deps.db, record.createdBy), localeOf(record));
  const outcome = await checkFile(ctx, record);
  const invalidRows = outcome.companies.filter((company) => company.hasProblems).length;
  const ready = outcome.problems.length === 0;
  await ctx.db.transaction(async (tx) => {
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
    await recordAudit(tx, ctx.actor, {
      action: 'company_import.validate',
      entityType: 'company_import',
      entityId: importId,
      after: { status: ready ? 'ready' : 'invalid', totalRows: outcome.totalRows, invalidRows, problemCount: outcome.problems.length },
    });
  });
}

/** The file's rows (after its header), or the problem that stops the check. */
async function readRows(ctx: ServiceContext, record: ImportRecord): Promise<{ header: TableRow; rows: TableRow[] } | ImportProblemRecord> {
  if (!canImport(ctx.actor) || !record.fileId) return fileProblem('import.access_lost');
  const file = await readStoredFile(ctx.db, record.fileId);
  const format: TableFormat = file.mediaType === 'text/csv' ? 'csv' : 'xlsx';
  try {
    const [header, ...rows] = await readTable(file.content, format);
    if (!header || rows.length === 0) return fileProblem('import.no_rows');
    return { header, rows };
  } catch (error) {
    if (error instanceof AppError && error.fields[0]) return fileProblem(error.fields[0].key, error.fields[0].params);
    throw error;
  }
}

async function checkFile(ctx: ServiceContext, record: ImportRecord): Promise<ValidationOutcome> {
  const table = await readRows(ctx, record);
  if (!('rows' in table)) return stop(table);
  const { header, rows } = table;
  const mapping = mapColumns(header);
  const base = { columns: mapping.columns, totalRows: rows.length };
  if (mapping.problems.length) return { ...base, problems: mapping.problems, companies: [] };
  if (rows.length > maxImportRows) return stop(fileProblem('import.too_many_rows', { max: String(maxImportRows) }, header.number), base);

  await ctx.db.update(companyImports).set({ totalRows: rows.length, updatedAt: new Date() }).where(eq(companyImports.id, record.id));
  const parkRefs = await listParkRefs(ctx);
  const defaultPark = parkRefs.find((park) => park.id === record.parkId) ?? null;
  if (defaultPark && !ctx.actor.managesPark(defaultPark.id)) return stop(fileProblem('import.access_lost'), base);
  const context: RowContext = {
    columns: mapping.columns,
    parks: parkIndex(parkRefs),
    defaultPark,
    managesPark: (parkId: string) => ctx.actor.managesPark(parkId),
    parkRequired: !ctx.actor.isNetworkAdmin,
    today: localToday(),
  };
  const { problems, companies } = await checkRows(ctx, record.id, rows, context);
  const columnOrder = new Map(mapping.columns.map((column, index) => [column.header, index]));
  problems.sort((a, b) => a.row - b.row || (columnOrder.get(a.column ?? '') ?? -1) - (columnOrder.get(b.column ?? '') ?? -1));
  return { ...base, problems, companies };
}

/** Every row read and checked, chunk by chunk: ICE unique in the file and in the network, progress committed. */
async function checkRows(ctx: ServiceContext, importId: string, rows: TableRow[], context: RowContext) {
  const iceHeader = context.columns.find((column) => column.field === 'ice')?.header ?? null;
  const iceProblem = (company: ImportedCompany, key: ImportProblemRecord['key'], params?: Record<string, string>) => {
    company.hasProblems = true;
    return { row: company.row, column: iceHeader, field: 'ice' as const, key, params };
  };
  const problems: ImportProblemRecord[] = [];
  const companies: ImportedCompany[] = [];
  const firstRowOfIce = new Map<string, number>();
  for (let start = 0; start < rows.length; start += progressEveryRows) {
    const chunk = rows.slice(start, start + progressEveryRows).map((row) => interpretRow(row, context));
    for (const { company, problems: rowProblems } of chunk) {
      problems.push(...rowProblems);
      const first = company.ice ? firstRowOfIce.get(company.ice) : undefined;
      if (company.ice && first === undefined) firstRowOfIce.set(company.ice, company.row);
      else if (first !== undefined) problems.push(iceProblem(company, 'import.ice_duplicate_in_file', { row: String(first) }));
      companies.push(company);
    }
    const taken = await takenIces(
      ctx,
      chunk.flatMap(({ company }) => (company.ice ? [company.ice] : [])),
    );
    for (const { company } of chunk) if (company.ice && taken.has(company.ice)) problems.push(iceProblem(company, 'import.ice_taken'));
    const processedRows = Math.min(start + progressEveryRows, rows.length);
    await ctx.db.update(companyImports).set({ processedRows, updatedAt: new Date() }).where(eq(companyImports.id, importId));
    // PGlite answers within the same turn of the event loop: without this, a reader's request would wait for the whole check.
    await yieldToOtherWork();
  }
  return { problems, companies };
}
