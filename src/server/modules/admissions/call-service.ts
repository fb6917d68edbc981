import { and, asc, count, desc, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CommitteeMember,
  callsQuerySchema,
  createCallBodySchema,
  OfficerCall,
  OfficerCallSummary,
  PublicCall,
  PublicCallSummary,
  publicCallsQuerySchema,
  updateCallBodySchema,
} from '../../../contracts/calls.js';
import type { Locale } from '../../../shared/locales.js';
import type { Database, Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { likePattern, violatedUniqueConstraint } from '../../platform/database-errors.js';
import { AppError, type FieldError, invalidField, notFound } from '../../platform/errors.js';
import { loadGrants } from '../../platform/grants/service.js';
import { parkNames } from '../parks/index.js';
import { peopleList } from '../people/index.js';
import { callForActor, readableCalls } from './call-access.js';
import {
  applicationCounts,
  type CallRow,
  criteriaOf,
  emptyCounts,
  hasSubmittedApplications,
  parkRefs,
  toOfficerCall,
  toOfficerCallSummary,
  toPublicCall,
  toPublicCallSummary,
} from './call-views.js';
import { callCommitteeMembers, callCriteria, calls } from './schema.js';

type CreateCallInput = z.infer<typeof createCallBodySchema>;
type UpdateCallInput = z.infer<typeof updateCallBodySchema>;

/** The phase of a call in SQL, by the server's clock passed as `now` (the same clock as submissions). */
function phaseSql(now: Date): SQL<string> {
  const at = now.toISOString();
  return sql<string>`case when ${calls.opensAt} > ${at}::timestamptz then 'upcoming' when ${calls.closesAt} > ${at}::timestamptz then 'open' else 'closed' end`;
}

function titleSql(locale: Locale): SQL<string> {
  return sql<string>`coalesce(nullif(${calls.title}->>${locale}, ''), ${calls.title}->>'fr')`;
}

function searchSql(q: string): SQL {
  const pattern = likePattern(q);
  return or(sql`${calls.title}::text ilike ${pattern}`, sql`${calls.slug} ilike ${pattern}`) as SQL;
}

// ——— Public pages ———

type PublicCallsQuery = z.infer<typeof publicCallsQuerySchema>;

/** Published calls: open ones first (soonest deadline first), then upcoming, then closed (latest first). */
export async function listPublicCalls(db: Database, query: PublicCallsQuery, now = new Date()) {
  const phase = phaseSql(now);
  const conditions: SQL[] = [isNotNull(calls.publishedAt)];
  if (query.phase) conditions.push(sql`${phase} = ${query.phase}`);
  if (query.kind) conditions.push(eq(calls.kind, query.kind));
  if (query.parkId) conditions.push(eq(calls.parkId, query.parkId));
  if (query.q) conditions.push(searchSql(query.q));
  const where = and(...conditions);
  const direction = query.order === 'desc' ? desc : asc;
  const order =
    query.sort === 'phase'
      ? [
          direction(sql`array_position(array['open','upcoming','closed']::text[], ${phase})`),
          asc(sql`case when ${phase} = 'closed' then null else ${calls.closesAt} end`),
          desc(calls.closesAt),
        ]
      : [direction(query.sort === 'opensAt' ? calls.opensAt : calls.closesAt)];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(calls)
      .where(where)
      .orderBy(...order, asc(calls.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(calls).where(where),
  ]);
  const parks = await parkRefs(
    db,
    rows.map((row) => row.parkId),
  );
  const items: PublicCallSummary[] = rows.map((row) => toPublicCallSummary(row, row.parkId ? (parks.get(row.parkId) ?? null) : null, now));
  return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
}

export async function findPublishedCall(db: Executor, slug: string): Promise<CallRow> {
  const [row] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.slug, slug), isNotNull(calls.publishedAt)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

export async function getPublicCall(db: Database, slug: string): Promise<PublicCall> {
  return toPublicCall(db, await findPublishedCall(db, slug));
}

// ——— Officers ———

type CallsQuery = z.infer<typeof callsQuerySchema>;

function callFilters(actor: Actor, query: Omit<CallsQuery, 'page' | 'pageSize' | 'sort' | 'order'>, now: Date): SQL | undefined {
  const conditions: SQL[] = [];
  const readable = readableCalls(actor);
  if (readable) conditions.push(readable);
  if (query.phase) conditions.push(sql`${phaseSql(now)} = ${query.phase}`);
  if (query.kind) conditions.push(eq(calls.kind, query.kind));
  if (query.parkId) conditions.push(eq(calls.parkId, query.parkId));
  if (query.published === 'true') conditions.push(isNotNull(calls.publishedAt));
  if (query.published === 'false') conditions.push(isNull(calls.publishedAt));
  if (query.q) conditions.push(searchSql(query.q));
  return conditions.length ? and(...conditions) : undefined;
}

function callOrder(query: CallsQuery, locale: Locale): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  const column = { closesAt: calls.closesAt, opensAt: calls.opensAt, title: titleSql(locale), updatedAt: calls.updatedAt }[query.sort];
  return [direction(column), asc(calls.id)];
}

