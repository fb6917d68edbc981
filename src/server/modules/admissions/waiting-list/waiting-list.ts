import { and, asc, count, desc, eq, inArray, lte, min, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  WaitingListEntry,
  WaitingListParkSummary,
  waitingListHeaderSchema,
  waitingListParksQuerySchema,
  waitingListQuerySchema,
} from '../../../../contracts/reviews.js';
import { localToday } from '../../../../shared/calendar.js';
import type { ServiceContext } from '../../../platform/context.js';
import { likePattern } from '../../../platform/database-errors.js';
import { forbidden } from '../../../platform/errors.js';
import type { Column } from '../../../platform/export.js';
import { arraySource, defineList, selectSource } from '../../../platform/lists.js';
import { translate } from '../../../platform/messages.js';
import { companyLegalNameOf } from '../../companies/index.js';
import { findPark, parkChoices } from '../../parks/index.js';
import { applications, waitingListEntries } from '../schema.js';
import { waitingListRights } from './access.js';

/**
 * The waiting list of a full park (SPEC §3.3): admitted companies queue first come, first served (the
 * date they were admitted, then when the entry was made); a unit that frees up goes to the first company
 * whose required area fits it.
 */

type WaitingListQuery = z.infer<typeof waitingListQuerySchema> & { park: string };

/** The park of a waiting list, by id or short name, if the actor reads its list (404 for no such park, else 403). */
async function parkForReader(ctx: ServiceContext, reference: string) {
  const park = await findPark(ctx, reference);
  const rights = waitingListRights(ctx.actor, park.id);
  if (!rights.read) throw forbidden();
  return { park, rights };
}

/**
 * The park's entries of one status (those that fit the unit asked about, when asked), each with its place in the
 * first-come-first-served order; a search then narrows what is shown without renumbering the queue.
 */
function queueOf(ctx: ServiceContext, { parkId, query }: { parkId: string; query: WaitingListQuery }) {
  const conditions: SQL[] = [eq(waitingListEntries.parkId, parkId), eq(waitingListEntries.status, query.status)];
  if (query.fitsAreaM2 !== undefined) conditions.push(lte(waitingListEntries.requiredAreaM2, query.fitsAreaM2));
  return ctx.db
    .select({
      id: waitingListEntries.id,
      companyId: waitingListEntries.companyId,
      companyName: companyLegalNameOf(waitingListEntries.companyId).as('company_name'),
      applicationId: waitingListEntries.applicationId,
      applicationReference: applications.reference,
      requiredAreaM2: waitingListEntries.requiredAreaM2,
      requestedOn: waitingListEntries.requestedOn,
      status: waitingListEntries.status,
      closedOn: waitingListEntries.closedOn,
      note: waitingListEntries.note,
      queuePosition:
        sql<number>`row_number() over (order by ${waitingListEntries.requestedOn}, ${waitingListEntries.createdAt}, ${waitingListEntries.id})`
          .mapWith(Number)
          .as('queue_position'),
    })
    .from(waitingListEntries)
    .leftJoin(applications, eq(applications.id, waitingListEntries.applicationId))
    .where(and(...conditions))
    .as('queue');
}

const dayMs = 24 * 60 * 60 * 1000;
function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs));
}

type WaitingListHeader = z.infer<typeof waitingListHeaderSchema>;

