import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommitteeMember, createCallBodySchema, OfficerCall, PublicCall, updateCallBodySchema } from '../../../../contracts/calls.js';
import type { Criterion } from '../../../../contracts/reviews.js';
import type { Executor } from '../../../db/database.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { inTransaction, type ReadContext, type ServiceContext } from '../../../platform/context.js';
import { violatedUniqueConstraint } from '../../../platform/database-errors.js';
import { AppError, type FieldError, invalidField, notFound } from '../../../platform/errors.js';
import { roleAssignments } from '../../../platform/grants/schema.js';
import { parkNames } from '../../parks/index.js';
import { peopleList } from '../../people/index.js';
import { callCommitteeMembers, callCriteria, calls } from '../schema.js';
import { type CallRow, callForActor } from './access.js';
import { criteriaOf, hasSubmittedApplications, toOfficerCall, toPublicCall } from './call-views.js';

type CreateCallInput = z.infer<typeof createCallBodySchema>;
type UpdateCallInput = z.infer<typeof updateCallBodySchema>;

// ——— Public pages ———

/** A published call by its short name; an unpublished one is not found. */
export async function findPublishedCall(ctx: ReadContext, slug: string): Promise<CallRow> {
  const [row] = await ctx.db
    .select()
    .from(calls)
    .where(and(eq(calls.slug, slug), isNotNull(calls.publishedAt)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

export async function getPublicCall(ctx: ReadContext, slug: string): Promise<PublicCall> {
  return toPublicCall(ctx, await findPublishedCall(ctx, slug));
}

// ——— Officers ———

export async function getCall(ctx: ServiceContext, callId: string): Promise<OfficerCall> {
  return toOfficerCall(ctx, await callForActor(ctx, { callId }));
}

/** People holding the committee_member role, for the committee picker. */
export async function listCommitteeCandidates(ctx: ServiceContext, _input: Record<string, never> = {}): Promise<CommitteeMember[]> {
  const people = await peopleList.page(ctx, {
    page: 1,
    pageSize: 1000,
    sort: 'name',
    order: 'asc',
    role: 'committee_member',
    status: 'active',
  });
  return people.items.map((person) => ({ userId: person.id, name: person.name, email: person.email }));
}

async function checkPark(ctx: ReadContext, parkId: string | null | undefined): Promise<void> {
  if (!parkId) return;
  if (!(await parkNames(ctx, [parkId])).has(parkId)) throw invalidField('parkId', 'validation.unknown_park');
}

/** Every member of a committee must hold the committee_member role (a field error names each one who does not). */
async function checkCommittee(ctx: ReadContext, userIds: string[] | undefined): Promise<void> {
  if (!userIds?.length) return;
  const holders = await ctx.db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.role, 'committee_member'), inArray(roleAssignments.userId, userIds)));
  const members = new Set(holders.map((holder) => holder.userId));
  const problems: FieldError[] = userIds.flatMap((userId, index) =>
    members.has(userId) ? [] : [{ path: `committeeMemberIds.${index}`, key: 'validation.not_committee_member' as const }],
  );
  if (problems.length) throw new AppError('validation', problems);
}

function slugConflict(error: unknown): never {
  if (violatedUniqueConstraint(error) !== null) throw invalidField('slug', 'validation.call_slug_taken');
  throw error;
}

async function replaceCriteria(tx: Executor, callId: string, criteria: CreateCallInput['criteria']): Promise<void> {
  await tx.delete(callCriteria).where(eq(callCriteria.callId, callId));
  await tx.insert(callCriteria).values(
    criteria.map((criterion, position) => ({
      callId,
      position,
      label: criterion.label,
      description: criterion.description ?? null,
      weight: criterion.weight,
    })),
  );
}

async function replaceCommittee(tx: Executor, callId: string, userIds: string[]): Promise<void> {
  await tx.delete(callCommitteeMembers).where(eq(callCommitteeMembers.callId, callId));
  if (userIds.length) await tx.insert(callCommitteeMembers).values(userIds.map((userId) => ({ callId, userId })));
}

export async function createCall(ctx: ServiceContext, input: CreateCallInput): Promise<OfficerCall> {
  await checkPark(ctx, input.parkId);
  await checkCommittee(ctx, input.committeeMemberIds);
  const created = await ctx.db
    .transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .insert(calls)
        .values({
          slug: input.slug,
          title: input.title,
          summary: input.summary ?? null,
          description: input.description ?? null,
          kind: input.kind,
          parkId: input.parkId,
          opensAt: new Date(input.opensAt),
          closesAt: new Date(input.closesAt),
          publishedAt: input.published ? now : null,
          eligibility: input.eligibility,
          questions: input.questions,
          scoreMin: input.scoreMin,
          scoreMax: input.scoreMax,
          spreadThreshold: input.spreadThreshold,
          createdBy: ctx.actor.userId,
        })
        .returning();
      await replaceCriteria(tx, row.id, input.criteria);
      await replaceCommittee(tx, row.id, input.committeeMemberIds);
      await recordAudit(tx, ctx.actor, {
        action: 'call.create',
        entityType: 'call',
        entityId: row.id,
        after: { ...row, criteria: input.criteria, committeeMemberIds: input.committeeMemberIds },
      });
      return row;
    })
    .catch(slugConflict);
  return getCall(ctx, created.id);
}

