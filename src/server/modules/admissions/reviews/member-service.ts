import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConflictBody, Criterion, evaluationBodySchema, MemberReview, ReviewAnswer } from '../../../../contracts/reviews.js';
import type { Locale } from '../../../../shared/locales.js';
import { pickText } from '../../../../shared/localized-text.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { inTransaction, type ServiceContext } from '../../../platform/context.js';
import { violatedUniqueConstraint } from '../../../platform/database-errors.js';
import { AppError, type FieldError, notFound } from '../../../platform/errors.js';
import type { StoredFile } from '../../../platform/files/service.js';
import { recordPersonalDataRead } from '../../../platform/personal-data/access-log.js';
import { filesOf } from '../applications/application-views.js';
import { readOfficerFile } from '../applications/officer-service.js';
import { callRow, criteriaOf } from '../calls/call-views.js';
import { applications, evaluationScores, evaluations, reviewAssignments } from '../schema.js';
import { requireAssignment } from './access.js';
import { evaluationsOfApplications, memberStatus, toEvaluation } from './review-data.js';

/**
 * A committee member's side of the review (SPEC §3.3): the files assigned to them, one file with the
 * grid, a conflict-of-interest declaration, their evaluation. A member never reads another member's
 * scores nor the aggregate here, and a file not assigned to them does not exist for them.
 */

function answerText(
  question: { kind: string; options?: { value: string; label: { fr: string } }[] },
  value: unknown,
  locale: Locale,
): string {
  if (value === undefined || value === null || value === '') return '';
  const optionLabel = (chosen: unknown) => {
    const option = question.options?.find((candidate) => candidate.value === chosen);
    return option ? pickText(option.label, locale) : String(chosen);
  };
  switch (question.kind) {
    case 'choice':
      return optionLabel(value);
    case 'multi_choice':
      return Array.isArray(value) ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(value.map(optionLabel)) : '';
    case 'file':
      return '';
    default:
      return String(value);
  }
}

/** One assigned file with the grid and the member's own evaluation; never another member's scores nor the aggregate. */
export async function getMemberReview(ctx: ServiceContext, applicationId: string): Promise<MemberReview> {
  const assignment = await requireAssignment(ctx, applicationId);
  const [application] = await ctx.db.select().from(applications).where(eq(applications.id, applicationId));
  const call = await callRow(ctx, { callId: application.callId });
  await recordPersonalDataRead(ctx, {
    action: 'review.view',
    entityType: 'application',
    entityId: applicationId,
    subjects: [application.applicantUserId],
  });
  const [criteria, files, evaluationData] = await Promise.all([
    criteriaOf(ctx, call.id),
    filesOf(ctx, applicationId),
    evaluationsOfApplications(ctx, [applicationId]),
  ]);
  // Only this member's evaluation is read out of the application's evaluations.
  const own = evaluationData.get(applicationId)?.evaluations.get(ctx.actor.userId) ?? null;
  const answers: ReviewAnswer[] = call.questions.map((question) => ({
    questionId: question.id,
    kind: question.kind,
    label: question.label,
    text: answerText(question, application.answers[question.id], ctx.locale),
    files: files
      .filter((file) => file.questionId === question.id)
      .map((file) => ({ id: file.id, name: file.name, mediaType: file.mediaType, size: file.size })),
  }));
  const status = memberStatus(assignment, own !== null);
  return {
    applicationId: application.id,
    reference: application.reference,
    applicationStatus: application.status,
    call: { id: call.id, title: call.title, kind: call.kind, scoreMin: call.scoreMin, scoreMax: call.scoreMax },
    companyName: application.companyName,
    sector: application.sector,
    stage: application.stage,
    region: application.region,
    creationDate: application.creationDate,
    requiredAreaM2: application.requiredAreaM2,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    answers,
    criteria,
    myStatus: status,
    conflict: assignment.conflictDeclaredAt
      ? { declaredAt: assignment.conflictDeclaredAt.toISOString(), reason: assignment.conflictReason }
      : null,
    myEvaluation: own ? toEvaluation(criteria, own) : null,
    canScore: status === 'to_score' && application.status === 'under_review' && application.applicantUserId !== ctx.actor.userId,
  };
}

/** A file of an assigned application. A conflict hides scores, not the file the member was given. */
export async function readAssignedFile(
  ctx: ServiceContext,
  { applicationId, fileId }: { applicationId: string; fileId: string },
): Promise<StoredFile> {
  // The same rule, and the same audit record, as the officers' file route: a declared conflict hides the files.
  return readOfficerFile(ctx, { applicationId, fileId });
}

/**
 * Locks the member's assignment for the rest of the transaction: a conflict declaration and an evaluation
 * by the same member queue on this row, so at most one of them passes.
 */