/** A park's waiting list, first come first served, with the park above it (its managers and network admins keep it; officers read). */
export const waitingList = defineList({
  name: 'waiting-list',
  source: async (ctx, query: WaitingListQuery) => {
    const { park } = await parkForReader(ctx, query.park);
    const queue = queueOf(ctx, { parkId: park.id, query });
    const search = query.q
      ? or(sql`${queue.companyName} ilike ${likePattern(query.q)}`, sql`${queue.applicationReference} ilike ${likePattern(query.q)}`)
      : undefined;
    const direction = query.order === 'desc' ? desc : asc;
    // Equal values keep the order of the queue.
    const order =
      query.sort === 'position'
        ? [direction(queue.queuePosition)]
        : [
            direction(
              {
                requiredAreaM2: sql`${queue.requiredAreaM2}`,
                companyName: sql`lower(${queue.companyName})`,
                closedOn: sql`coalesce(${queue.closedOn}::text, '')`,
              }[query.sort],
            ),
            asc(queue.queuePosition),
          ];
    return selectSource(ctx.db, () => ctx.db.select().from(queue).where(search).$dynamic(), order);
  },
  header: async (ctx, query: WaitingListQuery): Promise<WaitingListHeader> => {
    const { park, rights } = await parkForReader(ctx, query.park);
    return { park: { id: park.id, slug: park.slug, name: park.name }, canManage: rights.manage };
  },
  present: (_ctx, rows): WaitingListEntry[] => {
    const today = localToday();
    return rows.map(({ queuePosition, ...row }) => ({
      ...row,
      position: row.status === 'waiting' ? queuePosition : null,
      daysWaiting: daysBetween(row.requestedOn, row.closedOn ?? today),
    }));
  },
  columns: ({ locale }): Column<WaitingListEntry>[] => [
    { header: 'export.waitingList.position', kind: 'integer', value: (row) => row.position },
    { header: 'export.review.company', value: (row) => row.companyName },
    { header: 'export.review.reference', value: (row) => row.applicationReference },
    { header: 'export.waitingList.requiredAreaM2', kind: 'number', value: (row) => row.requiredAreaM2 },
    { header: 'export.waitingList.requestedOn', kind: 'date', value: (row) => row.requestedOn },
    { header: 'export.waitingList.daysWaiting', kind: 'integer', value: (row) => row.daysWaiting },
    { header: 'export.waitingList.status', value: (row) => translate(locale, `review.waitingStatus.${row.status}`) },
    { header: 'export.waitingList.closedOn', kind: 'date', value: (row) => row.closedOn },
    { header: 'export.waitingList.note', value: (row) => row.note },
  ],
});

type ParksQuery = z.infer<typeof waitingListParksQuerySchema>;

/** The parks whose waiting lists the actor reads, by name, with how many companies wait and since when. */
export const waitingListParkList = defineList({
  name: 'waiting-lists',
  source: (ctx, query: ParksQuery) =>
    arraySource(async () => {
      const q = query.q?.toLowerCase();
      const parks = (await parkChoices(ctx)).filter(
        (park) => waitingListRights(ctx.actor, park.id).read && (!q || park.name.toLowerCase().includes(q)),
      );
      return query.order === 'desc' ? parks.reverse() : parks;
    }),
  present: async (ctx, parks): Promise<WaitingListParkSummary[]> => {
    if (parks.length === 0) return [];
    const counts = await ctx.db
      .select({ parkId: waitingListEntries.parkId, waiting: count(), oldest: min(waitingListEntries.requestedOn) })
      .from(waitingListEntries)
      .where(
        and(
          eq(waitingListEntries.status, 'waiting'),
          inArray(
            waitingListEntries.parkId,
            parks.map((park) => park.id),
          ),
        ),
      )
      .groupBy(waitingListEntries.parkId);
    const byPark = new Map(counts.map((row) => [row.parkId, row]));
    return parks.map((park) => ({
      parkId: park.id,
      name: park.name,
      waiting: Number(byPark.get(park.id)?.waiting ?? 0),
      oldestRequestedOn: byPark.get(park.id)?.oldest ?? null,
    }));
  },
  columns: (): Column<WaitingListParkSummary>[] => [
    { header: 'export.waitingList.park', value: (park) => park.name },
    { header: 'export.waitingList.waiting', kind: 'integer', value: (park) => park.waiting },
    { header: 'export.waitingList.oldestRequestedOn', kind: 'date', value: (park) => park.oldestRequestedOn },
  ],
});
