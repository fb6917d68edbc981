import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ApplicationReview, decisionBodySchema } from '../../../../contracts/reviews.js';
import { localToday } from '../../../../shared/calendar.js';
import { isLocale } from '../../../../shared/locales.js';
import { pickText } from '../../../../shared/localized-text.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { inTransaction, type ServiceContext } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { findPark } from '../../parks/index.js';
import type { ApplicationRow } from '../applications/applicant-access.js';
import { type CallRow, callForActor } from '../calls/access.js';
import { getApplicationReview } from '../reviews/application-review-service.js';
import { applications } from '../schema.js';
import { addToWaitingList } from '../waiting-list/entries-service.js';
import { admitApplicant, waitingListPlace } from './admission.js';
import { decisionLetter } from './decision-letter.js';
import { allowedDecisions } from './decision-rules.js';

type DecisionInput = z.infer<typeof decisionBodySchema>;
type Place = Awaited<ReturnType<typeof waitingListPlace>>;

/** The decision letter, in the applicant's language, to the application's contact address. */
async function sendDecisionLetter(
  ctx: ServiceContext,
  { application, call, decision, place }: { application: ApplicationRow; call: CallRow; decision: DecisionInput; place: Place },
) {
  const to = application.contactEmail;
  if (!to) return;
  const locale = isLocale(application.locale) ? application.locale : 'fr';
  const parkName = place ? pickText((await findPark(ctx, place.parkId)).name, locale) : null;
  await ctx.mailer.queue(
    ctx.db,
    decisionLetter({
      locale,
      to,
      contactName: application.contactName,
      callTitle: pickText(call.title, locale),
      reference: application.reference,
      decision: decision.decision,
      reason: decision.reason,
      publicUrl: ctx.publicUrl,
      waitingList: place && parkName ? { parkName, areaM2: place.areaM2 } : null,
    }),
  );
}

/**
 * Records the decision on an application under review (or waitlisted, which may still be admitted or
 * rejected), and all it brings, in one transaction: an admitted applicant becomes a company (its admin is
 * the applicant) and, for a residency, joins the park's waiting list; the applicant gets the decision
 * letter in their language. Any other decision is final.
 */
export async function decideApplication(
  ctx: ServiceContext,
  { applicationId, decision: input }: { applicationId: string; decision: DecisionInput },
): Promise<ApplicationReview> {
  await ctx.db.transaction(async (tx) => {
    const inTx = inTransaction(ctx, tx);
    const [application] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for('update');
    if (!application) throw notFound();
    const call = await callForActor(inTx, { callId: application.callId, right: 'manage' });
    if (!allowedDecisions(application.status).includes(input.decision)) {
      throw new AppError('invalid_transition', [{ path: 'decision', key: 'validation.decision_final' }]);
    }
    const today = localToday();
    const place = input.decision === 'admitted' ? await waitingListPlace(inTx, { call, application, decision: input }) : null;
    let companyId: string | null = application.companyId;
    if (input.decision === 'admitted') {
      const company = await admitApplicant(inTx, { application, parkId: place?.parkId ?? call.parkId, today });
      companyId = company.id;
      if (place) {
        await addToWaitingList(inTx, { parkId: place.parkId, companyId, applicationId, requiredAreaM2: place.areaM2, requestedOn: today });
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
    await sendDecisionLetter(inTx, { application, call, decision: input, place });
  });
  return getApplicationReview(ctx, applicationId);
}