async function lockAssignment(ctx: ServiceContext, applicationId: string) {
  const { db: tx, actor } = ctx;
  // The application first, shared (members score side by side while a decision, which locks it for update,
  // waits), then the assignment: every writer takes them in this order, so none waits on another in a circle.
  const [application] = await tx
    .select({
      id: applications.id,
      status: applications.status,
      callId: applications.callId,
      applicantUserId: applications.applicantUserId,
    })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for('share');
  const [assignment] = await tx
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.memberUserId, actor.userId)))
    .for('update');
  if (!application || !assignment) throw notFound();
  const [evaluation] = await tx
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(and(eq(evaluations.applicationId, applicationId), eq(evaluations.memberUserId, actor.userId)))
    .limit(1);
  return { assignment, application, alreadyScored: evaluation !== undefined };
}

export async function declareConflict(
  ctx: ServiceContext,
  { applicationId, conflict: body }: { applicationId: string; conflict: ConflictBody },
): Promise<MemberReview> {
  await ctx.db.transaction(async (tx) => {
    const { assignment, application, alreadyScored } = await lockAssignment(inTransaction(ctx, tx), applicationId);
    if (alreadyScored) throw new AppError('already_scored');
    if (assignment.conflictDeclaredAt) throw new AppError('conflict_of_interest');
    if (application.status !== 'under_review') throw new AppError('not_editable');
    const [after] = await tx
      .update(reviewAssignments)
      .set({ conflictDeclaredAt: new Date(), conflictReason: body.reason })
      .where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.memberUserId, ctx.actor.userId)))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'review.conflict',
      entityType: 'application',
      entityId: applicationId,
      before: { memberUserId: assignment.memberUserId, conflictDeclaredAt: null },
      after: { memberUserId: after.memberUserId, conflictDeclaredAt: after.conflictDeclaredAt, conflictReason: after.conflictReason },
    });
  });
  return getMemberReview(ctx, applicationId);
}

type EvaluationInput = z.infer<typeof evaluationBodySchema>;

/** Every criterion of the grid exactly once, each score a whole number on the call's scale; every problem at once. */
function checkScores(scores: EvaluationInput['scores'], criteria: readonly Criterion[], scale: { min: number; max: number }): void {
  const problems: FieldError[] = [];
  const known = new Set(criteria.map((criterion) => criterion.id));
  const seen = new Set<string>();
  scores.forEach((entry, index) => {
    if (!known.has(entry.criterionId)) problems.push({ path: `scores.${index}.criterionId`, key: 'validation.unknown_criterion' });
    else if (seen.has(entry.criterionId)) problems.push({ path: `scores.${index}.criterionId`, key: 'validation.criterion_twice' });
    seen.add(entry.criterionId);
    if (entry.score < scale.min || entry.score > scale.max) {
      problems.push({
        path: `scores.${index}.score`,
        key: 'validation.score_out_of_scale',
        params: { min: String(scale.min), max: String(scale.max) },
      });
    }
  });
  const missing = criteria.filter((criterion) => !seen.has(criterion.id));
  if (missing.length) {
    problems.push({ path: 'scores', key: 'validation.criteria_missing', params: { count: String(missing.length) } });
  }
  if (problems.length) throw new AppError('validation', problems);
}

/**
 * Records the member's evaluation, or nothing: checked and written in one transaction holding the member's
 * assignment row, and a second evaluation is refused by the unique index even if two arrive at once.
 */
export async function submitEvaluation(
  ctx: ServiceContext,
  { applicationId, evaluation: body }: { applicationId: string; evaluation: EvaluationInput },
): Promise<MemberReview> {
  await ctx.db
    .transaction(async (tx) => {
      const inTx = inTransaction(ctx, tx);
      const { assignment, application, alreadyScored } = await lockAssignment(inTx, applicationId);
      if (assignment.conflictDeclaredAt || application.applicantUserId === ctx.actor.userId) throw new AppError('conflict_of_interest');
      if (alreadyScored) throw new AppError('already_scored');
      if (application.status !== 'under_review') throw new AppError('not_editable');
      const call = await callRow(inTx, { callId: application.callId });
      const criteria = await criteriaOf(inTx, call.id);
      checkScores(body.scores, criteria, { min: call.scoreMin, max: call.scoreMax });
      const [evaluation] = await tx
        .insert(evaluations)
        .values({ applicationId, memberUserId: ctx.actor.userId, comment: body.comment })
        .returning();
      const scores = await tx
        .insert(evaluationScores)
        .values(
          body.scores.map((entry) => ({
            evaluationId: evaluation.id,
            criterionId: entry.criterionId,
            score: entry.score,
            comment: entry.comment,
          })),
        )
        .returning();
      await recordAudit(tx, ctx.actor, {
        action: 'review.evaluate',
        entityType: 'application',
        entityId: applicationId,
        after: { evaluationId: evaluation.id, memberUserId: ctx.actor.userId, comment: evaluation.comment, scores },
      });
    })
    .catch((error) => {
      if (violatedUniqueConstraint(error) !== null) throw new AppError('already_scored');
      throw error;
    });
  return getMemberReview(ctx, applicationId);
}
