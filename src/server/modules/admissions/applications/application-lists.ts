import { and, asc, desc, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  applicationsQuerySchema,
  EligibilityProblemView,
  MyApplication,
  myApplicationsQuerySchema,
  OfficerApplicationSummary,
} from '../../../../contracts/applications.js';
import type { Locale } from '../../../../shared/locales.js';
import { pickText } from '../../../../shared/localized-text.js';
import { likePattern } from '../../../platform/database-errors.js';
import type { Column } from '../../../platform/export.js';
import { defineList, selectSource } from '../../../platform/lists.js';
import { translate } from '../../../platform/messages.js';
import { regionLabel, sectorLabel } from '../../parks/index.js';
import { callForActor } from '../calls/access.js';
import { callPhase } from '../calls/call-views.js';
import { applications, calls } from '../schema.js';
import type { ApplicationRow } from './applicant-access.js';
import { applicantsOf, describeProblems, isDecided } from './application-views.js';

type ApplicationsQuery = z.infer<typeof applicationsQuerySchema> & { callId: string };

function applicationFilters(query: ApplicationsQuery): SQL {
  // Drafts are still the applicant's own: officers see applications once submitted.
  const conditions: SQL[] = [eq(applications.callId, query.callId), ne(applications.status, 'draft')];
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

/** A call's application in the officers' list; the check's findings are worded for the export only. */
type ListedApplication = OfficerApplicationSummary & { problems: EligibilityProblemView[] };

function toSummary(row: ApplicationRow, locale: Locale): ListedApplication {
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
    problems: describeProblems(row.eligibilityProblems, locale),
  };
}

/** The submitted applications of a call the actor reads (officers; park managers for their parks), never the drafts. */
export const callApplicationList = defineList({
  name: 'applications',
  source: async (ctx, query: ApplicationsQuery) => {
    await callForActor(ctx, { callId: query.callId });
    return selectSource(
      ctx.db,
      () => ctx.db.select().from(applications).where(applicationFilters(query)).$dynamic(),
      applicationOrder(query),
    );
  },
  present: (ctx, rows) => rows.map((row) => toSummary(row, ctx.locale)),
  columns: ({ locale }): Column<ListedApplication>[] => [
    { header: 'export.application.reference', value: (row) => row.reference },
    { header: 'export.application.status', value: (row) => translate(locale, `calls.status.${row.status}`) },
    { header: 'export.application.companyName', value: (row) => row.companyName },
    { header: 'export.application.contactName', value: (row) => row.contactName },
    { header: 'export.application.contactEmail', value: (row) => row.contactEmail },
    { header: 'export.application.sector', value: (row) => row.sector && sectorLabel(row.sector, locale) },
    { header: 'export.application.stage', value: (row) => row.stage && translate(locale, `companyStage.${row.stage}`) },
    { header: 'export.application.region', value: (row) => row.region && regionLabel(row.region, locale) },
    { header: 'export.application.creationDate', kind: 'date', value: (row) => row.creationDate },
    { header: 'export.application.requiredAreaM2', kind: 'number', value: (row) => row.requiredAreaM2 },
    { header: 'export.application.submittedAt', kind: 'instant', value: (row) => row.submittedAt },
    { header: 'export.application.eligibilityProblems', value: (row) => row.problems.map((problem) => problem.message).join(' | ') },
  ],
  // The applicants' names, e-mails and phones: every page read and export is logged, for each applicant too.
  personalData: {
    entityType: 'call',
    entityId: (query) => query.callId,
    subjects: (ctx, items) =>
      applicantsOf(
        ctx,
        items.map((item) => item.id),
      ),
  },
});

type MyApplicationsQuery = z.infer<typeof myApplicationsQuerySchema>;

/** The signed-in person's applications: status and, once decided, the decision and its reason. */
export const myApplicationList = defineList({
  name: 'my-applications',
  source: (ctx, query: MyApplicationsQuery) => {
    const conditions: SQL[] = [eq(applications.applicantUserId, ctx.actor.userId)];
    if (query.status) conditions.push(eq(applications.status, query.status));
    const direction = query.order === 'desc' ? desc : asc;
    const column = { updatedAt: applications.updatedAt, submittedAt: applications.submittedAt, status: applications.status }[query.sort];
    return selectSource(
      ctx.db,
      () =>
        ctx.db
          .select({ application: applications, call: calls })
          .from(applications)
          .innerJoin(calls, eq(calls.id, applications.callId))
          .where(and(...conditions))
          .$dynamic(),
      [direction(column), asc(applications.id)],
    );
  },
  present: (_ctx, rows): MyApplication[] => {
    const now = new Date();
    return rows.map(({ application, call }) => {
      const decided = isDecided(application);
      return {
        id: application.id,
        reference: application.reference,
        status: application.status,
        call: { id: call.id, slug: call.slug, title: call.title, closesAt: call.closesAt.toISOString(), phase: callPhase(call, now) },
        companyName: application.companyName,
        submittedAt: application.submittedAt?.toISOString() ?? null,
        updatedAt: application.updatedAt.toISOString(),
        decision: decided ? application.decision : null,
        decisionReason: decided ? application.decisionReason : null,
      };
    });
  },
  columns: ({ locale }): Column<MyApplication>[] => [
    { header: 'export.application.reference', value: (row) => row.reference },
    { header: 'export.application.call', value: (row) => pickText(row.call.title, locale) },
    { header: 'export.application.companyName', value: (row) => row.companyName },
    { header: 'export.application.status', value: (row) => translate(locale, `calls.status.${row.status}`) },
    { header: 'export.application.submittedAt', kind: 'instant', value: (row) => row.submittedAt },
    { header: 'export.application.decisionReason', value: (row) => row.decisionReason },
  ],
});
