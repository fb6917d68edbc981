import { and, count, eq, inArray, min } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AllocateBody,
  WaitingListEntry,
  WaitingListPage,
  WaitingListParkSummary,
  WithdrawBody,
  waitingListQuerySchema,
} from '../../../contracts/reviews.js';
import { localToday } from '../../../shared/calendar.js';
import type { Locale } from '../../../shared/locales.js';
import type { Database, Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.js';
import { companies } from '../companies/schema.js';
import { findPark, parkChoices } from '../parks/index.js';
import { applications, waitingListEntries } from './schema.js';

/**
 * The waiting list of a full park (SPEC §3.3): admitted companies queue first come, first served (the
 * date they were admitted, then when the entry was made); a unit that frees up goes to the first company
 * whose required area fits it. Park managers of the park and network admins keep it; program officers read.
 */

type WaitingListQuery = z.infer<typeof waitingListQuerySchema>;
type EntryRow = typeof waitingListEntries.$inferSelect;

function parkAccess(actor: Actor, parkId: string): { canRead: boolean; canManage: boolean } {
  const canManage = actor.managesPark(parkId);
  return { canRead: canManage || actor.has('program_officer'), canManage };
}

const dayMs = 24 * 60 * 60 * 1000;
function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs));
}

/** The order of the queue: requested date, then creation; the id only makes the order total. */
function firstComeFirstServed(a: EntryRow, b: EntryRow): number {
  return a.requestedOn.localeCompare(b.requestedOn) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * The park's entries with positions: among waiting entries (those that fit the unit asked about, when
 * asked), in first-come-first-served order. Search narrows what is shown without renumbering the queue.
 */
async function entriesOfPark(
  db: Executor,
  parkId: string,
  query: Omit<WaitingListQuery, 'page' | 'pageSize'>,
): Promise<WaitingListEntry[]> {
  const rows = await db
    .select({ entry: waitingListEntries, companyName: companies.legalName, applicationReference: applications.reference })
    .from(waitingListEntries)
    .innerJoin(companies, eq(companies.id, waitingListEntries.companyId))
    .leftJoin(applications, eq(applications.id, waitingListEntries.applicationId))
    .where(and(eq(waitingListEntries.parkId, parkId), eq(waitingListEntries.status, query.status)));
  const fits = rows
    .filter((row) => query.fitsAreaM2 === undefined || row.entry.requiredAreaM2 <= query.fitsAreaM2)
    .sort((a, b) => firstComeFirstServed(a.entry, b.entry));
  const today = localToday();
  const entries = fits.map(
    (row, index): WaitingListEntry => ({
      id: row.entry.id,
      position: row.entry.status === 'waiting' ? index + 1 : null,
      companyId: row.entry.companyId,
      companyName: row.companyName,
      applicationId: row.entry.applicationId,
      applicationReference: row.applicationReference,
      requiredAreaM2: row.entry.requiredAreaM2,
      requestedOn: row.entry.requestedOn,
      daysWaiting: daysBetween(row.entry.requestedOn, row.entry.closedOn ?? today),
      status: row.entry.status,
      closedOn: row.entry.closedOn,
      note: row.entry.note,
    }),
  );
  const q = query.q?.toLowerCase();
  const shown = q
    ? entries.filter((entry) => entry.companyName.toLowerCase().includes(q) || (entry.applicationReference ?? '').toLowerCase().includes(q))
    : entries;
  if (query.sort === 'position') return query.order === 'desc' ? [...shown].reverse() : shown;
  const key = {
    requiredAreaM2: (entry: WaitingListEntry) => entry.requiredAreaM2,
    companyName: (entry: WaitingListEntry) => entry.companyName.toLowerCase(),
    closedOn: (entry: WaitingListEntry) => entry.closedOn ?? '',
  }[query.sort];
  const sign = query.order === 'desc' ? -1 : 1;
  return shown
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => {
      const x = key(a.entry);
      const y = key(b.entry);
      return (x < y ? -1 : x > y ? 1 : 0) * sign || a.order - b.order;
    })
    .map(({ entry }) => entry);
}

async function parkForReader(db: Executor, actor: Actor, reference: string) {
  const park = await findPark({ db, locale: 'fr' }, reference);
  const access = parkAccess(actor, park.id);
  if (!access.canRead) throw forbidden();
  return { park, canManage: access.canManage };
}

export async function getWaitingList(db: Database, actor: Actor, reference: string, query: WaitingListQuery): Promise<WaitingListPage> {
  const { park, canManage } = await parkForReader(db, actor, reference);
  const entries = await entriesOfPark(db, park.id, query);
  return {
    park: { id: park.id, slug: park.slug, name: park.name },
    canManage,
    items: entries.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
    total: entries.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function exportWaitingList(db: Database, actor: Actor, reference: string, query: Omit<WaitingListQuery, 'page' | 'pageSize'>) {
  const { park } = await parkForReader(db, actor, reference);
  return entriesOfPark(db, park.id, query);
}

/** The parks whose waiting lists the actor reads, with how many companies wait and since when. */
export async function listWaitingListParks(db: Database, actor: Actor, locale: Locale): Promise<WaitingListParkSummary[]> {
  const parks = (await parkChoices({ db, locale })).filter((park) => parkAccess(actor, park.id).canRead);
  if (parks.length === 0) return [];
  const counts = await db
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
}

/** Closes a waiting entry (allocated a unit, or withdrawn): only a waiting entry, dated between its request and today. */
async function closeEntry(
  ctx: ServiceContext,
  id: string,
  change: { status: 'allocated' | 'withdrawn'; closedOn: string; note: string; datePath: string },
) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(waitingListEntries).where(eq(waitingListEntries.id, id)).for('update');
    if (!before) throw notFound();
    const access = parkAccess(ctx.actor, before.parkId);
    if (!access.canRead) throw notFound();
    if (!access.canManage) throw forbidden();
    if (before.status !== 'waiting') throw new AppError('not_editable');
    if (change.closedOn > localToday()) throw invalidField(change.datePath, 'validation.date_in_future');
    if (change.closedOn < before.requestedOn)
      throw invalidField(change.datePath, 'validation.date_before_request', { date: before.requestedOn });
    const [after] = await tx
      .update(waitingListEntries)
      .set({ status: change.status, closedOn: change.closedOn, note: change.note })
      .where(eq(waitingListEntries.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: `waiting_list.${change.status}`,
      entityType: 'waiting_list_entry',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function allocateEntry(ctx: ServiceContext, id: string, body: Required<AllocateBody>) {
  await closeEntry(ctx, id, { status: 'allocated', closedOn: body.allocatedOn, note: body.note, datePath: 'allocatedOn' });
}

export async function withdrawEntry(ctx: ServiceContext, id: string, body: WithdrawBody) {
  await closeEntry(ctx, id, { status: 'withdrawn', closedOn: body.withdrawnOn, note: body.note, datePath: 'withdrawnOn' });
}
