import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ApplicationReview, decisionBodySchema } from '../../../contracts/reviews.js';
import { localToday } from '../../../shared/calendar.js';
import { canFollow } from '../../../shared/company-lifecycle.js';
import { isLocale } from '../../../shared/locales.js';
import { pickText } from '../../../shared/localized-text.js';
import type { Transaction } from '../../db/database.js';
import { recordAudit } from '../../platform/audit/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail/service.js';
import { type CompanyRow, findCompanyByIce, insertCompany, latestStatusEvent, recordTransition } from '../companies/lifecycle.js';
import { findPark } from '../parks/index.js';
import { grantCompanyRole } from '../people/company-members.js';
import { decisionLetter } from './decision-letter.js';
import { callReadAccess, findCall } from './review-data.js';
import { allowedDecisions, getApplicationReview } from './review-ranking-service.js';
import { applications, waitingListEntries } from './schema.js';

type DecisionInput = z.infer<typeof decisionBodySchema>;
type ApplicationRow = typeof applications.$inferSelect;
type CallRow = Awaited<ReturnType<typeof findCall>>;

/** What a decision needs beyond the request: the mailer and the address applicants sign in at. */
export type DecisionDeps = { mailer: Mailer; publicUrl: string };

/**
 * The company an admitted applicant becomes: a new one with its history (applicant at submission,
 * admitted today), or the company that already holds the application's ICE, which is not duplicated.
 */
async function companyOfAdmission(ctx: ServiceContext, tx: Transaction, application: ApplicationRow, parkId: string | null, today: string) {
  const step = { status: 'admitted' as const, effectiveDate: today, source: 'admission' as const, reason: application.reference };
  if (application.ice) {
    const existing = await findCompanyByIce(tx, application.ice);
    if (existing) {
      const current = await latestStatusEvent(tx, existing.id);
      // A company already resident or alumni stays where it is; only its admission is recorded when it fits its history.
      if (!current || (canFollow(current.status, 'admitted') && current.effectiveDate <= today)) {
        await recordTransition(tx, ctx.actor, existing.id, step);
      }
      return { company: existing, created: false };
    }
  }
  const submittedOn = application.submittedAt ? localToday(application.submittedAt) : today;
  const company: CompanyRow = await insertCompany(
    tx,
    ctx.actor,
    {
      legalName: application.companyName,
      ice: application.ice,
      creationDate: application.creationDate,
      sectors: application.sector ? [application.sector] : [],
      // A project holder's application may not name a stage; it is the first one.
      stage: application.stage ?? 'project_holder',
      parkId,
      email: application.contactEmail || null,
      phone: application.contactPhone || null,
      contacts: application.contactName
        ? [
            {
              name: application.contactName,
              role: '',
              email: application.contactEmail || undefined,
              phone: application.contactPhone || undefined,
            },
          ]
        : [],
    },
    [{ ...step, status: 'applicant', effectiveDate: submittedOn }, step],
  );
  return { company, created: true };
}

/** The park whose waiting list an admitted residency joins, and the area it waits for; null when none applies. */
async function waitingListPlace(tx: Transaction, call: CallRow, application: ApplicationRow, input: DecisionInput) {
  if (call.kind !== 'residency') return null;
  let parkId = call.parkId;
  if (input.parkId) {
    try {
      parkId = (await findPark({ db: tx, locale: 'fr' }, input.parkId)).id;
    } catch {
      throw invalidField('parkId', 'validation.unknown_park');
    }
  }
  if (!parkId) return null;
  const areaM2 = input.requiredAreaM2 ?? application.requiredAreaM2;
  if (!areaM2 || areaM2 <= 0) throw invalidField('requiredAreaM2', 'validation.required_area_needed');
  return { parkId, areaM2 };
}

/**
 * Records the decision on an application under review (or waitlisted, which may still be admitted or
 * rejected), and all it brings, in one transaction: an admitted applicant becomes a company (its admin is
 * the applicant) and, for a residency, joins the park's waiting list; the applicant gets the decision
 * letter in their language. Any other decision is final.
 */
export async function decideApplication(
  ctx: ServiceContext,
  deps: DecisionDeps,
  applicationId: string,
  input: DecisionInput,
): Promise<ApplicationReview> {
  await ctx.db.transaction(async (tx) => {
    const [application] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for('update');
    if (!application) throw notFound();
    const call = await findCall(tx, application.callId);
    const access = callReadAccess(ctx.actor, call);
    if (!access.canRead) throw notFound();
    if (!access.canDecide) throw new AppError('forbidden');
    if (!allowedDecisions(application.status).includes(input.decision)) {
      throw new AppError('invalid_transition', [{ path: 'decision', key: 'validation.decision_final' }]);
    }
    const today = localToday();
    const place = input.decision === 'admitted' ? await waitingListPlace(tx, call, application, input) : null;
    let companyId: string | null = application.companyId;
    if (input.decision === 'admitted') {
      const { company, created } = await companyOfAdmission(ctx, tx, application, place?.parkId ?? call.parkId, today);
      companyId = company.id;
      // A new company is the applicant's; an existing one is not handed to whoever typed its ICE: its staff adds them.
      if (created && application.applicantUserId) {
        await grantCompanyRole(tx, ctx.actor, { userId: application.applicantUserId, role: 'company_admin', companyId: company.id });
      }
      if (place) {
        const [entry] = await tx
          .insert(waitingListEntries)
          .values({ parkId: place.parkId, companyId: company.id, applicationId, requiredAreaM2: place.areaM2, requestedOn: today })
          // A company already waiting in this park keeps its earlier place.
          .onConflictDoNothing()
          .returning();
        if (entry)
          await recordAudit(tx, ctx.actor, {
            action: 'waiting_list.add',
            entityType: 'waiting_list_entry',
            entityId: entry.id,
            after: entry,
          });
      }
    }
    const [after] = await tx
      .update(applications)
      .set({
        status: input.decision,
        decision: input.decision,
        decisionReason: input.reason,
        decidedAt: new Date(),
        decidedBy: ctx.actor.userId,
        companyId,
        updatedAt: new Date(),
      })
      .where(eq(applications.id, applicationId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'application.decide',
      entityType: 'application',
      entityId: applicationId,
      before: { status: application.status, decision: application.decision, decisionReason: application.decisionReason },
      after: { status: after.status, decision: after.decision, decisionReason: after.decisionReason, companyId: after.companyId },
    });
    const locale = isLocale(application.locale) ? application.locale : 'fr';
    const to = application.contactEmail;
    if (to) {
      await deps.mailer.send(
        tx,
        decisionLetter({
          locale,
          to,
          contactName: application.contactName,
          callTitle: pickText(call.title, locale),
          reference: application.reference,
          decision: input.decision,
          reason: input.reason,
          publicUrl: deps.publicUrl,
          waitingList: place
            ? { parkName: pickText((await findPark({ db: tx, locale }, place.parkId)).name, locale), areaM2: place.areaM2 }
            : null,
        }),
      );
    }
  });
  return getApplicationReview(ctx.db, ctx.actor, applicationId);
}
