import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  periodBounds,
  type RemindersResult,
  type ReportingStatusItem,
  type ReportingStatusQuery,
  type SendRemindersBody,
} from '../../../contracts/company-reports.js';
import type { Page } from '../../../contracts/lists.js';
import { isLocale, type Locale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import { recordAudit } from '../../platform/audit/service.js';
import { users } from '../../platform/auth/schema.js';
import type { ServiceContext } from '../../platform/context.js';
import { likePattern } from '../../platform/database-errors.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail/service.js';
import { translate } from '../../platform/messages.js';
import { parks } from '../parks/schema.js';
import { localizedColumn } from '../parks/service.js';
import { companyRoleHolders } from '../people/company-members.js';
import { heldStatusDuring } from './lifecycle.js';
import { companies, companyReportReminders, companyReports } from './schema.js';

type Period = { year: number; quarter: number | null };

/** The company of the outer query, named in full: Drizzle leaves the columns of a one-table select unqualified. */
const outerCompanyId = sql.raw('"companies"."id"');

/** Companies expected to report for a period: members of the network (resident or not) during it. */
const memberStatuses = ['resident', 'non_resident_member'] as const;

function quarterMatches(column: typeof companyReports.quarter | typeof companyReportReminders.quarter, quarter: number | null): SQL {
  return quarter === null ? sql`${column} is null` : sql`${column} = ${quarter}`;
}

function reportedSql(period: Period) {
  return sql`exists (select 1 from ${companyReports} where ${companyReports.companyId} = ${outerCompanyId} and ${companyReports.year} = ${period.year} and ${quarterMatches(companyReports.quarter, period.quarter)})`;
}

/**
 * The companies whose reporting the actor follows: network admins all (one park when asked), park managers
 * those of their parks. A park the actor does not manage is refused rather than shown empty.
 */
function staffScope(ctx: ServiceContext, parkId: string | undefined): SQL | undefined {
  if (parkId) {
    if (!ctx.actor.managesPark(parkId)) throw forbidden();
    return eq(companies.parkId, parkId);
  }
  if (ctx.actor.isNetworkAdmin) return undefined;
  const managed = ctx.actor.scopeIds('park', 'park_manager');
  if (managed.length === 0) throw forbidden();
  return inArray(companies.parkId, managed);
}

function statusFilters(ctx: ServiceContext, query: ReportingStatusQuery): SQL {
  const period = { year: query.year, quarter: query.quarter ?? null };
  const { from, to } = periodBounds(period.year, period.quarter);
  const conditions: (SQL | undefined)[] = [staffScope(ctx, query.parkId), heldStatusDuring(memberStatuses, from, to)];
  if (query.reported === 'true') conditions.push(reportedSql(period));
  if (query.reported === 'false') conditions.push(sql`not ${reportedSql(period)}`);
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(companies.legalName, pattern), ilike(companies.brandName, pattern), ilike(companies.ice, pattern)));
  }
  return and(...conditions) as SQL;
}

function statusColumns(period: Period, locale: Locale) {
  const ofPeriod = (table: typeof companyReports | typeof companyReportReminders) =>
    sql`${table.companyId} = ${outerCompanyId} and ${table.year} = ${period.year} and ${quarterMatches(table.quarter, period.quarter)}`;
  return {
    companyId: companies.id,
    legalName: companies.legalName,
    brandName: companies.brandName,
    parkId: companies.parkId,
    parkName: localizedColumn(parks.name, locale),
    latestVersion: sql<number | null>`(select max(${companyReports.version}) from ${companyReports} where ${ofPeriod(companyReports)})`,
    reportedAt: sql<string | null>`(select max(${companyReports.submittedAt}) from ${companyReports} where ${ofPeriod(companyReports)})`,
    lastRemindedAt: sql<
      string | null
    >`(select max(${companyReportReminders.sentAt}) from ${companyReportReminders} where ${ofPeriod(companyReportReminders)})`,
    reminderCount: sql<number>`(select count(*) from ${companyReportReminders} where ${ofPeriod(companyReportReminders)})::int`,
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

type CompanyAdmin = { id: string; name: string; email: string; locale: Locale };

/** The active company admins of each company: who receives reminders. */
async function companyAdmins(db: Executor, companyIds: string[]): Promise<Map<string, CompanyAdmin[]>> {
  const holders = new Map<string, string[]>();
  for (const companyId of companyIds) {
    const rows = await companyRoleHolders(db, companyId);
    holders.set(
      companyId,
      rows.filter((row) => row.role === 'company_admin').map((row) => row.userId),
    );
  }
  const userIds = [...new Set([...holders.values()].flat())];
  const people = userIds.length
    ? await db
        .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
        .from(users)
        .where(and(inArray(users.id, userIds), isNull(users.disabledAt)))
    : [];
  const byId = new Map(people.map((person) => [person.id, { ...person, locale: isLocale(person.locale) ? person.locale : 'fr' }]));
  return new Map(
    [...holders].map(([companyId, ids]) => [companyId, ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as CompanyAdmin] : []))]),
  );
}

