import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CompanyImportSummary,
  companyImportsQuerySchema,
  ImportProblem,
  importProblemsQuerySchema,
} from '../../../../contracts/company-imports.js';
import { users } from '../../../platform/auth/schema.js';
import type { ReadContext, ServiceContext } from '../../../platform/context.js';
import { likePattern } from '../../../platform/database-errors.js';
import type { Column } from '../../../platform/export.js';
import { arraySource, defineList, selectSource } from '../../../platform/lists.js';
import { translate } from '../../../platform/messages.js';
import { parkNames } from '../../parks/index.js';
import { readableImports } from '../access.js';
import { companyImports } from '../schema.js';
import { describeProblem, type ImportProblemRecord } from './import-problems.js';
import { type ImportRecord, visibleImport } from './import-record.js';

type ImportsQuery = z.infer<typeof companyImportsQuerySchema>;
type Ref = { id: string; name: string };

/** The names an import shows (who sent and confirmed it, its parks), read for many imports at once. */
export type ImportNames = { person: (id: string | null) => Ref | null; park: (id: string | null) => Ref | null };

export async function importNames(ctx: ReadContext, ids: { userIds: (string | null)[]; parkIds: (string | null)[] }): Promise<ImportNames> {
  const userIds = [...new Set(ids.userIds.filter((id): id is string => id !== null))];
  const [people, parks] = await Promise.all([
    userIds.length ? ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [],
    parkNames(
      ctx,
      ids.parkIds.filter((id): id is string => id !== null),
    ),
  ]);
  const personNames = new Map(people.map((row) => [row.id, row.name]));
  return {
    person: (id) => (id ? { id, name: personNames.get(id) ?? '' } : null),
    park: (id) => (id ? { id, name: parks.get(id) ?? '' } : null),
  };
}

export function toSummary(record: ImportRecord, names: ImportNames): CompanyImportSummary {
  return {
    id: record.id,
    fileName: record.fileName,
    park: names.park(record.parkId),
    status: record.status,
    totalRows: record.totalRows,
    processedRows: record.processedRows,
    importedRows: record.importedRows,
    invalidRows: record.invalidRows,
    problemCount: record.problemCount,
    createdBy: names.person(record.createdBy),
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}

function importFilters(ctx: ServiceContext, query: ImportsQuery): SQL | undefined {
  const conditions: (SQL | undefined)[] = [readableImports(ctx.actor)];
  if (query.status) conditions.push(eq(companyImports.status, query.status));
  if (query.q) conditions.push(sql`${companyImports.fileName} ilike ${likePattern(query.q)}`);
  return and(...conditions);
}

function importOrder(query: ImportsQuery): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  const column = { createdAt: companyImports.createdAt, fileName: companyImports.fileName, status: companyImports.status }[query.sort];
  return [direction(column), desc(companyImports.createdAt), asc(companyImports.id)];
}

/** Past imports: all of them for network admins, one's own for park managers; the same rows for the export. */
export const importList = defineList({
  name: 'company-imports',
  source: (ctx, query: ImportsQuery) =>
    selectSource(ctx.db, () => ctx.db.select().from(companyImports).where(importFilters(ctx, query)).$dynamic(), importOrder(query)),
  present: async (ctx, records) => {
    const names = await importNames(ctx, {
      userIds: records.map((record) => record.createdBy),
      parkIds: records.map((record) => record.parkId),
    });
    return records.map((record) => toSummary(record, names));
  },
  columns: ({ locale }): Column<CompanyImportSummary>[] => [
    { header: 'export.import.createdAt', kind: 'instant', value: (row) => row.createdAt },
    { header: 'export.import.createdBy', value: (row) => row.createdBy?.name },
    { header: 'export.import.fileName', value: (row) => row.fileName },
    { header: 'export.import.park', value: (row) => row.park?.name },
    { header: 'export.import.status', value: (row) => translate(locale, `import.status.${row.status}`) },
    { header: 'export.import.totalRows', kind: 'integer', value: (row) => row.totalRows },
    { header: 'export.import.importedRows', kind: 'integer', value: (row) => row.importedRows },
    { header: 'export.import.invalidRows', kind: 'integer', value: (row) => row.invalidRows },
  ],
});

type ProblemsInput = z.infer<typeof importProblemsQuerySchema> & { id: string };

/** The kept problems of an import in file order, worded for the reader (a page of them, or the CSV/XLSX file). */
export const importProblemList = defineList({
  name: 'import-problems',
  source: async (ctx, input: ProblemsInput) => {
    const record = await visibleImport(ctx, { id: input.id });
    return arraySource(async () => record.problems as ImportProblemRecord[]);
  },
  present: (ctx, problems): ImportProblem[] => problems.map((problem) => describeProblem(problem, ctx.locale)),
  columns: (): Column<ImportProblem>[] => [
    { header: 'export.import.row', kind: 'integer', value: (row) => row.row || null },
    { header: 'export.import.column', value: (row) => row.column },
    { header: 'export.import.problem', value: (row) => row.message },
  ],
});
