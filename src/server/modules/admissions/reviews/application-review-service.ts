import { and, eq, inArray } from 'drizzle-orm';
import type { ApplicationReview, AssignmentsBody } from '../../../../contracts/reviews.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { users } from '../../../platform/auth/schema.js';
import { inTransaction, type ServiceContext } from '../../../platform/context.js';
import { AppError, type FieldError, notFound } from '../../../platform/errors.js';
import { applicationForOfficer } from '../applications/officer-service.js';
import { callForActor, callRights } from '../calls/access.js';
import { committeeOf, criteriaOf } from '../calls/call-views.js';
import { allowedDecisions } from '../decisions/decision-rules.js';
import { applications, reviewAssignments } from '../schema.js';
import { rankCall, rankingCall } from './ranking.js';
import { type ApplicationEvaluations, evaluationsOfApplications, memberStatus, membersScores, toEvaluation } from './review-data.js';
import { aggregateApplication, isSpreadFlagged } from './scoring.js';

/**
 * One application's committee results for the officers: every member's scores and comments, the conflicts with
 * their reasons, the aggregate and rank, and which members review it. Program officers and network admins decide;
 * the managers of the call's park read.
 */

async function memberNames(ctx: ServiceContext, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((row) => [row.id, row.name]));
}

function membersOf(evaluation: ApplicationEvaluations, criteria: Parameters<typeof toEvaluation>[0], names: Map<string, string>) {
  return evaluation.assignments.map((assignment) => {
    const own = evaluation.evaluations.get(assignment.memberUserId);
    return {
      userId: assignment.memberUserId,
      name: names.get(assignment.memberUserId) ?? '',
      assignedAt: assignment.assignedAt.toISOString(),
      status: memberStatus(assignment, own !== undefined),
      conflict: assignment.conflictDeclaredAt
        ? { declaredAt: assignment.conflictDeclaredAt.toISOString(), reason: assignment.conflictReason }
        : null,
      evaluation: own ? toEvaluation(criteria, own) : null,
    };
  });
}

/** Every member's scores and comments, conflicts with their reasons, and the aggregate (officers; park managers read). */
export async function getApplicationReview(ctx: ServiceContext, applicationId: string): Promise<ApplicationReview> {
  const { row: application, call } = await applicationForOfficer(ctx, { applicationId });
  const criteria = await criteriaOf(ctx, call.id);
  const [data, committee, ranking] = await Promise.all([
    evaluationsOfApplications(ctx, [applicationId]),
    committeeOf(ctx, call.id),
    rankCall(ctx, { call, criteria }),
  ]);
  const evaluation = data.get(applicationId) ?? { assignments: [], evaluations: new Map() };
  const names = await memberNames(
    ctx,
    evaluation.assignments.map((assignment) => assignment.memberUserId),
  );
  const aggregate = aggregateApplication(criteria, membersScores(evaluation));
  const ranked = ranking.find((entry) => entry.applicationId === applicationId);
  const canDecide = callRights(ctx.actor, call).manage;
  return {
    applicationId: application.id,
    reference: application.reference,
    status: application.status,
    companyName: application.companyName,
    requiredAreaM2: application.requiredAreaM2,
    decision: application.decision,
    decisionReason: application.decisionReason,
    decidedAt: application.decidedAt?.toISOString() ?? null,
    companyId: application.companyId,
    call: rankingCall(ctx, { call, criteria }),
    members: membersOf(evaluation, criteria, names),
    committee: committee.map((member) => ({ userId: member.userId, name: member.name })),
    aggregate: {
      score: aggregate.score,
      spread: aggregate.spread,
      flagged: isSpreadFlagged(aggregate.spread, call.spreadThreshold),
      rank: ranked?.rank ?? null,
      criterionMeans: aggregate.criterionMeans,
    },
    allowedDecisions: canDecide ? allowedDecisions(application.status) : [],
  };
}

/**
 * Sets which members of the call's committee review an application. A member who already scored cannot be
 * removed (their scores count); the applicant never reviews their own file. The assignment rows are locked
 * first, so an evaluation arriving meanwhile is either seen here or waits for this change.
 */
export async function setAssignments(
  ctx: ServiceContext,
  { applicationId, assignments: body }: { applicationId: string; assignments: AssignmentsBody },
): Promise<ApplicationReview> {
  await ctx.db.transaction(async (tx) => {
    const inTx = inTransaction(ctx, tx);
    const [application] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for('update');
    if (!application) throw notFound();
    const call = await callForActor(inTx, { callId: application.callId, right: 'manage' });
    if (application.status !== 'under_review') throw new AppError('not_editable');
    const current = await tx.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, applicationId)).for('update');
    const committee = new Set((await committeeOf(inTx, call.id)).map((member) => member.userId));
    const wanted = [...new Set(body.memberUserIds)];
    const problems: FieldError[] = [];
    body.memberUserIds.forEach((userId, index) => {
      if (!committee.has(userId)) problems.push({ path: `memberUserIds.${index}`, key: 'validation.not_in_call_committee' });
      else if (userId === application.applicantUserId)
        problems.push({ path: `memberUserIds.${index}`, key: 'validation.member_is_applicant' });
    });
    const data = (await evaluationsOfApplications(inTx, [applicationId])).get(applicationId);
    const removed = current.filter((assignment) => !wanted.includes(assignment.memberUserId));
    if (removed.some((assignment) => data?.evaluations.has(assignment.memberUserId))) {
      problems.push({ path: 'memberUserIds', key: 'validation.member_already_scored' });
    }
    if (problems.length) throw new AppError('validation', problems);
    const added = wanted.filter((userId) => !current.some((assignment) => assignment.memberUserId === userId));
    if (removed.length) {
      await tx.delete(reviewAssignments).where(
        and(
          eq(reviewAssignments.applicationId, applicationId),
          inArray(
            reviewAssignments.memberUserId,
            removed.map((assignment) => assignment.memberUserId),
          ),
        ),
      );
    }
    if (added.length) await tx.insert(reviewAssignments).values(added.map((memberUserId) => ({ applicationId, memberUserId })));
    await recordAudit(tx, ctx.actor, {
      action: 'review.assign',
      entityType: 'application',
      entityId: applicationId,
      before: { memberUserIds: current.map((assignment) => assignment.memberUserId) },
      after: {
        memberUserIds: wanted,
        removed: removed.map((assignment) => ({ memberUserId: assignment.memberUserId, conflictReason: assignment.conflictReason })),
      },
    });
  });
  return getApplicationReview(ctx, applicationId);
}