async function statusRows(ctx: ServiceContext, query: ReportingStatusQuery, where: SQL, limit: number, offset: number) {
  const period = { year: query.year, quarter: query.quarter ?? null };
  const columns = statusColumns(period, ctx.locale);
  const rows = await ctx.db
    .select(columns)
    .from(companies)
    .leftJoin(parks, eq(parks.id, companies.parkId))
    .where(where)
    .orderBy(...statusOrder(query, columns))
    .limit(limit)
    .offset(offset);
  const admins = await companyAdmins(
    ctx.db,
    rows.map((row) => row.companyId),
  );
  return rows.map(
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
      adminCount: admins.get(row.companyId)?.length ?? 0,
    }),
  );
}

/**
 * Who has reported for a year (or one of its quarters): every company of the actor's parks that was a
 * resident or non-resident member at some point of the period, with its latest version and last reminder.
 */
export async function listReportingStatus(ctx: ServiceContext, query: ReportingStatusQuery): Promise<Page<ReportingStatusItem>> {
  const where = statusFilters(ctx, query);
  const [items, [{ total }]] = await Promise.all([
    statusRows(ctx, query, where, query.pageSize, (query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(companies).where(where),
  ]);
  return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** Every row of the reporting status matching the filters, for CSV/XLSX export. */
export async function listAllReportingStatus(ctx: ServiceContext, query: ReportingStatusQuery): Promise<ReportingStatusItem[]> {
  return statusRows(ctx, query, statusFilters(ctx, query), 10000, 0);
}

function periodWording(locale: Locale, period: Period): string {
  return period.quarter === null
    ? translate(locale, 'report.period.year', { year: period.year })
    : translate(locale, 'report.period.quarter', { year: period.year, quarter: period.quarter });
}

/**
 * Reminds companies to file their report: one e-mail to each active company admin, in their language, with
 * a link to the company's reports; one reminder recorded per company reached. Companies chosen by id must be
 * in the actor's parks; those that have reported meanwhile are skipped.
 */
export async function sendReportReminders(
  ctx: ServiceContext,
  mail: { mailer: Mailer; publicUrl: string },
  body: SendRemindersBody,
): Promise<RemindersResult> {
  const period = { year: body.year, quarter: body.quarter };
  const scope = staffScope(ctx, body.parkId);
  return ctx.db.transaction(async (tx) => {
    const reported = sql<boolean>`${reportedSql(period)}`;
    let targets: { id: string; legalName: string; brandName: string; reported: boolean }[];
    if (body.companyIds?.length) {
      const wanted = [...new Set(body.companyIds)];
      targets = await tx
        .select({ id: companies.id, legalName: companies.legalName, brandName: companies.brandName, reported })
        .from(companies)
        .where(and(scope, inArray(companies.id, wanted)));
      // A company outside the actor's parks is not disclosed, as everywhere else.
      if (targets.length !== wanted.length) throw notFound();
    } else {
      const { from, to } = periodBounds(period.year, period.quarter);
      targets = await tx
        .select({ id: companies.id, legalName: companies.legalName, brandName: companies.brandName, reported })
        .from(companies)
        .where(and(scope, heldStatusDuring(memberStatuses, from, to), sql`not ${reportedSql(period)}`));
    }
    const pending = targets.filter((company) => !company.reported);
    const admins = await companyAdmins(
      tx,
      pending.map((company) => company.id),
    );
    const result: RemindersResult = { reminded: 0, emails: 0, alreadyReported: targets.length - pending.length, withoutAdmin: 0 };
    for (const company of pending) {
      const recipients = admins.get(company.id) ?? [];
      if (recipients.length === 0) {
        result.withoutAdmin += 1;
        continue;
      }
      for (const admin of recipients) {
        const values = {
          name: admin.name,
          company: company.brandName || company.legalName,
          period: periodWording(admin.locale, period),
          url: `${mail.publicUrl}/companies/${company.id}?tab=reports`,
        };
        await mail.mailer.send(tx, {
          to: admin.email,
          subject: translate(admin.locale, 'mail.report_reminder.subject', values),
          text: translate(admin.locale, 'mail.report_reminder.body', values),
          locale: admin.locale,
          kind: 'report_reminder',
        });
      }
      const [reminder] = await tx
        .insert(companyReportReminders)
        .values({
          companyId: company.id,
          year: period.year,
          quarter: period.quarter,
          recipients: recipients.length,
          sentBy: ctx.actor.userId,
        })
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'company_report.remind', entityType: 'company', entityId: company.id, after: reminder });
      result.reminded += 1;
      result.emails += recipients.length;
    }
    return result;
  });
}
