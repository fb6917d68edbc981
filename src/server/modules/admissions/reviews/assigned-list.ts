import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssignedApplication, assignedApplicationsQuerySchema } from '../../../../contracts/reviews.js';
import type { Locale } from '../../../../shared/locales.js';
import { pickText } from '../../../../shared/localized-text.js';
import type { Actor } from '../../../platform/access.js';
import { likePattern } from '../../../platform/database-errors.js';
import type { Column } from '../../../platform/export.js';
import { defineList, selectSource } from '../../../platform/lists.js';
import { translate } from '../../../platform/messages.js';
import { applicantsOf } from '../applications/application-views.js';
import { applications, calls, evaluations, reviewAssignments } from '../schema.js';

type AssignedQuery = z.infer<typeof assignedApplicationsQuerySchema>;

const myStatusSql = sql<string>`case when ${reviewAssignments.conflictDeclaredAt} is not null then 'conflict' when ${evaluations.id} is not null then 'scored' else 'to_score' end`;

function assignedConditions(actor: Actor, query: AssignedQuery): SQL {
  const conditions: SQL[] = [eq(reviewAssignments.memberUserId, actor.userId)];
  if (query.myStatus) conditions.push(sql`${myStatusSql} = ${query.myStatus}`);
  if (query.callId) conditions.push(eq(applications.callId, query.callId));
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(applications.reference, pattern), ilike(applications.companyName, pattern)) as SQL);
  }
  return and(...conditions) as SQL;
}

function assignedOrder(query: AssignedQuery, locale: Locale): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  const column = {
    assignedAt: reviewAssignments.assignedAt,
    reference: applications.reference,
    companyName: sql`lower(${applications.companyName})`,
    call: sql`coalesce(nullif(${calls.title}->>${locale}, ''), ${calls.title}->>'fr')`,
  }[query.sort];
  return [direction(column), asc(applications.reference), asc(applications.id)];
}

/** The applications assigned to the signed-in committee member, across calls, with where they stand. */
export const assignedApplicationList = defineList({
  name: 'reviews',
  source: (ctx, query: AssignedQuery) =>
    selectSource(
      ctx.db,
      () =>
        ctx.db
          .select({
            applicationId: applications.id,
            reference: applications.reference,
            callId: calls.id,
            callTitle: calls.title,
            companyName: applications.companyName,
            sector: applications.sector,
            applicationStatus: applications.status,
            myStatus: myStatusSql,
            assignedAt: reviewAssignments.assignedAt,
            scoredAt: evaluations.submittedAt,
          })
          .from(reviewAssignments)
          .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
          .innerJoin(calls, eq(calls.id, applications.callId))
          .leftJoin(
            evaluations,
            and(
              eq(evaluations.applicationId, reviewAssignments.applicationId),
              eq(evaluations.memberUserId, reviewAssignments.memberUserId),
            ),
          )
          .where(assignedConditions(ctx.actor, query))
          .$dynamic(),
      assignedOrder(query, ctx.locale),
    ),
  present: (_ctx, rows): AssignedApplication[] =>
    rows.map((row) => ({
      ...row,
      myStatus: row.myStatus as AssignedApplication['myStatus'],
      assignedAt: row.assignedAt.toISOString(),
      scoredAt: row.scoredAt?.toISOString() ?? null,
    })),
  columns: ({ locale }): Column<AssignedApplication>[] => [
    { header: 'export.review.reference', value: (row) => row.reference },
    { header: 'export.review.call', value: (row) => pickText(row.callTitle, locale) },
    { header: 'export.review.company', value: (row) => row.companyName },
    { header: 'export.review.applicationStatus', value: (row) => translate(locale, `review.applicationStatus.${row.applicationStatus}`) },
    { header: 'export.review.myStatus', value: (row) => translate(locale, `review.memberStatus.${row.myStatus}`) },
    { header: 'export.review.assignedAt', kind: 'instant', value: (row) => row.assignedAt },
    { header: 'export.review.scoredAt', kind: 'instant', value: (row) => row.scoredAt },
  ],
  personalData: {
    entityType: 'application',
    subjects: (ctx, items) =>
      applicantsOf(
        ctx,
        items.map((item) => item.applicationId),
      ),
  },
});
