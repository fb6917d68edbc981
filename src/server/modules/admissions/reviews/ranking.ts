import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Criterion, RankingEntry, rankingCallSchema, rankingQuerySchema } from '../../../../contracts/reviews.js';
import { pickText } from '../../../../shared/localized-text.js';
import type { Actor } from '../../../platform/access.js';
import type { ReadContext } from '../../../platform/context.js';
import type { Column } from '../../../platform/export.js';
import { arraySource, defineList } from '../../../platform/lists.js';
import { type MessageKey, translate } from '../../../platform/messages.js';
import { applicantsOf } from '../applications/application-views.js';
import { type CallRow, callForActor, callRights } from '../calls/access.js';
import { criteriaOf } from '../calls/call-views.js';
import { applications } from '../schema.js';
import { evaluationsOfApplications, membersScores } from './review-data.js';
import { aggregateApplication, isSpreadFlagged, rankApplications } from './scoring.js';

/**
 * The ranking of a call: every application that reached the committee with its aggregate and rank, computed
 * over the whole call (a rank depends on every other score), then filtered and sorted for the reader.
 */

/** Applications that reached the committee: under review, or decided after it. */
const reviewedStatuses = ['under_review', 'admitted', 'waitlisted', 'rejected'] as const;

type RankingQuery = z.infer<typeof rankingQuerySchema> & { callId: string };
type RankingCall = z.infer<typeof rankingCallSchema>;

/** The call as the ranking and a file's review show it: its scale, threshold, grid and whether the reader decides. */
export function rankingCall(ctx: { actor: Actor }, { call, criteria }: { call: CallRow; criteria: Criterion[] }): RankingCall {
  return {
    id: call.id,
    title: call.title,
    kind: call.kind,
    scoreMin: call.scoreMin,
    scoreMax: call.scoreMax,
    parkId: call.parkId,
    spreadThreshold: call.spreadThreshold,
    criteria,
    canDecide: callRights(ctx.actor, call).manage,
  };
}

/** Every reviewed application of a call with its aggregate and rank (ranks are computed over the whole call). */
export async function rankCall(ctx: ReadContext, { call, criteria }: { call: CallRow; criteria: Criterion[] }): Promise<RankingEntry[]> {
  const rows = await ctx.db
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
    ctx,
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

function filterAndSort(entries: RankingEntry[], query: RankingQuery): RankingEntry[] {
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

type RankedCall = { call: CallRow; criteria: Criterion[] };

/** The ranked call read once per request (its page needs it for the rows and for the header above them). */
const rankedCalls = new WeakMap<object, Map<string, Promise<RankedCall>>>();

/** The call of a ranking with its grid, if the actor reads the committee's work on it. */
function rankedCall(ctx: ReadContext & { actor: Actor }, callId: string): Promise<RankedCall> {
  const ofRequest = rankedCalls.get(ctx) ?? new Map<string, Promise<RankedCall>>();
  rankedCalls.set(ctx, ofRequest);
  let ranked = ofRequest.get(callId);
  if (!ranked) {
    ranked = (async () => {
      const call = await callForActor(ctx, { callId });
      return { call, criteria: await criteriaOf(ctx, call.id) };
    })();
    ofRequest.set(callId, ranked);
  }
  return ranked;
}

/** Scores in exports: two decimals, as on screen. */
const twoDecimals = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** A call's ranking (officers; the park managers of its park read it), with the call above it and its grid's columns in the export. */
export const rankingList = defineList({
  name: 'ranking',
  source: async (ctx, query: RankingQuery) => {
    const ranked = await rankedCall(ctx, query.callId);
    return arraySource(async () => filterAndSort(await rankCall(ctx, ranked), query));
  },
  header: async (ctx, query: RankingQuery) => ({ call: rankingCall(ctx, await rankedCall(ctx, query.callId)) }),
  columns: async (ctx, query: RankingQuery): Promise<Column<RankingEntry>[]> => {
    const { locale } = ctx;
    const { criteria } = await rankedCall(ctx, query.callId);
    const status = (value: string | null) => (value ? translate(locale, `review.applicationStatus.${value}`) : null);
    return [
      { header: 'export.ranking.rank', kind: 'integer', value: (row) => row.rank },
      { header: 'export.review.reference', value: (row) => row.reference },
      { header: 'export.review.company', value: (row) => row.companyName },
      { header: 'export.review.applicationStatus', value: (row) => status(row.status) },
      { header: 'export.ranking.score', kind: 'number', decimals: 2, value: (row) => twoDecimals(row.score) },
      // A criterion's label is already in the reader's language: translate() gives back what it does not know.
      ...criteria.map((criterion) => ({
        header: `${pickText(criterion.label, locale)} (×${criterion.weight})` as MessageKey,
        kind: 'number' as const,
        decimals: 2,
        value: (row: RankingEntry) => twoDecimals(row.criterionMeans.find((mean) => mean.criterionId === criterion.id)?.mean ?? null),
      })),
      { header: 'export.ranking.spread', kind: 'number', decimals: 2, value: (row) => twoDecimals(row.spread) },
      { header: 'export.ranking.flagged', kind: 'boolean', value: (row) => row.flagged },
      { header: 'export.ranking.assigned', kind: 'integer', value: (row) => row.assignedCount },
      { header: 'export.ranking.scored', kind: 'integer', value: (row) => row.scoredCount },
      { header: 'export.ranking.conflicts', kind: 'integer', value: (row) => row.conflictCount },
      { header: 'export.ranking.decision', value: (row) => status(row.decision) },
    ];
  },
  personalData: {
    entityType: 'call',
    entityId: (query) => query.callId,
    subjects: (ctx, items) =>
      applicantsOf(
        ctx,
        items.map((item) => item.applicationId),
      ),
  },
});