/** What a criterion is, without its id and position: two grids are the same when these are. */
const criterionContent = (criterion: Pick<Criterion, 'label' | 'weight'> & { description?: Criterion['description'] }) => ({
  label: criterion.label,
  description: criterion.description ?? null,
  weight: criterion.weight,
});

/** JSON with sorted keys: two values are the same when this text is (jsonb does not keep key order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field) =>
    field && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => a.localeCompare(b)))
      : field,
  );
}

const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * What a frozen call (one with submitted applications) refuses: any change to its form, grid, scale or
 * kind (applicants answered that form; members score on that grid), moving its opening, or shortening
 * its deadline. Sending them unchanged is fine (the settings page sends the whole call).
 */
async function frozenChanges(ctx: ReadContext, before: CallRow, input: UpdateCallInput): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const frozen = (path: string) => problems.push({ path, key: 'validation.form_frozen' });
  if (input.kind !== undefined && input.kind !== before.kind) frozen('kind');
  if (input.questions !== undefined && !sameJson(input.questions, before.questions)) frozen('questions');
  if (input.scoreMin !== undefined && input.scoreMin !== before.scoreMin) frozen('scoreMin');
  if (input.scoreMax !== undefined && input.scoreMax !== before.scoreMax) frozen('scoreMax');
  if (input.criteria !== undefined) {
    const current = (await criteriaOf(ctx, before.id)).map(criterionContent);
    if (!sameJson(current, input.criteria.map(criterionContent))) frozen('criteria');
  }
  if (input.opensAt !== undefined && new Date(input.opensAt).getTime() !== before.opensAt.getTime()) {
    problems.push({ path: 'opensAt', key: 'validation.opening_frozen' });
  }
  if (input.closesAt !== undefined && new Date(input.closesAt) < before.closesAt) {
    problems.push({ path: 'closesAt', key: 'validation.deadline_only_extended' });
  }
  return problems;
}

export async function updateCall(
  ctx: ServiceContext,
  { callId, changes: input }: { callId: string; changes: UpdateCallInput },
): Promise<OfficerCall> {
  await checkPark(ctx, input.parkId);
  await checkCommittee(ctx, input.committeeMemberIds);
  await ctx.db
    .transaction(async (tx) => {
      const inTx = inTransaction(ctx, tx);
      // The row lock orders this update and any submission to the call: none slips in between the check and the write.
      const before = await callForActor(inTx, { callId, right: 'manage', lock: true });
      if (await hasSubmittedApplications(inTx, callId)) {
        const problems = await frozenChanges(inTx, before, input);
        if (problems.length) throw new AppError('not_editable', problems);
      }
      const opensAt = input.opensAt ? new Date(input.opensAt) : before.opensAt;
      const closesAt = input.closesAt ? new Date(input.closesAt) : before.closesAt;
      if (closesAt <= opensAt) throw invalidField('closesAt', 'validation.closes_before_opens');
      const scoreMin = input.scoreMin ?? before.scoreMin;
      const scoreMax = input.scoreMax ?? before.scoreMax;
      if (scoreMax <= scoreMin) throw invalidField('scoreMax', 'validation.scale_order');
      const { criteria, committeeMemberIds, published, opensAt: _opens, closesAt: _closes, ...fields } = input;
      const publishedAt = published === undefined ? before.publishedAt : published ? (before.publishedAt ?? new Date()) : null;
      const [after] = await tx
        .update(calls)
        .set({ ...fields, opensAt, closesAt, publishedAt, updatedAt: new Date() })
        .where(eq(calls.id, callId))
        .returning();
      const criteriaBefore = await criteriaOf(inTx, callId);
      const committeeBefore = await tx.select().from(callCommitteeMembers).where(eq(callCommitteeMembers.callId, callId));
      const unchangedCriteria = criteria === undefined || sameJson(criteriaBefore.map(criterionContent), criteria.map(criterionContent));
      // Criteria keep their ids when unchanged: scores (once any exist) refer to them.
      if (!unchangedCriteria && criteria) await replaceCriteria(tx, callId, criteria);
      if (committeeMemberIds !== undefined) await replaceCommittee(tx, callId, committeeMemberIds);
      await recordAudit(tx, ctx.actor, {
        action: 'call.update',
        entityType: 'call',
        entityId: callId,
        before: { ...before, criteria: criteriaBefore, committeeMemberIds: committeeBefore.map((member) => member.userId) },
        after: { ...after, ...(criteria ? { criteria } : {}), ...(committeeMemberIds ? { committeeMemberIds } : {}) },
      });
    })
    .catch(slugConflict);
  return getCall(ctx, callId);
}

export async function setCallPublished(
  ctx: ServiceContext,
  { callId, published }: { callId: string; published: boolean },
): Promise<OfficerCall> {
  await ctx.db.transaction(async (tx) => {
    const before = await callForActor(inTransaction(ctx, tx), { callId, right: 'manage', lock: true });
    const publishedAt = published ? (before.publishedAt ?? new Date()) : null;
    const [after] = await tx.update(calls).set({ publishedAt, updatedAt: new Date() }).where(eq(calls.id, callId)).returning();
    await recordAudit(tx, ctx.actor, {
      action: published ? 'call.publish' : 'call.unpublish',
      entityType: 'call',
      entityId: callId,
      before: { publishedAt: before.publishedAt },
      after: { publishedAt: after.publishedAt },
    });
  });
  return getCall(ctx, callId);
}
