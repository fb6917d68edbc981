import { eq } from 'drizzle-orm';
import type { EligibilityDecisionBody, OfficerApplication } from '../../../../contracts/applications.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { users } from '../../../platform/auth/schema.js';
import { inTransaction, type ReadContext, type ServiceContext } from '../../../platform/context.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { readStoredFile, type StoredFile } from '../../../platform/files/service.js';
import { recordPersonalDataRead } from '../../../platform/personal-data/access-log.js';
import { type CallRow, callForActor, callRights } from '../calls/access.js';
import { callRow, parkOf, parkRefs } from '../calls/call-views.js';
import { readsAsAssignedMember } from '../reviews/access.js';
import { applications, callCommitteeMembers, reviewAssignments } from '../schema.js';
import type { ApplicationRow } from './applicant-access.js';
import { sendIneligibilityNotice } from './application-mail.js';
import { applicationBase, describeProblems, fileOfApplication, filesOf } from './application-views.js';

/**
 * The one rule for staff reaching an application, used by every route that returns one (its file, its review,
 * its decision): a submitted application whose call the actor reads (officers; park managers for their parks);
 * "not found" otherwise, drafts included (they are the applicant's own until submitted). `lock` takes the
 * application's row lock.
 */
export async function applicationForOfficer(ctx: ServiceContext, input: { applicationId: string; lock?: boolean }) {
  const query = ctx.db.select().from(applications).where(eq(applications.id, input.applicationId)).limit(1);
  const [row] = input.lock ? await query.for('update') : await query;
  if (!row || row.status === 'draft') throw notFound();
  const call = await callForActor(ctx, { callId: row.callId });
  return { row, call };
}

async function userName(ctx: ReadContext, userId: string | null): Promise<{ userId: string; name: string; email: string } | null> {
  if (!userId) return null;
  const [user] = await ctx.db.select({ userId: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return user ?? null;
}

async function toOfficerApplication(ctx: ServiceContext, { row, call }: { row: ApplicationRow; call: CallRow }) {
  const parks = await parkRefs(ctx, [call.parkId]);
  const view: OfficerApplication = {
    ...applicationBase(row, await filesOf(ctx, row.id)),
    call: {
      id: call.id,
      slug: call.slug,
      title: call.title,
      kind: call.kind,
      park: parkOf(parks, call.parkId),
      questions: call.questions,
      closesAt: call.closesAt.toISOString(),
    },
    applicant: await userName(ctx, row.applicantUserId),
    eligibilityProblems: describeProblems(row.eligibilityProblems, ctx.locale),
    eligibilityNote: row.eligibilityNote,
    eligibilityCheckedAt: row.eligibilityCheckedAt?.toISOString() ?? null,
    eligibilityCheckedBy: (await userName(ctx, row.eligibilityCheckedBy))?.name ?? null,
    decision: row.decision,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    canDecideEligibility: callRights(ctx.actor, call).manage && row.status === 'submitted',
  };
  return view;
}

/** Law 09-08: reading an applicant's file is itself recorded. */
export async function getOfficerApplication(ctx: ServiceContext, applicationId: string): Promise<OfficerApplication> {
  const found = await applicationForOfficer(ctx, { applicationId });
  await recordPersonalDataRead(ctx, {
    action: 'application.view',
    entityType: 'application',
    entityId: applicationId,
    subjects: [found.row.applicantUserId],
  });
  return toOfficerApplication(ctx, found);
}

/** Assigns an eligible application to every member of its call's committee; answers who was assigned. */
async function assignCommittee(ctx: ServiceContext, { applicationId, callId }: { applicationId: string; callId: string }) {
  const members = await ctx.db
    .select({ userId: callCommitteeMembers.userId })
    .from(callCommitteeMembers)
    .where(eq(callCommitteeMembers.callId, callId));
  const assigned = members.map((member) => member.userId);
  if (assigned.length) {
    await ctx.db
      .insert(reviewAssignments)
      .values(assigned.map((memberUserId) => ({ applicationId, memberUserId })))
      .onConflictDoNothing();
  }
  return assigned;
}

/**
 * The officer's eligibility decision on a submitted application. Eligible: it goes under committee
 * review, assigned to every member of the call's committee. Not eligible: the applicant is told why,
 * in their language. Overriding the automatic check's findings needs a note; so does a refusal the
 * check did not find grounds for (it is the reason the applicant reads).
 */
export async function decideEligibility(
  ctx: ServiceContext,
  { applicationId, decision }: { applicationId: string; decision: EligibilityDecisionBody },
): Promise<OfficerApplication> {
  await ctx.db.transaction(async (tx) => {
    const inTx = inTransaction(ctx, tx);
    const { row: before, call } = await applicationForOfficer(inTx, { applicationId, lock: true });
    if (!callRights(ctx.actor, call).manage) throw new AppError('forbidden');
    if (before.status !== 'submitted') throw new AppError('invalid_transition');
    const note = (decision.note ?? '').trim();
    const foundProblems = before.eligibilityProblems.length > 0;
    if (decision.eligible && foundProblems && !note) throw invalidField('note', 'validation.override_note_required');
    if (!decision.eligible && !foundProblems && !note) throw invalidField('note', 'validation.ineligible_reason_required');
    const now = new Date();
    const [after] = await tx
      .update(applications)
      .set({
        status: decision.eligible ? 'under_review' : 'ineligible',
        eligibilityNote: note,
        eligibilityCheckedAt: now,
        eligibilityCheckedBy: ctx.actor.userId,
        updatedAt: now,
      })
      .where(eq(applications.id, applicationId))
      .returning();
    const assigned = decision.eligible ? await assignCommittee(inTx, { applicationId, callId: call.id }) : [];
    await recordAudit(tx, ctx.actor, {
      action: decision.eligible ? 'application.eligible' : 'application.ineligible',
      entityType: 'application',
      entityId: applicationId,
      before: { status: before.status },
      after: { status: after.status, note, assignedMemberIds: assigned },
    });
    if (!decision.eligible) {
      const applicant = await userName(inTx, after.applicantUserId);
      const recipient = applicant ?? { name: after.contactName, email: after.contactEmail };
      await sendIneligibilityNotice(inTx, { application: after, call, recipient });
    }
  });
  return toOfficerApplication(ctx, await applicationForOfficer(ctx, { applicationId }));
}

/**
 * A file of a submitted application for the officers' side: whoever reads its call (officers, park managers of
 * the call's park), and committee members assigned to the application who declared no conflict of interest.
 */
export async function readOfficerFile(
  ctx: ServiceContext,
  { applicationId, fileId }: { applicationId: string; fileId: string },
): Promise<StoredFile> {
  const [row] = await ctx.db.select().from(applications).where(eq(applications.id, applicationId)).limit(1);
  if (!row || row.status === 'draft') throw notFound();
  const call = await callRow(ctx, { callId: row.callId });
  const allowed = callRights(ctx.actor, call).read || (await readsAsAssignedMember(ctx, applicationId));
  if (!allowed) throw notFound();
  await fileOfApplication(ctx, { applicationId, fileId });
  await recordPersonalDataRead(ctx, {
    action: 'application.read_file',
    entityType: 'application',
    entityId: applicationId,
    subjects: [row.applicantUserId],
    after: { fileId },
  });
  return readStoredFile(ctx.db, fileId);
}
