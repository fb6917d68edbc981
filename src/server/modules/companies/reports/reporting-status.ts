import { and, asc, desc, ilike, or, type SQL, sql } from 'drizzle-orm';
import { periodBounds, type ReportingStatusItem, type ReportingStatusQuery } from '../../../../contracts/company-reports.js';
import type { Locale } from '../../../../shared/locales.js';
import type { Executor } from '../../../db/database.js';
import type { ServiceContext } from '../../../platform/context.js';
import { likePattern } from '../../../platform/database-errors.js';
import type { Column } from '../../../platform/export.js';
import { defineList, selectSource } from '../../../platform/lists.js';
import { parkNameOf } from '../../parks/index.js';
import { followedCompanies } from '../access.js';
import { heldStatusDuring } from '../lifecycle/history.js';
import { activeCompanyAdminCount } from '../members/members-list.js';
import { companies, companyReportReminders, companyReports } from '../schema.js';

/**
 * Who has reported for a period, among the companies expected to: every company the actor follows that was a
 * member of the network (resident or not) at some point of the period.
 */
export type Period = { year: number; quarter: number | null };

/** The company of the outer query, named in full: Drizzle leaves the columns of a one-table select unqualified. */
const outerCompanyId = sql.raw('"companies"."id"');

/** Companies expected to report for a period: members of the network (resident or not) during it. */
export const memberStatuses = ['resident', 'non_resident_member'] as const;

function quarterMatches(column: typeof companyReports.quarter | typeof companyReportReminders.quarter, quarter: number | null): SQL {
  return quarter === null ? sql`${column} is null` : sql`${column} = ${quarter}`;
}

/** Whether the outer company has filed a report (any version) for the period. */
export function reportedSql(period: Period): SQL {
  return sql`exists (select 1 from ${companyReports} where ${companyReports.companyId} = ${outerCompanyId} and ${companyReports.year} = ${period.year} and ${quarterMatches(companyReports.quarter, period.quarter)})`;
}

/** The companies expected to report for the period: members of the network at some point of it. */
export function expectedToReport(period: Period): SQL {
  const { from, to } = periodBounds(period.year, period.quarter);
  return heldStatusDuring(memberStatuses, from, to);
}

const periodOf = (query: Pick<ReportingStatusQuery, 'year' | 'quarter'>): Period => ({ year: query.year, quarter: query.quarter ?? null });

function statusFilters(ctx: ServiceContext, query: ReportingStatusQuery): SQL {
  const period = periodOf(query);
  const conditions: (SQL | undefined)[] = [followedCompanies(ctx.actor, query.parkId), expectedToReport(period)];
  if (query.reported === 'true') conditions.push(reportedSql(period));
  if (query.reported === 'false') conditions.push(sql`not ${reportedSql(period)}`);
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(companies.legalName, pattern), ilike(companies.brandName, pattern), ilike(companies.ice, pattern)));
  }
  return and(...conditions) as SQL;
}

function statusColumns(db: Executor, period: Period, locale: Locale) {
  const ofPeriod = (table: typeof companyReports | typeof companyReportReminders) =>
    sql`${table.companyId} = ${outerCompanyId} and ${table.year} = ${period.year} and ${quarterMatches(table.quarter, period.quarter)}`;
  return {
    companyId: companies.id,
    legalName: companies.legalName,
    brandName: companies.brandName,
    parkId: companies.parkId,
    parkName: parkNameOf(companies.parkId, locale),
    latestVersion: sql<number | null>`(select max(${companyReports.version}) from ${companyReports} where ${ofPeriod(companyReports)})`,
    reportedAt: sql<string | null>`(select max(${companyReports.submittedAt}) from ${companyReports} where ${ofPeriod(companyReports)})`,
    lastRemindedAt: sql<
      string | null
    >`(select max(${companyReportReminders.sentAt}) from ${companyReportReminders} where ${ofPeriod(companyReportReminders)})`,
    reminderCount: sql<number>`(select count(*) from ${companyReportReminders} where ${ofPeriod(companyReportReminders)})::int`,
    adminCount: activeCompanyAdminCount(db, outerCompanyId),
  };
}

function statusOrder(query: ReportingStatusQuery, columns: ReturnType<typeof statusColumns>): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  // Never reported / never reminded go last in either direction: they are what staff look for first otherwise.
  const nullsLast = (column: SQL) => sql`${column} ${sql.raw(query.order === 'desc' ? 'desc' : 'asc')} nulls last`;
  const byName = asc(companies.legalName);
  switch (query.sort) {
    case 'park':
      return [direction(columns.parkName), byName, asc(companies.id)];
    case 'reportedAt':
      return [nullsLast(columns.reportedAt), byName, asc(companies.id)];
    case 'remindedAt':
      return [nullsLast(columns.lastRemindedAt), byName, asc(companies.id)];
    default:
      return [direction(companies.legalName), asc(companies.id)];
  }
}

function toInstant(value: string | Date | null): string | null {
  if (value === null) return null;
  return new Date(value).toISOString();
}

/**
 * The reporting status of a year (or one of its quarters): each expected company with its latest version, its
 * last reminder and how many admins a reminder would reach, all columns of the one query (no query per window).
 */
export const reportingStatusList = defineList({
  name: 'reporting-status',
  source: (ctx, query: ReportingStatusQuery) => {
    const columns = statusColumns(ctx.db, periodOf(query), ctx.locale);
    const where = statusFilters(ctx, query);
    return selectSource(ctx.db, () => ctx.db.select(columns).from(companies).where(where).$dynamic(), statusOrder(query, columns));
  },
  present: (_ctx, rows) =>
    rows.map(
      (row): ReportingStatusItem => ({
        companyId: row.companyId,
        legalName: row.legalName,
        brandName: row.brandName,
        parkId: row.parkId,
        parkName: row.parkId ? row.parkName : null,
        reported: row.latestVersion !== null,
        latestVersion: row.latestVersion === null ? null : Number(row.latestVersion),
        reportedAt: toInstant(row.reportedAt),
        lastRemindedAt: toInstant(row.lastRemindedAt),
        reminderCount: Number(row.reminderCount),
        adminCount: Number(row.adminCount),
      }),
    ),
  columns: (): Column<ReportingStatusItem>[] => [
    { header: 'export.report.company', value: (row) => row.legalName },
    { header: 'export.report.brandName', value: (row) => row.brandName },
    { header: 'export.report.park', value: (row) => row.parkName },
    { header: 'export.report.reported', kind: 'boolean', value: (row) => row.reported },
    { header: 'export.report.version', kind: 'integer', value: (row) => row.latestVersion },
    { header: 'export.report.reportedAt', kind: 'instant', value: (row) => row.reportedAt },
    { header: 'export.report.lastRemindedAt', kind: 'instant', value: (row) => row.lastRemindedAt },
    { header: 'export.report.reminderCount', kind: 'integer', value: (row) => row.reminderCount },
    { header: 'export.report.adminCount', kind: 'integer', value: (row) => row.adminCount },
  ],
  // Who is expected to report and whether their admins were reminded: read by park staff, and logged.
  personalData: { entityType: 'company' },
});
