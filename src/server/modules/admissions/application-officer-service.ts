import { and, asc, count, desc, eq, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  applicationsQuerySchema,
  EligibilityDecisionBody,
  OfficerApplication,
  OfficerApplicationSummary,
} from '../../../contracts/calls.js';
import type { Executor } from '../../db/database.js';
import { recordAudit } from '../../platform/audit/service.js';
import { users } from '../../platform/auth/schema.js';
import type { ServiceContext } from '../../platform/context.js';
import { likePattern } from '../../platform/database-errors.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { readStoredFile, type StoredFile } from '../../platform/files/service.js';
import { sendIneligibilityNotice } from './application-mail.js';
import type { SubmissionDeps } from './application-service.js';
import { type ApplicationRow, applicationBase, describeProblems, filesOf } from './application-views.js';
import { callForActor, managesCalls, readsCall } from './call-access.js';
import { parkRefs } from './call-views.js';
import { applicationFiles, applications, callCommitteeMembers, calls, reviewAssignments } from './schema.js';

type ApplicationsQuery = z.infer<typeof applicationsQuerySchema>;

function applicationFilters(callId: string, query: Omit<ApplicationsQuery, 'page' | 'pageSize' | 'sort' | 'order'>): SQL {
  // Drafts are still the applicant's own: officers see applications once submitted.
  const conditions: SQL[] = [eq(applications.callId, callId), ne(applications.status, 'draft')];
  if (query.status) conditions.push(eq(applications.status, query.status));
  if (query.sector) conditions.push(eq(applications.sector, query.sector));
  if (query.stage) conditions.push(eq(applications.stage, query.stage));
  if (query.region) conditions.push(eq(applications.region, query.region));
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      or(
        sql`${applications.reference} ilike ${pattern}`,
        sql`${applications.companyName} ilike ${pattern}`,
        sql`${applications.contactName} ilike ${pattern}`,
        sql`${applications.contactEmail} ilike ${pattern}`,
      ) as SQL,
    );
  }
  return and(...conditions) as SQL;
}

function applicationOrder(query: ApplicationsQuery): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  const column = {
    reference: applications.reference,
    submittedAt: applications.submittedAt,
    companyName: sql`lower(${applications.companyName})`,
    status: applications.status,
  }[query.sort];
  return [direction(column), asc(applications.reference), asc(applications.id)];
}

function toSummary(row: ApplicationRow): OfficerApplicationSummary {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    companyName: row.companyName,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    sector: row.sector,
    stage: row.stage,
    region: row.region,
    creationDate: row.creationDate,
    requiredAreaM2: row.requiredAreaM2,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    eligibilityProblemCount: row.eligibilityProblems.length,
    decision: row.decision,
  };
}

