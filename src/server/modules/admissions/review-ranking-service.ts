import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Decision } from '../../../contracts/admissions.js';
import type { ApplicationReview, AssignmentsBody, Criterion, RankingEntry, rankingQuerySchema } from '../../../contracts/reviews.js';
import type { Database, Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import { users } from '../../platform/auth/schema.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError, type FieldError, notFound } from '../../platform/errors.js';
import {
  type CallRow,
  callForOfficer,
  callReadAccess,
  criteriaOfCall,
  evaluationsOfApplications,
  findCall,
  memberStatus,
  membersScores,
  toEvaluation,
} from './review-data.js';
import { applications, callCommitteeMembers, reviewAssignments } from './schema.js';
import { aggregateApplication, isSpreadFlagged, rankApplications } from './scoring.js';

/**
 * The officers' side of the review: a call's ranking, one application's evaluations, its assignments.
 * Program officers and network admins decide; the managers of the call's park read.
 */

/** Applications that reached the committee: under review, or decided after it. */
const reviewedStatuses = ['under_review', 'admitted', 'waitlisted', 'rejected'] as const;

type RankingQuery = z.infer<typeof rankingQuerySchema>;

function rankingCall(call: CallRow, criteria: Criterion[], canDecide: boolean) {
  return {
    id: call.id,
    title: call.title,
    kind: call.kind,
    scoreMin: call.scoreMin,
    scoreMax: call.scoreMax,
    parkId: call.parkId,
    spreadThreshold: call.spreadThreshold,
    criteria,
    canDecide,
  };
}

/** Every reviewed application of a call with its aggregate and rank (ranks are computed over the whole call). */
async function rankCall(db: Executor, call: CallRow, criteria: Criterion[]): Promise<RankingEntry[]> {
  const rows = await db
    .select({
      id: applications.id,
      reference: applications.reference,
      companyName: applications.companyName,
      status: applications.status,
      decision: applications.decision,
    })
    .from(applications)
    .where(and(eq(applications.callId, call.id), inArray(applications.status, [...reviewedStatuses])));
  const data = await evaluationsOfApplications(
    db,
    rows.map((row) => row.id),
  );
  const entries = rows.map((row) => {
    const evaluation = data.get(row.id) ?? { assignments: [], evaluations: new Map() };
    const aggregate = aggregateApplication(criteria, membersScores(evaluation));
    return {
      applicationId: row.id,
      id: row.id,
      reference: row.reference,
      companyName: row.companyName,
      status: row.status,
      decision: row.decision,
      assignedCount: evaluation.assignments.length,
      scoredCount: aggregate.scoredCount,
      conflictCount: aggregate.conflictCount,
      score: aggregate.score,
      criterionMeans: aggregate.criterionMeans,
      spread: aggregate.spread,
      flagged: isSpreadFlagged(aggregate.spread, call.spreadThreshold),
    };
  });
  return rankApplications(entries).map(({ id: _, ...entry }) => entry);
}

function filterAndSort(entries: RankingEntry[], query: Omit<RankingQuery, 'page' | 'pageSize'>): RankingEntry[] {
  const q = query.q?.toLowerCase();
  const filtered = entries.filter(
    (entry) =>
      (!query.status || entry.status === query.status) &&
      (!query.flagged || entry.flagged === (query.flagged === 'true')) &&
      (!q || entry.reference.toLowerCase().includes(q) || entry.companyName.toLowerCase().includes(q)),
  );
  if (query.sort === 'rank') return query.order === 'desc' ? [...filtered].reverse() : filtered;
  const key: (entry: RankingEntry) => string | number = {
    reference: (entry: RankingEntry) => entry.reference,
    companyName: (entry: RankingEntry) => entry.companyName.toLowerCase(),
    spread: (entry: RankingEntry) => entry.spread ?? -1,
  }[query.sort];
  const sign = query.order === 'desc' ? -1 : 1;
  // The ranking order breaks ties, so that a sort never reorders equal rows at random.
  return filtered
    .map((entry, position) => ({ entry, position }))
    .sort((a, b) => {
      const x = key(a.entry);
      const y = key(b.entry);
      return (x < y ? -1 : x > y ? 1 : 0) * sign || a.position - b.position;
    })
    .map(({ entry }) => entry);
}

export async function getRanking(db: Database, actor: Actor, callId: string, query: RankingQuery) {
  const { call, canDecide } = await callForOfficer(db, actor, callId);
  const criteria = await criteriaOfCall(db, call.id);
  const all = filterAndSort(await rankCall(db, call, criteria), query);
  return {
    call: rankingCall(call, criteria, canDecide),
    items: all.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The whole ranking for export, with the criteria to name the per-criterion columns. */
export async function getRankingForExport(db: Database, actor: Actor, callId: string, query: Omit<RankingQuery, 'page' | 'pageSize'>) {
  const { call } = await callForOfficer(db, actor, callId);
  const criteria = await criteriaOfCall(db, call.id);
  return { call, criteria, rows: filterAndSort(await rankCall(db, call, criteria), query) };
}

/** An application with its call, if the actor reads the committee's work on that call. */
export async function applicationForOfficer(db: Executor, actor: Actor, applicationId: string) {
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId)).limit(1);
  if (!application) throw notFound();
  const { call, canDecide } = await callForOfficer(db, actor, application.callId);
  return { application, call, canDecide };
}

export function allowedDecisions(status: string): Decision[] {
  if (status === 'under_review') return ['admitted', 'waitlisted', 'rejected'];
  if (status === 'waitlisted') return ['admitted', 'rejected'];
  return [];
}

async function committeeOf(db: Executor, callId: string) {
  return db
    .select({ userId: callCommitteeMembers.userId, name: users.name })
    .from(callCommitteeMembers)
    .innerJoin(users, eq(users.id, callCommitteeMembers.userId))
    .where(eq(callCommitteeMembers.callId, callId))
    .orderBy(asc(users.name), asc(users.id));
}

/** Every member's scores and comments, conflicts with their reasons, and the aggregate (officers; park managers read). */
export async function getApplicationReview(db: Database, actor: Actor, applicationId: string): Promise<ApplicationReview> {
  const { application, call, canDecide } = await applicationForOfficer(db, actor, applicationId);
  const criteria = await criteriaOfCall(db, call.id);
  const [data, committee, ranking] = await Promise.all([
    evaluationsOfApplications(db, [applicationId]),
    committeeOf(db, call.id),
    rankCall(db, call, criteria),
  ]);
  const evaluation = data.get(applicationId) ?? { assignments: [], evaluations: new Map() };
  const memberIds = evaluation.assignments.map((assignment) => assignment.memberUserId);
  const names = new Map(
    memberIds.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, memberIds))).map((row) => [
          row.id,
          row.name,
        ])
      : [],
  );
  const aggregate = aggregateApplication(criteria, membersScores(evaluation));
  const ranked = ranking.find((entry) => entry.applicationId === applicationId);
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
    call: rankingCall(call, criteria, canDecide),
    members: evaluation.assignments.map((assignment) => {
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
    }),
    committee,
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
export async function setAssignments(ctx: ServiceContext, applicationId: string, body: AssignmentsBody): Promise<ApplicationReview> {
  await ctx.db.transaction(async (tx) => {
    const [application] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for('update');
    if (!application) throw notFound();
    const call = await findCall(tx, application.callId);
    const access = callReadAccess(ctx.actor, call);
    if (!access.canRead) throw notFound();
    if (!access.canDecide) throw new AppError('forbidden');
    if (application.status !== 'under_review') throw new AppError('not_editable');
    const current = await tx.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, applicationId)).for('update');
    const committee = new Set((await committeeOf(tx, call.id)).map((member) => member.userId));
    const wanted = [...new Set(body.memberUserIds)];
    const problems: FieldError[] = [];
    body.memberUserIds.forEach((userId, index) => {
      if (!committee.has(userId)) problems.push({ path: `memberUserIds.${index}`, key: 'validation.not_in_call_committee' });
      else if (userId === application.applicantUserId)
        problems.push({ path: `memberUserIds.${index}`, key: 'validation.member_is_applicant' });
    });
    const data = (await evaluationsOfApplications(tx, [applicationId])).get(applicationId);
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
  return getApplicationReview(ctx.db, ctx.actor, applicationId);
}