async function toSummaries(db: Executor, rows: CallRow[]): Promise<OfficerCallSummary[]> {
  const ids = rows.map((row) => row.id);
  const [parks, counts] = [
    await parkRefs(
      db,
      rows.map((row) => row.parkId),
    ),
    await applicationCounts(db, ids),
  ];
  return rows.map((row) =>
    toOfficerCallSummary(row, row.parkId ? (parks.get(row.parkId) ?? null) : null, counts.get(row.id) ?? emptyCounts()),
  );
}

export async function listCalls(ctx: ServiceContext, query: CallsQuery) {
  const where = callFilters(ctx.actor, query, new Date());
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(calls)
      .where(where)
      .orderBy(...callOrder(query, ctx.locale))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(calls).where(where),
  ]);
  return { items: await toSummaries(ctx.db, rows), total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** Every call matching the filters, for CSV/XLSX export. */
export async function listAllCalls(ctx: ServiceContext, query: CallsQuery): Promise<OfficerCallSummary[]> {
  const rows = await ctx.db
    .select()
    .from(calls)
    .where(callFilters(ctx.actor, query, new Date()))
    .orderBy(...callOrder(query, ctx.locale))
    .limit(10000);
  return toSummaries(ctx.db, rows);
}

export async function getCall(ctx: ServiceContext, callId: string): Promise<OfficerCall> {
  return toOfficerCall(ctx.db, ctx.actor, await callForActor(ctx.db, ctx.actor, callId));
}

/** People holding the committee_member role, for the committee picker. */
export async function listCommitteeCandidates(ctx: ServiceContext): Promise<CommitteeMember[]> {
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

async function checkPark(db: Executor, parkId: string | null | undefined): Promise<void> {
  if (!parkId) return;
  if (!(await parkNames({ db, locale: 'fr' }, [parkId])).has(parkId)) throw invalidField('parkId', 'validation.unknown_park');
}

/** Every member of a committee must hold the committee_member role (a field error names each one who does not). */
async function checkCommittee(db: Executor, userIds: string[] | undefined): Promise<void> {
  if (!userIds?.length) return;
  const problems: FieldError[] = [];
  for (const [index, userId] of userIds.entries()) {
    const grants = await loadGrants(db, userId);
    if (!grants.some((grant) => grant.role === 'committee_member')) {
      problems.push({ path: `committeeMemberIds.${index}`, key: 'validation.not_committee_member' });
    }
  }
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
  await checkPark(ctx.db, input.parkId);
  await checkCommittee(ctx.db, input.committeeMemberIds);
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
async function frozenChanges(tx: Executor, before: CallRow, input: UpdateCallInput): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const frozen = (path: string) => problems.push({ path, key: 'validation.form_frozen' });
  if (input.kind !== undefined && input.kind !== before.kind) frozen('kind');
  if (input.questions !== undefined && !sameJson(input.questions, before.questions)) frozen('questions');
  if (input.scoreMin !== undefined && input.scoreMin !== before.scoreMin) frozen('scoreMin');
  if (input.scoreMax !== undefined && input.scoreMax !== before.scoreMax) frozen('scoreMax');
  if (input.criteria !== undefined) {
    const current = (await criteriaOf(tx, before.id)).map((criterion) => ({
      label: criterion.label,
      description: criterion.description ?? null,
      weight: criterion.weight,
    }));
    const wanted = input.criteria.map((criterion) => ({
      label: criterion.label,
      description: criterion.description ?? null,
      weight: criterion.weight,
    }));
    if (!sameJson(current, wanted)) frozen('criteria');
  }
  if (input.opensAt !== undefined && new Date(input.opensAt).getTime() !== before.opensAt.getTime()) {
    problems.push({ path: 'opensAt', key: 'validation.opening_frozen' });
  }
  if (input.closesAt !== undefined && new Date(input.closesAt) < before.closesAt) {
    problems.push({ path: 'closesAt', key: 'validation.deadline_only_extended' });
  }
  return problems;
}

export async function updateCall(ctx: ServiceContext, callId: string, input: UpdateCallInput): Promise<OfficerCall> {
  await checkPark(ctx.db, input.parkId);
  await checkCommittee(ctx.db, input.committeeMemberIds);
  await ctx.db
    .transaction(async (tx) => {
      // The row lock orders this update and any submission to the call: none slips in between the check and the write.
      const before = await callForActor(tx, ctx.actor, callId, { manage: true, lock: true });
      if (await hasSubmittedApplications(tx, callId)) {
        const problems = await frozenChanges(tx, before, input);
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
      const criteriaBefore = await criteriaOf(tx, callId);
      const committeeBefore = await tx.select().from(callCommitteeMembers).where(eq(callCommitteeMembers.callId, callId));
      const unchangedCriteria =
        criteria === undefined ||
        sameJson(
          criteriaBefore.map((c) => ({ label: c.label, description: c.description ?? null, weight: c.weight })),
          criteria.map((c) => ({ label: c.label, description: c.description ?? null, weight: c.weight })),
        );
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

export async function setCallPublished(ctx: ServiceContext, callId: string, published: boolean): Promise<OfficerCall> {
  await ctx.db.transaction(async (tx) => {
    const before = await callForActor(tx, ctx.actor, callId, { manage: true, lock: true });
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