export async function listApplications(ctx: ServiceContext, callId: string, query: ApplicationsQuery) {
  await callForActor(ctx.db, ctx.actor, callId);
  const where = applicationFilters(callId, query);
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(applications)
      .where(where)
      .orderBy(...applicationOrder(query))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(applications).where(where),
  ]);
  return { items: rows.map(toSummary), total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** Every application of the call matching the filters, for CSV/XLSX export (with the check's findings). */
export async function listAllApplications(ctx: ServiceContext, callId: string, query: ApplicationsQuery) {
  await callForActor(ctx.db, ctx.actor, callId);
  const rows = await ctx.db
    .select()
    .from(applications)
    .where(applicationFilters(callId, query))
    .orderBy(...applicationOrder(query))
    .limit(10000);
  return rows.map((row) => ({ ...toSummary(row), problems: describeProblems(row.eligibilityProblems, ctx.locale) }));
}

/** A submitted application whose call the actor reads (officers; park managers for their parks); 404 otherwise. */
async function applicationForOfficer(db: Executor, ctx: ServiceContext, applicationId: string, lock = false) {
  const query = db.select().from(applications).where(eq(applications.id, applicationId)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row || row.status === 'draft') throw notFound();
  const call = await callForActor(db, ctx.actor, row.callId);
  return { row, call };
}

async function userName(db: Executor, userId: string | null): Promise<{ userId: string; name: string; email: string } | null> {
  if (!userId) return null;
  const [user] = await db.select({ userId: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return user ?? null;
}

async function toOfficerApplication(db: Executor, ctx: ServiceContext, row: ApplicationRow, call: typeof calls.$inferSelect) {
  const parks = await parkRefs(db, [call.parkId]);
  const view: OfficerApplication = {
    ...applicationBase(row, await filesOf(db, row.id)),
    call: {
      id: call.id,
      slug: call.slug,
      title: call.title,
      kind: call.kind,
      park: call.parkId ? (parks.get(call.parkId) ?? null) : null,
      questions: call.questions,
      closesAt: call.closesAt.toISOString(),
    },
    applicant: await userName(db, row.applicantUserId),
    eligibilityProblems: describeProblems(row.eligibilityProblems, ctx.locale),
    eligibilityNote: row.eligibilityNote,
    eligibilityCheckedAt: row.eligibilityCheckedAt?.toISOString() ?? null,
    eligibilityCheckedBy: (await userName(db, row.eligibilityCheckedBy))?.name ?? null,
    decision: row.decision,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    canDecideEligibility: managesCalls(ctx.actor) && row.status === 'submitted',
  };
  return view;
}

/** Law 09-08: reading an applicant's file is itself recorded. */
export async function getOfficerApplication(ctx: ServiceContext, applicationId: string): Promise<OfficerApplication> {
  const { row, call } = await applicationForOfficer(ctx.db, ctx, applicationId);
  await recordAudit(ctx.db, ctx.actor, { action: 'application.view', entityType: 'application', entityId: applicationId });
  return toOfficerApplication(ctx.db, ctx, row, call);
}

/**
 * The officer's eligibility decision on a submitted application. Eligible: it goes under committee
 * review, assigned to every member of the call's committee. Not eligible: the applicant is told why,
 * in their language. Overriding the automatic check's findings needs a note; so does a refusal the
 * check did not find grounds for (it is the reason the applicant reads).
 */
export async function decideEligibility(
  ctx: ServiceContext,
  deps: SubmissionDeps,
  applicationId: string,
  body: EligibilityDecisionBody,
): Promise<OfficerApplication> {
  await ctx.db.transaction(async (tx) => {
    const { row: before, call } = await applicationForOfficer(tx, ctx, applicationId, true);
    if (!managesCalls(ctx.actor)) throw new AppError('forbidden');
    if (before.status !== 'submitted') throw new AppError('invalid_transition');
    const note = (body.note ?? '').trim();
    const foundProblems = before.eligibilityProblems.length > 0;
    if (body.eligible && foundProblems && !note) throw invalidField('note', 'validation.override_note_required');
    if (!body.eligible && !foundProblems && !note) throw invalidField('note', 'validation.ineligible_reason_required');
    const now = new Date();
    const [after] = await tx
      .update(applications)
      .set({
        status: body.eligible ? 'under_review' : 'ineligible',
        eligibilityNote: note,
        eligibilityCheckedAt: now,
        eligibilityCheckedBy: ctx.actor.userId,
        updatedAt: now,
      })
      .where(eq(applications.id, applicationId))
      .returning();
    let assigned: string[] = [];
    if (body.eligible) {
      const members = await tx
        .select({ userId: callCommitteeMembers.userId })
        .from(callCommitteeMembers)
        .where(eq(callCommitteeMembers.callId, call.id));
      assigned = members.map((member) => member.userId);
      if (assigned.length) {
        await tx
          .insert(reviewAssignments)
          .values(assigned.map((memberUserId) => ({ applicationId, memberUserId })))
          .onConflictDoNothing();
      }
    }
    await recordAudit(tx, ctx.actor, {
      action: body.eligible ? 'application.eligible' : 'application.ineligible',
      entityType: 'application',
      entityId: applicationId,
      before: { status: before.status },
      after: { status: after.status, note, assignedMemberIds: assigned },
    });
    if (!body.eligible) {
      const applicant = await userName(tx, after.applicantUserId);
      await sendIneligibilityNotice(tx, deps, after, call, applicant ?? { name: after.contactName, email: after.contactEmail });
    }
  });
  const { row, call } = await applicationForOfficer(ctx.db, ctx, applicationId);
  return toOfficerApplication(ctx.db, ctx, row, call);
}

/**
 * A file of a submitted application for the officers' side: officers, park managers of the call's park,
 * and committee members assigned to the application who declared no conflict of interest.
 */
export async function readOfficerFile(ctx: ServiceContext, applicationId: string, fileId: string): Promise<StoredFile> {
  const [row] = await ctx.db.select().from(applications).where(eq(applications.id, applicationId)).limit(1);
  if (!row || row.status === 'draft') throw notFound();
  const [call] = await ctx.db.select().from(calls).where(eq(calls.id, row.callId)).limit(1);
  let allowed = call !== undefined && readsCall(ctx.actor, call);
  if (!allowed && ctx.actor.has('committee_member')) {
    const [assignment] = await ctx.db
      .select({ applicationId: reviewAssignments.applicationId })
      .from(reviewAssignments)
      .where(
        and(
          eq(reviewAssignments.applicationId, applicationId),
          eq(reviewAssignments.memberUserId, ctx.actor.userId),
          isNull(reviewAssignments.conflictDeclaredAt),
        ),
      )
      .limit(1);
    allowed = assignment !== undefined;
  }
  if (!allowed) throw notFound();
  const [link] = await ctx.db
    .select({ id: applicationFiles.id })
    .from(applicationFiles)
    .where(and(eq(applicationFiles.applicationId, applicationId), eq(applicationFiles.fileId, fileId)))
    .limit(1);
  if (!link) throw notFound();
  await recordAudit(ctx.db, ctx.actor, {
    action: 'application.read_file',
    entityType: 'application',
    entityId: applicationId,
    after: { fileId },
  });
  return readStoredFile(ctx.db, fileId);
}
