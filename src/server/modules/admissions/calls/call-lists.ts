import { and, asc, desc, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { callsQuerySchema, OfficerCallSummary, PublicCallSummary, publicCallsQuerySchema } from '../../../../contracts/calls.js';
import type { Locale } from '../../../../shared/locales.js';
import { pickText } from '../../../../shared/localized-text.js';
import type { Actor } from '../../../platform/access.js';
import { likePattern } from '../../../platform/database-errors.js';
import type { Column } from '../../../platform/export.js';
import { defineList, selectSource } from '../../../platform/lists.js';
import { translate } from '../../../platform/messages.js';
import { calls } from '../schema.js';
import { readableCalls } from './access.js';
import { applicationCounts, emptyCounts, parkOf, parkRefs, toOfficerCallSummary, toPublicCallSummary } from './call-views.js';

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

/** The columns both call exports share, in the reader's language. */
function callColumns(locale: Locale): Column<PublicCallSummary>[] {
  return [
    { header: 'export.call.slug', value: (call) => call.slug },
    { header: 'export.call.title', value: (call) => pickText(call.title, locale) },
    { header: 'export.call.kind', value: (call) => translate(locale, `calls.kind.${call.kind}`) },
    { header: 'export.call.park', value: (call) => (call.park ? pickText(call.park.name, locale) : '') },
    { header: 'export.call.opensAt', kind: 'instant', value: (call) => call.opensAt },
    { header: 'export.call.closesAt', kind: 'instant', value: (call) => call.closesAt },
    { header: 'export.call.phase', value: (call) => translate(locale, `calls.phase.${call.phase}`) },
  ];
}

type PublicCallsQuery = z.infer<typeof publicCallsQuerySchema>;

function publicCallOrder(query: PublicCallsQuery, now: Date): SQL[] {
  const phase = phaseSql(now);
  const direction = query.order === 'desc' ? desc : asc;
  const order =
    query.sort === 'phase'
      ? [
          direction(sql`array_position(array['open','upcoming','closed']::text[], ${phase})`),
          asc(sql`case when ${phase} = 'closed' then null else ${calls.closesAt} end`),
          desc(calls.closesAt),
        ]
      : [direction(query.sort === 'opensAt' ? calls.opensAt : calls.closesAt)];
  return [...order, asc(calls.id)];
}

/** Published calls for anyone: open ones first (soonest deadline first), then upcoming, then closed (latest first). */
export const publicCallList = defineList({
  name: 'calls',
  source: (ctx, query: PublicCallsQuery) => {
    const now = new Date();
    const conditions: SQL[] = [isNotNull(calls.publishedAt)];
    if (query.phase) conditions.push(sql`${phaseSql(now)} = ${query.phase}`);
    if (query.kind) conditions.push(eq(calls.kind, query.kind));
    if (query.parkId) conditions.push(eq(calls.parkId, query.parkId));
    if (query.q) conditions.push(searchSql(query.q));
    return selectSource(
      ctx.db,
      () =>
        ctx.db
          .select()
          .from(calls)
          .where(and(...conditions))
          .$dynamic(),
      publicCallOrder(query, now),
    );
  },
  present: async (ctx, rows): Promise<PublicCallSummary[]> => {
    const parks = await parkRefs(
      ctx,
      rows.map((row) => row.parkId),
    );
    return rows.map((row) => toPublicCallSummary(row, parkOf(parks, row.parkId)));
  },
  columns: ({ locale }) => callColumns(locale),
});

type CallsQuery = z.infer<typeof callsQuerySchema>;

function officerCallFilters(actor: Actor, query: CallsQuery, now: Date): SQL | undefined {
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

const submittedCount = (call: OfficerCallSummary) =>
  Object.entries(call.counts).reduce((sum, [status, n]) => (status === 'draft' ? sum : sum + n), 0);

/** The calls an officer reads (park managers: their parks'), with their application counts. */
export const officerCallList = defineList({
  name: 'calls',
  source: (ctx, query: CallsQuery) => {
    const direction = query.order === 'desc' ? desc : asc;
    const column = { closesAt: calls.closesAt, opensAt: calls.opensAt, title: titleSql(ctx.locale), updatedAt: calls.updatedAt }[
      query.sort
    ];
    const where = officerCallFilters(ctx.actor, query, new Date());
    return selectSource(ctx.db, () => ctx.db.select().from(calls).where(where).$dynamic(), [direction(column), asc(calls.id)]);
  },
  present: async (ctx, rows): Promise<OfficerCallSummary[]> => {
    const parks = await parkRefs(
      ctx,
      rows.map((row) => row.parkId),
    );
    const counts = await applicationCounts(
      ctx,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toOfficerCallSummary(row, parkOf(parks, row.parkId), counts.get(row.id) ?? emptyCounts()));
  },
  columns: ({ locale }): Column<OfficerCallSummary>[] => [
    ...callColumns(locale),
    { header: 'export.call.published', kind: 'boolean', value: (call) => call.published },
    { header: 'export.call.submitted', kind: 'integer', value: submittedCount },
    { header: 'export.call.underReview', kind: 'integer', value: (call) => call.counts.under_review },
  ],
});
