import { and, asc, eq } from 'drizzle-orm';
import type { Criterion, Evaluation, MemberReviewStatus } from '../../../../contracts/reviews.js';
import { uuidIn } from '../../../db/prepared.js';
import type { ReadContext } from '../../../platform/context.js';
import { evaluationScores, evaluations, reviewAssignments } from '../schema.js';
import { type MemberScores, memberWeightedScore } from './scoring.js';

/** Rows the committee's work is read from, shared by the members' and the officers' services. */
export type AssignmentRow = typeof reviewAssignments.$inferSelect;
type EvaluationRow = typeof evaluations.$inferSelect;
type ScoreRow = typeof evaluationScores.$inferSelect;

export function memberStatus(assignment: Pick<AssignmentRow, 'conflictDeclaredAt'>, evaluated: boolean): MemberReviewStatus {
  if (assignment.conflictDeclaredAt) return 'conflict';
  return evaluated ? 'scored' : 'to_score';
}

export type ApplicationEvaluations = {
  assignments: AssignmentRow[];
  evaluations: Map<string, EvaluationRow & { scores: ScoreRow[] }>;
};

/** The assignments and evaluations of some applications, keyed by application (evaluations by member). */
export async function evaluationsOfApplications(ctx: ReadContext, applicationIds: string[]): Promise<Map<string, ApplicationEvaluations>> {
  const { db } = ctx;
  const result = new Map<string, ApplicationEvaluations>();
  for (const id of applicationIds) result.set(id, { assignments: [], evaluations: new Map() });
  if (applicationIds.length === 0) return result;
  const [assignmentRows, evaluationRows] = await Promise.all([
    db
      .select()
      .from(reviewAssignments)
      .where(uuidIn(reviewAssignments.applicationId, applicationIds))
      .orderBy(asc(reviewAssignments.assignedAt), asc(reviewAssignments.memberUserId)),
    db.select().from(evaluations).where(uuidIn(evaluations.applicationId, applicationIds)),
  ]);
  const scoreRows = evaluationRows.length
    ? await db
        .select()
        .from(evaluationScores)
        .where(
          uuidIn(
            evaluationScores.evaluationId,
            evaluationRows.map((row) => row.id),
          ),
        )
    : [];
  for (const row of assignmentRows) result.get(row.applicationId)?.assignments.push(row);
  // Grouped once: a call's ranking reads thousands of scores, and filtering them per evaluation was quadratic.
  const scoresOf = new Map<string, ScoreRow[]>();
  for (const score of scoreRows) {
    const scores = scoresOf.get(score.evaluationId);
    if (scores) scores.push(score);
    else scoresOf.set(score.evaluationId, [score]);
  }
  for (const row of evaluationRows) {
    result.get(row.applicationId)?.evaluations.set(row.memberUserId, { ...row, scores: scoresOf.get(row.id) ?? [] });
  }
  return result;
}

/**
 * The members' scores as the aggregation reads them. An evaluation whose member is no longer assigned
 * cannot exist (a member who scored cannot be removed), so assignments are the list of members.
 */
export function membersScores(data: ApplicationEvaluations): MemberScores[] {
  return data.assignments.map((assignment) => {
    const evaluation = data.evaluations.get(assignment.memberUserId);
    return {
      memberId: assignment.memberUserId,
      conflict: assignment.conflictDeclaredAt !== null,
      scores: evaluation ? new Map(evaluation.scores.map((score) => [score.criterionId, score.score])) : null,
    };
  });
}

export function toEvaluation(criteria: readonly Criterion[], evaluation: EvaluationRow & { scores: ScoreRow[] }): Evaluation {
  const byCriterion = new Map(evaluation.scores.map((score) => [score.criterionId, score]));
  return {
    submittedAt: evaluation.submittedAt.toISOString(),
    comment: evaluation.comment,
    weightedScore: memberWeightedScore(criteria, new Map(evaluation.scores.map((score) => [score.criterionId, score.score]))),
    // In the grid's order, so that every reader sees criteria the same way.
    scores: criteria.flatMap((criterion) => {
      const score = byCriterion.get(criterion.id);
      return score ? [{ criterionId: criterion.id, score: score.score, comment: score.comment }] : [];
    }),
  };
}

export async function assignmentOf(
  ctx: ReadContext,
  { applicationId, memberUserId }: { applicationId: string; memberUserId: string },
): Promise<AssignmentRow | null> {
  const [row] = await ctx.db
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.memberUserId, memberUserId)))
    .limit(1);
  return row ?? null;
}
