import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  CompanyReport,
  CompanyReportsQuery,
  CompanyReportsSummary,
  CorrectReportBody,
  FileReportBody,
} from '../../../contracts/company-reports.js';
import type { Page } from '../../../contracts/lists.js';
import { localToday } from '../../../shared/calendar.js';
import type { Executor } from '../../db/database.js';
import { recordAudit } from '../../platform/audit/service.js';
import { users } from '../../platform/auth/schema.js';
import type { ServiceContext } from '../../platform/context.js';
import { violatedUniqueConstraint } from '../../platform/database-errors.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { companyForActor } from './access.js';
import { companyReports } from './schema.js';

type ReportRow = typeof companyReports.$inferSelect;
const versionUnique = 'company_reports_version_unique';

/** Reports of the same company and period as the outer row: yearly reports have no quarter. */
function samePeriod(year: number, quarter: number | null): SQL {
  return and(eq(companyReports.year, year), quarter === null ? isNull(companyReports.quarter) : eq(companyReports.quarter, quarter)) as SQL;
}

/**
 * True for the latest version of its period (no newer version exists): the one that counts. The outer row
 * is named in full because Drizzle leaves the columns of a one-table select unqualified.
 */
const isLatestSql = sql<boolean>`not exists (select 1 from ${companyReports} newer where newer.company_id = "company_reports"."company_id" and newer.year = "company_reports"."year" and coalesce(newer.quarter, 0) = coalesce("company_reports"."quarter", 0) and newer.version > "company_reports"."version")`;

async function submitterNames(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
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

async function toReports(db: Executor, rows: (ReportRow & { latest: boolean })[]): Promise<CompanyReport[]> {
  const names = await submitterNames(
    db,
    rows.map((row) => row.submittedBy),
  );
  return rows.map(({ latest, ...row }) => toReport(row, latest, names));
}

function reportFilters(companyId: string, query: Pick<CompanyReportsQuery, 'year' | 'quarter' | 'latestOnly'>): SQL {
  const conditions: SQL[] = [eq(companyReports.companyId, companyId)];
  if (query.year !== undefined) conditions.push(eq(companyReports.year, query.year));
  if (query.quarter === 'none') conditions.push(isNull(companyReports.quarter));
  else if (query.quarter) conditions.push(eq(companyReports.quarter, Number(query.quarter)));
  if (query.latestOnly === 'true') conditions.push(isLatestSql);
  return and(...conditions) as SQL;
}

function reportOrder(query: Pick<CompanyReportsQuery, 'sort' | 'order'>): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  if (query.sort === 'submittedAt') return [direction(companyReports.submittedAt), direction(companyReports.id)];
  // A year's own report comes after its quarters: it closes the year.
  return [
    direction(companyReports.year),
    direction(sql`coalesce(${companyReports.quarter}, 5)`),
    direction(companyReports.version),
    direction(companyReports.id),
  ];
}

