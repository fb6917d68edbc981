import { and, asc, count, desc, eq, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createParkBodySchema, Park, ParkDetail, parksQuerySchema, Roadmap, updateParkBodySchema } from '../../../contracts/parks.js';
import { type Locale, locales } from '../../../shared/locales.js';
import { pickText } from '../../../shared/localized-text.js';
import type { Executor } from '../../db/database.js';
import { preparedQuery, uuidIn } from '../../db/prepared.js';
import { recordAudit } from '../../platform/audit/service.js';
import type { ReadContext, ServiceContext } from '../../platform/context.js';
import { likePattern, violatedUniqueConstraint } from '../../platform/database-errors.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import type { Column } from '../../platform/export.js';
import { defineList, selectSource } from '../../platform/lists.js';
import { translate } from '../../platform/messages.js';
import { regionLabel, sectorLabels } from './labels.js';
import { buildings, floors, parks, spaces } from './schema.js';

type ParkRow = typeof parks.$inferSelect;
type ParkStats = Park['stats'];
const emptyStats: ParkStats = {
  buildingCount: 0,
  spaceCount: 0,
  leasableAreaM2: 0,
  officeCount: 0,
  bookableRoomCount: 0,
  desks: 0,
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type { ParkRow };

/** The park's row by id or slug, in the caller's transaction (this module's own services). */
export async function parkRow(db: Executor, reference: string): Promise<ParkRow> {
  const condition = uuidPattern.test(reference) ? eq(parks.id, reference) : eq(parks.slug, reference);
  const [row] = await db.select().from(parks).where(condition).limit(1);
  if (!row) throw notFound();
  return row;
}

/** A park named by its id or its slug (the public pages use slugs); 404 when there is none. */
export async function findPark(ctx: ReadContext, reference: string): Promise<ParkRow> {
  return parkRow(ctx.db, reference);
}

/**
 * A stored text (a park's name, a building's, a space's) in the reader's language, else in the one given
 * (French, English, Arabic: the order of `pickText`).
 */
export function localizedColumn(column: SQLWrapper, locale: Locale): SQL<string> {
  return sql<string>`coalesce(nullif(${column}->>${locale}, ''), nullif(${column}->>'fr', ''), nullif(${column}->>'en', ''), nullif(${column}->>'ar', ''), '')`;
}

async function statsOfParks(db: Executor, parkIds: string[]): Promise<Map<string, ParkStats>> {
  const result = new Map<string, ParkStats>();
  if (parkIds.length === 0) return result;
  const spaceRows = await db
    .select({
      parkId: spaces.parkId,
      spaceCount: count(),
      leasableAreaM2: sql<number>`coalesce(sum(${spaces.areaM2}) filter (where ${spaces.leasable}), 0)::float8`,
      officeCount: sql<number>`(count(*) filter (where ${spaces.kind} = 'office'))::int`,
      bookableRoomCount: sql<number>`(count(*) filter (where ${spaces.bookable}))::int`,
      desks: sql<number>`coalesce(sum(${spaces.desks}), 0)::int`,
    })
    .from(spaces)
    .where(and(inArray(spaces.parkId, parkIds), eq(spaces.active, true)))
    .groupBy(spaces.parkId);
  const buildingRows = await db
    .select({ parkId: buildings.parkId, buildingCount: count() })
    .from(buildings)
    .where(inArray(buildings.parkId, parkIds))
    .groupBy(buildings.parkId);
  for (const parkId of parkIds) result.set(parkId, { ...emptyStats });
  for (const row of spaceRows) {
    const { parkId, ...stats } = row;
    Object.assign(result.get(parkId) as ParkStats, {
      spaceCount: Number(stats.spaceCount),
      leasableAreaM2: Number(stats.leasableAreaM2),
      officeCount: Number(stats.officeCount),
      bookableRoomCount: Number(stats.bookableRoomCount),
      desks: Number(stats.desks),
    });
  }
  for (const row of buildingRows) (result.get(row.parkId) as ParkStats).buildingCount = Number(row.buildingCount);
  return result;
}

function toPark(row: ParkRow, stats: ParkStats): Park {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    city: row.city,
    region: row.region,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    status: row.status,
    openingDate: row.openingDate,
    targetOpeningDate: row.targetOpeningDate,
    sectors: row.sectors,
    capacityCompanies: row.capacityCompanies,
    description: row.description ?? null,
    contacts: row.contacts,
    stats,
    updatedAt: row.updatedAt.toISOString(),
  };
}

