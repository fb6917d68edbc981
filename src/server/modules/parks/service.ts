import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createParkBodySchema, Park, ParkDetail, parksQuerySchema, Roadmap, updateParkBodySchema } from '../../../contracts/parks.js';
import type { Locale } from '../../../shared/locales.js';
import type { Database, Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { likePattern, violatedUniqueConstraint } from '../../platform/database-errors.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
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

/** A park named by its id or its slug (the public pages use slugs). */
export async function findPark(db: Executor, reference: string): Promise<ParkRow> {
  const condition = uuidPattern.test(reference) ? eq(parks.id, reference) : eq(parks.slug, reference);
  const [row] = await db.select().from(parks).where(condition).limit(1);
  if (!row) throw notFound();
  return row;
}

/** The park's name in the reader's language, French when it has none. */
export function localizedColumn(column: typeof parks.name | typeof parks.city, locale: Locale): SQL<string> {
  return sql<string>`coalesce(nullif(${column}->>${locale}, ''), ${column}->>'fr')`;
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

function parkFilters(query: Omit<ParksQuery, 'page' | 'pageSize' | 'sort' | 'order'>): SQL | undefined {
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

export async function listParks(db: Database, locale: Locale, query: ParksQuery) {
  const where = parkFilters(query);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(parks)
      .where(where)
      .orderBy(...parkOrder(query, locale))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(parks).where(where),
  ]);
  const stats = await statsOfParks(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => toPark(row, stats.get(row.id) ?? emptyStats)),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every park matching the filters, for CSV/XLSX export. */
export async function listAllParks(db: Database, locale: Locale, query: ParksQuery): Promise<Park[]> {
  const rows = await db
    .select()
    .from(parks)
    .where(parkFilters(query))
    .orderBy(...parkOrder(query, locale))
    .limit(10000);
  const stats = await statsOfParks(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toPark(row, stats.get(row.id) ?? emptyStats));
}

export async function getRoadmap(db: Database): Promise<Roadmap> {
  const rows = await db
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

export async function getParkDetail(db: Database, actor: Actor, reference: string): Promise<ParkDetail> {
  const row = await findPark(db, reference);
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
      name: building.name,
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
  return getParkDetail(ctx.db, ctx.actor, created.id);
}

export async function updatePark(ctx: ServiceContext, reference: string, input: z.infer<typeof updateParkBodySchema>): Promise<ParkDetail> {
  const updatedId = await ctx.db
    .transaction(async (tx) => {
      const before = await findPark(tx, reference);
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
  return getParkDetail(ctx.db, ctx.actor, updatedId);
}

/** Parks for a role's scope picker. */
export async function listParkScopes(db: Database, locale: Locale) {
  return db
    .select({ id: parks.id, name: localizedColumn(parks.name, locale) })
    .from(parks)
    .orderBy(asc(localizedColumn(parks.name, locale)));
}

export async function parkNames(db: Executor, ids: string[], locale: Locale): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: parks.id, name: localizedColumn(parks.name, locale) })
    .from(parks)
    .where(inArray(parks.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
