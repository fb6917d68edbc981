import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { CompanyReport, CompanyReportsSummary, CorrectReportBody, FileReportBody } from '../../../../contracts/company-reports.js';
import { localToday } from '../../../../shared/calendar.js';
import { recordAudit } from '../../../platform/audit/service.js';
import type { ReadContext, ServiceContext } from '../../../platform/context.js';
import { violatedUniqueConstraint } from '../../../platform/database-errors.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { companyForActor } from '../access.js';
import { companyReports } from '../schema.js';
import { isLatestSql, type ReportRow, reportWithLatest, toReports } from './reports-list.js';

/**
 * Periodic reports of a company (SPEC §3.2): filed once per period, corrected by new versions, never changed
 * or removed; the summary the reports tab opens on.
 */
const versionUnique = 'company_reports_version_unique';

/** Reports of the same company and period as the outer row: yearly reports have no quarter. */
function samePeriod(year: number, quarter: number | null): SQL {
  return and(eq(companyReports.year, year), quarter === null ? isNull(companyReports.quarter) : eq(companyReports.quarter, quarter)) as SQL;
}

async function reportOfCompany(ctx: ReadContext, companyId: string, reportId: string): Promise<{ report: ReportRow; latest: boolean }> {
  const [row] = await ctx.db
    .select(reportWithLatest)
    .from(companyReports)
    .where(and(eq(companyReports.id, reportId), eq(companyReports.companyId, companyId)));
  if (!row) throw notFound();
  return { report: row.report, latest: Boolean(row.latest) };
}

export async function getCompanyReport(
  ctx: ServiceContext,
  { companyId, reportId }: { companyId: string; reportId: string },
): Promise<CompanyReport> {
  await companyForActor(ctx, { companyId, right: 'readReports' });
  const [report] = await toReports(ctx, [await reportOfCompany(ctx, companyId, reportId)]);
  return report;
}

/** The years a company may report on (from its creation) and its headcount over time, for the reports tab. */
export async function companyReportsSummary(ctx: ServiceContext, companyId: string): Promise<CompanyReportsSummary> {
  const company = await companyForActor(ctx, { companyId, right: 'readReports' });
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
export async function fileCompanyReport(
  ctx: ServiceContext,
  { companyId, report: body }: { companyId: string; report: FileReportBody },
): Promise<CompanyReport> {
  const company = await companyForActor(ctx, { companyId, right: 'fileReports' });
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
  return getCompanyReport(ctx, { companyId, reportId: created.id });
}

/**
 * Corrects a report: a new version of the same period naming the one it corrects, which stays as it was.
 * Only the latest version can be corrected; of two corrections racing, the unique version index keeps one.
 */
export async function correctCompanyReport(
  ctx: ServiceContext,
  { companyId, reportId, correction: body }: { companyId: string; reportId: string; correction: CorrectReportBody },
): Promise<CompanyReport> {
  await companyForActor(ctx, { companyId, right: 'fileReports' });
  const created = await ctx.db
    .transaction(async (tx) => {
      const { report: corrected, latest } = await reportOfCompany({ db: tx, locale: ctx.locale }, companyId, reportId);
      if (!latest) throw new AppError('report_already_corrected');
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
  return getCompanyReport(ctx, { companyId, reportId: created.id });
}