type ParksQuery = z.infer<typeof parksQuerySchema>;

function parkFilters(query: ParksQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(parks.status, query.status));
  if (query.region) conditions.push(eq(parks.region, query.region));
  if (query.sector) conditions.push(sql`${query.sector} = any(${parks.sectors})`);
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      or(sql`${parks.name}::text ilike ${pattern}`, sql`${parks.city}::text ilike ${pattern}`, sql`${parks.slug} ilike ${pattern}`) as SQL,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

function parkOrder(query: ParksQuery, locale: Locale): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  const column = {
    name: localizedColumn(parks.name, locale),
    city: localizedColumn(parks.city, locale),
    status: sql`array_position(array['open','under_construction','planned']::text[], ${parks.status})`,
    openingDate: sql`coalesce(${parks.openingDate}, ${parks.targetOpeningDate})`,
  }[query.sort];
  return [direction(column), asc(parks.id)];
}

/** The parks of the network, filtered and sorted, with their space statistics; the same rows for the export. */
export const parkList = defineList({
  name: 'parks',
  source: (ctx, query: ParksQuery) =>
    selectSource(ctx.db, () => ctx.db.select().from(parks).where(parkFilters(query)).$dynamic(), parkOrder(query, ctx.locale)),
  present: async (ctx, rows) => {
    const stats = await statsOfParks(
      ctx.db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toPark(row, stats.get(row.id) ?? emptyStats));
  },
  columns: ({ locale }): Column<Park>[] => [
    { header: 'export.park.slug', value: (park) => park.slug },
    { header: 'export.park.name', value: (park) => pickText(park.name, locale) },
    { header: 'export.park.city', value: (park) => pickText(park.city, locale) },
    { header: 'export.park.region', value: (park) => regionLabel(park.region, locale) },
    { header: 'export.park.status', value: (park) => translate(locale, `status.${park.status}`) },
    { header: 'export.park.openingDate', kind: 'date', value: (park) => park.openingDate },
    { header: 'export.park.targetOpeningDate', kind: 'date', value: (park) => park.targetOpeningDate },
    { header: 'export.park.sectors', value: (park) => sectorLabels(park.sectors, locale) },
    { header: 'export.park.capacityCompanies', kind: 'integer', value: (park) => park.capacityCompanies },
    { header: 'export.park.spaceCount', kind: 'integer', value: (park) => park.stats.spaceCount },
    { header: 'export.park.leasableAreaM2', kind: 'number', value: (park) => park.stats.leasableAreaM2 },
  ],
});

export async function getRoadmap(ctx: ServiceContext, _input: Record<string, never> = {}): Promise<Roadmap> {
  const rows = await ctx.db
    .select()
    .from(parks)
    .orderBy(asc(sql`coalesce(${parks.openingDate}, ${parks.targetOpeningDate})`), asc(parks.slug));
  return {
    parks: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      city: row.city,
      region: row.region,
      latitude: row.latitude,
      longitude: row.longitude,
      status: row.status,
      date: row.status === 'open' ? row.openingDate : row.targetOpeningDate,
    })),
    openCount: rows.filter((row) => row.status === 'open').length,
    underConstructionCount: rows.filter((row) => row.status === 'under_construction').length,
    plannedCount: rows.filter((row) => row.status === 'planned').length,
  };
}

export async function getParkDetail(ctx: ServiceContext, reference: string): Promise<ParkDetail> {
  const { db, actor } = ctx;
  const row = await parkRow(db, reference);
  const stats = await statsOfParks(db, [row.id]);
  const buildingRows = await db.select().from(buildings).where(eq(buildings.parkId, row.id)).orderBy(asc(buildings.code));
  const floorRows = buildingRows.length
    ? await db
        .select()
        .from(floors)
        .where(
          inArray(
            floors.buildingId,
            buildingRows.map((b) => b.id),
          ),
        )
        .orderBy(asc(floors.level))
    : [];
  return {
    ...toPark(row, stats.get(row.id) ?? emptyStats),
    buildings: buildingRows.map((building) => ({
      id: building.id,
      parkId: building.parkId,
      code: building.code,
      name: pickText(building.name, ctx.locale),
      names: building.name,
      floors: floorRows
        .filter((floor) => floor.buildingId === building.id)
        .map((floor) => ({ id: floor.id, buildingId: floor.buildingId, level: floor.level, name: floor.name })),
    })),
    canManage: actor.managesPark(row.id),
  };
}

