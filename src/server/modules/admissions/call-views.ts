import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../contracts/admissions.js';
import { applicationStatuses } from '../../../contracts/admissions.js';
import type {
  ApplicationCounts,
  CallPhase,
  CommitteeMember,
  OfficerCall,
  OfficerCallSummary,
  PublicCall,
  PublicCallSummary,
} from '../../../contracts/calls.js';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { users } from '../../platform/auth/schema.js';
import { findPark } from '../parks/index.js';
import { managesCalls } from './call-access.js';
import { applications, callCommitteeMembers, callCriteria, type calls } from './schema.js';

export type CallRow = typeof calls.$inferSelect;
type ParkRef = PublicCallSummary['park'];

/** Where a call stands for applicants by the server's clock: submissions are accepted from opensAt until before closesAt. */
export function callPhase(call: Pick<CallRow, 'opensAt' | 'closesAt'>, now: Date = new Date()): CallPhase {
  if (now < call.opensAt) return 'upcoming';
  if (now < call.closesAt) return 'open';
  return 'closed';
}

/** Id, short name and name of the calls' parks (a network has a dozen parks: one look-up each). */
export async function parkRefs(db: Executor, parkIds: (string | null)[]): Promise<Map<string, NonNullable<ParkRef>>> {
  const result = new Map<string, NonNullable<ParkRef>>();
  for (const id of new Set(parkIds.filter((parkId): parkId is string => parkId !== null))) {
    const park = await findPark({ db, locale: 'fr' }, id);
    result.set(id, { id: park.id, slug: park.slug, name: park.name });
  }
  return result;
}

export function emptyCounts(): ApplicationCounts {
  return Object.fromEntries(applicationStatuses.map((status) => [status, 0])) as ApplicationCounts;
}

export async function applicationCounts(db: Executor, callIds: string[]): Promise<Map<string, ApplicationCounts>> {
  const result = new Map<string, ApplicationCounts>(callIds.map((id) => [id, emptyCounts()]));
  if (callIds.length === 0) return result;
  const rows = await db
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

export async function criteriaOf(db: Executor, callId: string) {
  return db.select().from(callCriteria).where(eq(callCriteria.callId, callId)).orderBy(asc(callCriteria.position));
}

export async function committeeOf(db: Executor, callId: string): Promise<CommitteeMember[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(callCommitteeMembers)
    .innerJoin(users, eq(users.id, callCommitteeMembers.userId))
    .where(eq(callCommitteeMembers.callId, callId))
    .orderBy(asc(users.name));
}

/** True once an application was submitted: from then on the form and the grid are frozen. */
export async function hasSubmittedApplications(db: Executor, callId: string): Promise<boolean> {
  const [row] = await db
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

export function toPublicCallSummary(row: CallRow, park: ParkRef, now = new Date()): PublicCallSummary {
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

export async function toPublicCall(db: Executor, row: CallRow): Promise<PublicCall> {
  const parks = await parkRefs(db, [row.parkId]);
  const criteria = await criteriaOf(db, row.id);
  return {
    ...toPublicCallSummary(row, row.parkId ? (parks.get(row.parkId) ?? null) : null),
    description: row.description ?? null,
    eligibility: row.eligibility,
    questions: row.questions,
    criteria: criteria.map((criterion) => ({
      id: criterion.id,
      position: criterion.position,
      label: criterion.label,
      description: criterion.description ?? null,
      weight: criterion.weight,
    })),
  };
}

export function toOfficerCallSummary(row: CallRow, park: ParkRef, counts: ApplicationCounts): OfficerCallSummary {
  return {
    ...toPublicCallSummary(row, park),
    published: row.publishedAt !== null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    counts,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function toOfficerCall(db: Executor, actor: Actor, row: CallRow): Promise<OfficerCall> {
  const [parks, counts, criteria, committee] = [
    await parkRefs(db, [row.parkId]),
    await applicationCounts(db, [row.id]),
    await criteriaOf(db, row.id),
    await committeeOf(db, row.id),
  ];
  const callCounts = counts.get(row.id) ?? emptyCounts();
  return {
    ...toOfficerCallSummary(row, row.parkId ? (parks.get(row.parkId) ?? null) : null, callCounts),
    description: row.description ?? null,
    eligibility: row.eligibility,
    questions: row.questions,
    criteria: criteria.map((criterion) => ({
      id: criterion.id,
      position: criterion.position,
      label: criterion.label,
      description: criterion.description ?? null,
      weight: criterion.weight,
    })),
    scoreMin: row.scoreMin,
    scoreMax: row.scoreMax,
    spreadThreshold: row.spreadThreshold,
    committee,
    formEditable: !(await hasSubmittedApplications(db, row.id)),
    canManage: managesCalls(actor),
    createdAt: row.createdAt.toISOString(),
  };
}
