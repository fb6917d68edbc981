import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../../contracts/admissions.js';
import { applicationStatuses } from '../../../../contracts/admissions.js';
import type {
  ApplicationCounts,
  CallPhase,
  CommitteeMember,
  OfficerCall,
  OfficerCallSummary,
  PublicCall,
  PublicCallSummary,
} from '../../../../contracts/calls.js';
import type { Criterion } from '../../../../contracts/reviews.js';
import type { Actor } from '../../../platform/access.js';
import { users } from '../../../platform/auth/schema.js';
import type { ReadContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { listParkRefs } from '../../parks/index.js';
import { applications, callCommitteeMembers, callCriteria, calls } from '../schema.js';
import { type CallRow, managesCalls } from './access.js';

export type { CallRow };

type ParkRef = NonNullable<PublicCallSummary['park']>;

/** Where a call stands for applicants by the server's clock: submissions are accepted from opensAt until before closesAt. */
export function callPhase(call: Pick<CallRow, 'opensAt' | 'closesAt'>, now: Date = new Date()): CallPhase {
  if (now < call.opensAt) return 'upcoming';
  if (now < call.closesAt) return 'open';
  return 'closed';
}

/**
 * A call by its id whoever asks (the applicant's side and the committee's reach calls through an application);
 * `lock` takes its row lock. The officers' side goes through `callForActor`.
 */
export async function callRow(ctx: ReadContext, input: { callId: string; lock?: boolean }): Promise<CallRow> {
  const query = ctx.db.select().from(calls).where(eq(calls.id, input.callId)).limit(1);
  const [row] = input.lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

/** Id, short name and name of the calls' parks, read in one go (a network has a dozen parks). */
export async function parkRefs(ctx: ReadContext, parkIds: (string | null)[]): Promise<Map<string, ParkRef>> {
  const wanted = new Set(parkIds.filter((parkId): parkId is string => parkId !== null));
  if (wanted.size === 0) return new Map();
  const parks = await listParkRefs(ctx);
  return new Map(parks.filter((park) => wanted.has(park.id)).map((park) => [park.id, { id: park.id, slug: park.slug, name: park.name }]));
}

export const parkOf = (parks: Map<string, ParkRef>, parkId: string | null) => (parkId ? (parks.get(parkId) ?? null) : null);

export function emptyCounts(): ApplicationCounts {
  return Object.fromEntries(applicationStatuses.map((status) => [status, 0])) as ApplicationCounts;
}

/** How many applications each call has in each status. */
export async function applicationCounts(ctx: ReadContext, callIds: string[]): Promise<Map<string, ApplicationCounts>> {
  const result = new Map<string, ApplicationCounts>(callIds.map((id) => [id, emptyCounts()]));
  if (callIds.length === 0) return result;
  const rows = await ctx.db
    .select({ callId: applications.callId, status: applications.status, total: count() })
    .from(applications)
    .where(inArray(applications.callId, callIds))
    .groupBy(applications.callId, applications.status);
  for (const row of rows) {
    const counts = result.get(row.callId);
    if (counts) counts[row.status as ApplicationStatus] = Number(row.total);
  }
  return result;
}

/** The evaluation grid of a call, in its order. */
export async function criteriaOf(ctx: ReadContext, callId: string): Promise<Criterion[]> {
  const rows = await ctx.db
    .select()
    .from(callCriteria)
    .where(eq(callCriteria.callId, callId))
    .orderBy(asc(callCriteria.position), asc(callCriteria.id));
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    label: row.label,
    description: row.description ?? null,
    weight: row.weight,
  }));
}

/** The call's selection committee, by name. */
export async function committeeOf(ctx: ReadContext, callId: string): Promise<CommitteeMember[]> {
  return ctx.db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(callCommitteeMembers)
    .innerJoin(users, eq(users.id, callCommitteeMembers.userId))
    .where(eq(callCommitteeMembers.callId, callId))
    .orderBy(asc(users.name), asc(users.id));
}

/** True once an application was submitted: from then on the form and the grid are frozen. */
export async function hasSubmittedApplications(ctx: ReadContext, callId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.callId, callId),
        inArray(
          applications.status,
          applicationStatuses.filter((s) => s !== 'draft'),
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export function toPublicCallSummary(row: CallRow, park: ParkRef | null, now = new Date()): PublicCallSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary ?? null,
    kind: row.kind,
    park,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    phase: callPhase(row, now),
  };
}

export async function toPublicCall(ctx: ReadContext, row: CallRow): Promise<PublicCall> {
  const parks = await parkRefs(ctx, [row.parkId]);
  return {
    ...toPublicCallSummary(row, parkOf(parks, row.parkId)),
    description: row.description ?? null,
    eligibility: row.eligibility,
    questions: row.questions,
    criteria: await criteriaOf(ctx, row.id),
  };
}

export function toOfficerCallSummary(row: CallRow, park: ParkRef | null, counts: ApplicationCounts): OfficerCallSummary {
  return {
    ...toPublicCallSummary(row, park),
    published: row.publishedAt !== null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    counts,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function toOfficerCall(ctx: ReadContext & { actor: Actor }, row: CallRow): Promise<OfficerCall> {
  const parks = await parkRefs(ctx, [row.parkId]);
  const counts = await applicationCounts(ctx, [row.id]);
  return {
    ...toOfficerCallSummary(row, parkOf(parks, row.parkId), counts.get(row.id) ?? emptyCounts()),
    description: row.description ?? null,
    eligibility: row.eligibility,
    questions: row.questions,
    criteria: await criteriaOf(ctx, row.id),
    scoreMin: row.scoreMin,
    scoreMax: row.scoreMax,
    spreadThreshold: row.spreadThreshold,
    committee: await committeeOf(ctx, row.id),
    formEditable: !(await hasSubmittedApplications(ctx, row.id)),
    canManage: managesCalls(ctx.actor),
    createdAt: row.createdAt.toISOString(),
  };
}
