import { and, inArray, sql } from 'drizzle-orm';
import type { RemindersResult, SendRemindersBody } from '../../../../contracts/company-reports.js';
import type { Locale } from '../../../../shared/locales.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { inTransaction, type ServiceContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { translate } from '../../../platform/messages.js';
import { followedCompanies } from '../access.js';
import { activeCompanyAdmins, type CompanyAdmin } from '../members/members-list.js';
import { companies, companyReportReminders } from '../schema.js';
import { expectedToReport, type Period, reportedSql } from './reporting-status.js';

type Target = { id: string; legalName: string; brandName: string; reported: boolean };

function periodWording(locale: Locale, period: Period): string {
  return period.quarter === null
    ? translate(locale, 'report.period.year', { year: period.year })
    : translate(locale, 'report.period.quarter', { year: period.year, quarter: period.quarter });
}

/** The companies a reminder is for: those chosen (each must be followed by the actor), or every one not reported. */
async function reminderTargets(ctx: ServiceContext, body: SendRemindersBody, period: Period): Promise<Target[]> {
  const scope = followedCompanies(ctx.actor, body.parkId);
  const selection = {
    id: companies.id,
    legalName: companies.legalName,
    brandName: companies.brandName,
    reported: sql<boolean>`${reportedSql(period)}`,
  };
  if (body.companyIds?.length) {
    const wanted = [...new Set(body.companyIds)];
    const targets = await ctx.db
      .select(selection)
      .from(companies)
      .where(and(scope, inArray(companies.id, wanted)));
    // A company outside the actor's parks is not disclosed, as everywhere else.
    if (targets.length !== wanted.length) throw notFound();
    return targets;
  }
  return ctx.db
    .select(selection)
    .from(companies)
    .where(and(scope, expectedToReport(period), sql`not ${reportedSql(period)}`));
}

/** One company's reminder: an e-mail to each of its admins in their language, and the reminder recorded. */
async function remindCompany(ctx: ServiceContext, company: Target, recipients: CompanyAdmin[], period: Period): Promise<void> {
  for (const admin of recipients) {
    const values = {
      name: admin.name,
      company: company.brandName || company.legalName,
      period: periodWording(admin.locale, period),
      url: `${ctx.publicUrl}/companies/${company.id}?tab=reports`,
    };
    await ctx.mailer.queue(ctx.db, {
      to: admin.email,
      subject: translate(admin.locale, 'mail.report_reminder.subject', values),
      text: translate(admin.locale, 'mail.report_reminder.body', values),
      locale: admin.locale,
      kind: 'report_reminder',
    });
  }
  const [reminder] = await ctx.db
    .insert(companyReportReminders)
    .values({ companyId: company.id, year: period.year, quarter: period.quarter, recipients: recipients.length, sentBy: ctx.actor.userId })
    .returning();
  await recordAudit(ctx.db, ctx.actor, { action: 'company_report.remind', entityType: 'company', entityId: company.id, after: reminder });
}

/**
 * Reminds companies to file their report: one e-mail to each active company admin, in their language, with
 * a link to the company's reports; one reminder recorded per company reached. Companies chosen by id must be
 * in the actor's parks; those that have reported meanwhile are skipped.
 */
export async function sendReportReminders(ctx: ServiceContext, body: SendRemindersBody): Promise<RemindersResult> {
  const period = { year: body.year, quarter: body.quarter };
  return ctx.db.transaction(async (tx) => {
    const inTx = inTransaction(ctx, tx);
    const targets = await reminderTargets(inTx, body, period);
    const pending = targets.filter((company) => !company.reported);
    const admins = await activeCompanyAdmins(
      inTx,
      pending.map((company) => company.id),
    );
    const result: RemindersResult = { reminded: 0, emails: 0, alreadyReported: targets.length - pending.length, withoutAdmin: 0 };
    for (const company of pending) {
      const recipients = admins.get(company.id) ?? [];
      if (recipients.length === 0) {
        result.withoutAdmin += 1;
        continue;
      }
      await remindCompany(inTx, company, recipients, period);
      result.reminded += 1;
      result.emails += recipients.length;
    }
    return result;
  });
}