/** A company's reports, every version (or only the latest of each period), the latest marked. */
export async function listCompanyReports(ctx: ServiceContext, companyId: string, query: CompanyReportsQuery): Promise<Page<CompanyReport>> {
  await companyForActor(ctx.db, ctx.actor, companyId, 'readReports');
  const where = reportFilters(companyId, query);
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select({ report: companyReports, latest: isLatestSql })
      .from(companyReports)
      .where(where)
      .orderBy(...reportOrder(query))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(companyReports).where(where),
  ]);
  return {
    items: await toReports(
      ctx.db,
      rows.map((row) => ({ ...row.report, latest: Boolean(row.latest) })),
    ),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every report matching the filters, for CSV/XLSX export. */
export async function listAllCompanyReports(ctx: ServiceContext, companyId: string, query: CompanyReportsQuery): Promise<CompanyReport[]> {
  await companyForActor(ctx.db, ctx.actor, companyId, 'readReports');
  const rows = await ctx.db
    .select({ report: companyReports, latest: isLatestSql })
    .from(companyReports)
    .where(reportFilters(companyId, query))
    .orderBy(...reportOrder(query))
    .limit(10000);
  return toReports(
    ctx.db,
    rows.map((row) => ({ ...row.report, latest: Boolean(row.latest) })),
  );
}

async function reportOfCompany(db: Executor, companyId: string, reportId: string): Promise<ReportRow & { latest: boolean }> {
  const [row] = await db
    .select({ report: companyReports, latest: isLatestSql })
    .from(companyReports)
    .where(and(eq(companyReports.id, reportId), eq(companyReports.companyId, companyId)));
  if (!row) throw notFound();
  return { ...row.report, latest: Boolean(row.latest) };
}

export async function getCompanyReport(ctx: ServiceContext, companyId: string, reportId: string): Promise<CompanyReport> {
  await companyForActor(ctx.db, ctx.actor, companyId, 'readReports');
  const [report] = await toReports(ctx.db, [await reportOfCompany(ctx.db, companyId, reportId)]);
  return report;
}

/** The years a company may report on (from its creation) and its headcount over time, for the reports tab. */
export async function companyReportsSummary(ctx: ServiceContext, companyId: string): Promise<CompanyReportsSummary> {
  const company = await companyForActor(ctx.db, ctx.actor, companyId, 'readReports');
  const currentYear = Number(localToday().slice(0, 4));
  // Per year: the year's own report when there is one, else its latest quarter; always the latest version.
  const rows = await ctx.db
    .selectDistinctOn([companyReports.year], {
      year: companyReports.year,
      quarter: companyReports.quarter,
      employees: companyReports.employees,
      interns: companyReports.interns,
      founders: companyReports.founders,
    })
    .from(companyReports)
    .where(and(eq(companyReports.companyId, companyId), isLatestSql))
    .orderBy(asc(companyReports.year), desc(sql`coalesce(${companyReports.quarter}, 5)`));
  const filedPeriods = await ctx.db
    .selectDistinct({ year: companyReports.year, quarter: companyReports.quarter })
    .from(companyReports)
    .where(eq(companyReports.companyId, companyId))
    .orderBy(asc(companyReports.year), asc(companyReports.quarter));
  const creationYear = company.creationDate ? Number(company.creationDate.slice(0, 4)) : null;
  const earliestReported = rows.length ? rows[0].year : currentYear;
  return {
    earliestYear: creationYear ?? Math.min(earliestReported, currentYear - 10),
    currentYear,
    filedPeriods,
    headcount: rows,
  };
}

/** Staff who file for a company (it reports on paper) are recorded as having done so on its behalf. */
function filedOnBehalf(ctx: ServiceContext, companyId: string): boolean {
  return !ctx.actor.scopeIds('company', 'company_admin').includes(companyId);
}

function figuresOf(body: CorrectReportBody) {
  return {
    employees: body.employees,
    interns: body.interns,
    founders: body.founders,
    revenueBand: body.revenueBand,
    exports: body.exports,
    exportCountries: body.exports ? body.exportCountries : [],
    exportSharePercent: body.exports ? body.exportSharePercent : null,
    fundings: body.fundings,
    ipFiled: body.ipFiled,
    productsLaunched: body.productsLaunched,
    comment: body.comment,
  };
}

/** Files the first version of a period's report. A period already filed is corrected, never filed twice. */
export async function fileCompanyReport(ctx: ServiceContext, companyId: string, body: FileReportBody): Promise<CompanyReport> {
  const company = await companyForActor(ctx.db, ctx.actor, companyId, 'fileReports');
  const creationYear = company.creationDate ? Number(company.creationDate.slice(0, 4)) : null;
  if (creationYear !== null && body.year < creationYear) {
    throw invalidField('year', 'validation.report_year_before_creation', { year: String(creationYear) });
  }
  const created = await ctx.db
    .transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: companyReports.id })
        .from(companyReports)
        .where(and(eq(companyReports.companyId, companyId), samePeriod(body.year, body.quarter)))
        .limit(1);
      if (existing) throw new AppError('report_already_filed');
      const [row] = await tx
        .insert(companyReports)
        .values({
          companyId,
          year: body.year,
          quarter: body.quarter,
          version: 1,
          supersedesId: null,
          ...figuresOf(body),
          submittedBy: ctx.actor.userId,
          onBehalf: filedOnBehalf(ctx, companyId),
        })
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'company_report.file', entityType: 'company', entityId: companyId, after: row });
      return row;
    })
    .catch((error) => {
      // Two first filings racing: the unique version index lets one in.
      if (violatedUniqueConstraint(error) === versionUnique) throw new AppError('report_already_filed');
      throw error;
    });
  return getCompanyReport(ctx, companyId, created.id);
}

/**
 * Corrects a report: a new version of the same period naming the one it corrects, which stays as it was.
 * Only the latest version can be corrected; of two corrections racing, the unique version index keeps one.
 */
export async function correctCompanyReport(
  ctx: ServiceContext,
  companyId: string,
  reportId: string,
  body: CorrectReportBody,
): Promise<CompanyReport> {
  await companyForActor(ctx.db, ctx.actor, companyId, 'fileReports');
  const created = await ctx.db
    .transaction(async (tx) => {
      const corrected = await reportOfCompany(tx, companyId, reportId);
      if (!corrected.latest) throw new AppError('report_already_corrected');
      const [row] = await tx
        .insert(companyReports)
        .values({
          companyId,
          year: corrected.year,
          quarter: corrected.quarter,
          version: corrected.version + 1,
          supersedesId: corrected.id,
          ...figuresOf(body),
          submittedBy: ctx.actor.userId,
          onBehalf: filedOnBehalf(ctx, companyId),
        })
        .returning();
      await recordAudit(tx, ctx.actor, {
        action: 'company_report.correct',
        entityType: 'company',
        entityId: companyId,
        before: { id: corrected.id, version: corrected.version },
        after: row,
      });
      return row;
    })
    .catch((error) => {
      if (violatedUniqueConstraint(error) === versionUnique) throw new AppError('report_already_corrected');
      throw error;
    });
  return getCompanyReport(ctx, companyId, created.id);
}