type ParkInput = z.infer<typeof createParkBodySchema>;

/** A park that is open has an opening date; a planned one has a target date. */
function checkParkDates(park: Pick<ParkInput, 'status' | 'openingDate' | 'targetOpeningDate'>): void {
  if (park.status === 'open' && !park.openingDate) throw invalidField('openingDate', 'validation.date_required_for_status');
  if (park.status !== 'open' && !park.targetOpeningDate) {
    throw invalidField('targetOpeningDate', 'validation.date_required_for_status');
  }
}

function slugConflict(error: unknown): never {
  if (violatedUniqueConstraint(error) !== null) throw invalidField('slug', 'validation.slug_taken');
  throw error;
}

export async function createPark(ctx: ServiceContext, input: ParkInput): Promise<ParkDetail> {
  checkParkDates(input);
  const created = await ctx.db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(parks)
        .values({ ...input, description: input.description ?? null })
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'park.create', entityType: 'park', entityId: row.id, after: row });
      return row;
    })
    .catch(slugConflict);
  return getParkDetail(ctx, created.id);
}

export async function updatePark(
  ctx: ServiceContext,
  { park: reference, changes: input }: { park: string; changes: z.infer<typeof updateParkBodySchema> },
): Promise<ParkDetail> {
  const updatedId = await ctx.db
    .transaction(async (tx) => {
      const before = await parkRow(tx, reference);
      ctx.actor.assertManagesPark(before.id);
      // Moving a park on the roadmap or renaming its public address is a network decision.
      const changesNetworkFields =
        (input.slug !== undefined && input.slug !== before.slug) || (input.status !== undefined && input.status !== before.status);
      if (!ctx.actor.isNetworkAdmin && changesNetworkFields) {
        throw new AppError('forbidden');
      }
      const merged = { ...before, ...input };
      checkParkDates(merged);
      const [after] = await tx
        .update(parks)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(parks.id, before.id))
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'park.update', entityType: 'park', entityId: before.id, before, after });
      return after.id;
    })
    .catch(slugConflict);
  return getParkDetail(ctx, updatedId);
}

/** Every park for a role's scope picker, by name in the reader's language. */
export async function parkChoices(ctx: ReadContext): Promise<{ id: string; name: string }[]> {
  return ctx.db
    .select({ id: parks.id, name: localizedColumn(parks.name, ctx.locale) })
    .from(parks)
    .orderBy(asc(localizedColumn(parks.name, ctx.locale)));
}

/** The names of these parks in the reader's language. */
/** Parks' names in one language, for a list of ids: read on every company page, so prepared (one per language). */
const parkNamesQuery = (locale: Locale) =>
  preparedQuery(`park_names_${locale}`, (db) =>
    db
      .select({ id: parks.id, name: localizedColumn(parks.name, locale) })
      .from(parks)
      .where(uuidIn(parks.id, sql.placeholder('ids'))),
  );
const parkNamesIn = Object.fromEntries(locales.map((locale) => [locale, parkNamesQuery(locale)])) as Record<
  Locale,
  ReturnType<typeof parkNamesQuery>
>;

export async function parkNames(ctx: ReadContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await parkNamesIn[ctx.locale](ctx.db).execute({ ids: [...new Set(ids)] });
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Every park with its short name, names and city in all languages (an import recognises parks by any of them). */
export async function listParkRefs(ctx: ReadContext): Promise<Pick<ParkRow, 'id' | 'slug' | 'name' | 'city'>[]> {
  return ctx.db.select({ id: parks.id, slug: parks.slug, name: parks.name, city: parks.city }).from(parks).orderBy(asc(parks.slug));
}

/**
 * The name of the park of another module's row, as an SQL expression (a view of this module's table), so that
 * lists elsewhere show and sort by it without reading the parks table themselves.
 */
export function parkNameOf(parkId: SQLWrapper, locale: Locale): SQL<string | null> {
  return sql<string | null>`(select ${localizedColumn(parks.name, locale)} from ${parks} where ${parks.id} = ${parkId})`;
}
