import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { CompanyReport, CompanyReportsQuery } from '../../../../contracts/company-reports.js';
import { formatNumber } from '../../../../shared/calendar.js';
import { countryName } from '../../../../shared/countries.js';
import type { Locale } from '../../../../shared/locales.js';
import { users } from '../../../platform/auth/schema.js';
import type { ReadContext } from '../../../platform/context.js';
import { type Column, joinList } from '../../../platform/export.js';
import { defineList, selectSource } from '../../../platform/lists.js';
import { translate } from '../../../platform/messages.js';
import { companyForActor } from '../access.js';
import { companyReports } from '../schema.js';

export type ReportRow = typeof companyReports.$inferSelect;
export type ReportsInput = CompanyReportsQuery & { id: string };

/**
 * True for the latest version of its period (no newer version exists): the one that counts. The outer row
 * is named in full because Drizzle leaves the columns of a one-table select unqualified.
 */
export const isLatestSql = sql<boolean>`not exists (select 1 from ${companyReports} newer where newer.company_id = "company_reports"."company_id" and newer.year = "company_reports"."year" and coalesce(newer.quarter, 0) = coalesce("company_reports"."quarter", 0) and newer.version > "company_reports"."version")`;

/** A report row with whether it is the latest version of its period. */
export const reportWithLatest = { report: companyReports, latest: isLatestSql };

async function submitterNames(ctx: ReadContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

function toReport(row: ReportRow, latest: boolean, names: Map<string, string>): CompanyReport {
  return {
    id: row.id,
    companyId: row.companyId,
    year: row.year,
    quarter: row.quarter,
    version: row.version,
    supersedesId: row.supersedesId,
    latest,
    employees: row.employees,
    interns: row.interns,
    founders: row.founders,
    revenueBand: row.revenueBand,
    exports: row.exports,
    exportCountries: row.exportCountries,
    exportSharePercent: row.exportSharePercent,
    fundings: row.fundings,
    fundingTotalCentimes: row.fundings.reduce((sum, funding) => sum + funding.amountCentimes, 0),
    ipFiled: row.ipFiled,
    productsLaunched: row.productsLaunched,
    comment: row.comment,
    submittedBy: row.submittedBy ? { id: row.submittedBy, name: names.get(row.submittedBy) ?? '' } : null,
    onBehalf: row.onBehalf,
    submittedAt: row.submittedAt.toISOString(),
  };
}

/** Reports as people read them, with who submitted each (one query for all of them). */
export async function toReports(ctx: ReadContext, rows: { report: ReportRow; latest: boolean }[]): Promise<CompanyReport[]> {
  const names = await submitterNames(
    ctx,
    rows.map((row) => row.report.submittedBy),
  );
  return rows.map((row) => toReport(row.report, Boolean(row.latest), names));
}

function reportFilters(input: ReportsInput): SQL {
  const conditions: SQL[] = [eq(companyReports.companyId, input.id)];
  if (input.year !== undefined) conditions.push(eq(companyReports.year, input.year));
  if (input.quarter === 'none') conditions.push(isNull(companyReports.quarter));
  else if (input.quarter) conditions.push(eq(companyReports.quarter, Number(input.quarter)));
  if (input.latestOnly === 'true') conditions.push(isLatestSql);
  return and(...conditions) as SQL;
}

function reportOrder(input: ReportsInput): SQL[] {
  const direction = input.order === 'desc' ? desc : asc;
  if (input.sort === 'submittedAt') return [direction(companyReports.submittedAt), direction(companyReports.id)];
  // A year's own report comes after its quarters: it closes the year.
  return [
    direction(companyReports.year),
    direction(sql`coalesce(${companyReports.quarter}, 5)`),
    direction(companyReports.version),
    direction(companyReports.id),
  ];
}

/** An amount within a sentence of the export ("1.250.000,50 MAD"): the amount columns themselves are numbers. */
const madText = (centimes: number, locale: Locale) =>
  `${formatNumber(centimes / 100, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} MAD`;

/** A company's reports, every version (or only the latest of each period), the latest marked; the same rows for the export. */
export const reportList = defineList({
  name: 'company-reports',
  source: async (ctx, input: ReportsInput) => {
    await companyForActor(ctx, { companyId: input.id, right: 'readReports' });
    return selectSource(
      ctx.db,
      () => ctx.db.select(reportWithLatest).from(companyReports).where(reportFilters(input)).$dynamic(),
      reportOrder(input),
    );
  },
  present: (ctx, rows) => toReports(ctx, rows),
  columns: ({ locale }): Column<CompanyReport>[] => [
    { header: 'export.report.year', kind: 'integer', value: (report) => report.year },
    // 1 to 4, empty for a year's own report: a number in every language ("Q1" is "T1" in French).
    { header: 'export.report.quarter', kind: 'integer', value: (report) => report.quarter },
    { header: 'export.report.version', kind: 'integer', value: (report) => report.version },
    { header: 'export.report.latest', kind: 'boolean', value: (report) => report.latest },
    { header: 'export.report.employees', kind: 'integer', value: (report) => report.employees },
    { header: 'export.report.interns', kind: 'integer', value: (report) => report.interns },
    { header: 'export.report.founders', kind: 'integer', value: (report) => report.founders },
    { header: 'export.report.revenueBand', value: (report) => translate(locale, `report.revenueBand.${report.revenueBand}`) },
    { header: 'export.report.exports', kind: 'boolean', value: (report) => report.exports },
    {
      header: 'export.report.exportCountries',
      value: (report) =>
        joinList(
          report.exportCountries.map((code) => countryName(code, locale)),
          locale,
        ),
    },
    { header: 'export.report.exportSharePercent', kind: 'percent', value: (report) => report.exportSharePercent },
    { header: 'export.report.fundingTotal', kind: 'amount', value: (report) => report.fundingTotalCentimes },
    {
      header: 'export.report.fundings',
      value: (report) =>
        report.fundings
          .map(
            (funding) =>
              `${madText(funding.amountCentimes, locale)} · ${translate(locale, `report.fundingType.${funding.type}`)} · ${funding.source}`,
          )
          .join('; '),
    },
    { header: 'export.report.ipFiled', kind: 'integer', value: (report) => report.ipFiled },
    { header: 'export.report.productsLaunched', kind: 'integer', value: (report) => report.productsLaunched },
    { header: 'export.report.comment', value: (report) => report.comment },
    { header: 'export.report.submittedBy', value: (report) => report.submittedBy?.name ?? '' },
    { header: 'export.report.onBehalf', kind: 'boolean', value: (report) => report.onBehalf },
    { header: 'export.report.submittedAt', kind: 'instant', value: (report) => report.submittedAt },
  ],
});
