import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Building,
  createBuildingBodySchema,
  createFloorBodySchema,
  createSpaceBodySchema,
  Space,
  spacesQuerySchema,
  updateBuildingBodySchema,
  updateFloorBodySchema,
  updateSpaceBodySchema,
} from '../../../contracts/parks.js';
import type { Locale } from '../../../shared/locales.js';
import { compactText, pickText } from '../../../shared/localized-text.js';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { isCheckViolation, likePattern, violatedUniqueConstraint } from '../../platform/database-errors.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { type Column, joinList } from '../../platform/export.js';
import { defineList, selectSource } from '../../platform/lists.js';
import { amenityLabel, spaceKindLabel } from './labels.js';
import { buildings, floors, spaces } from './schema.js';
import { localizedColumn, parkRow } from './service.js';

// ---- buildings and floors -------------------------------------------------------------

async function findBuilding(db: Executor, id: string) {
  const [row] = await db.select().from(buildings).where(eq(buildings.id, id)).limit(1);
  if (!row) throw notFound();
  return row;
}

async function findFloor(db: Executor, id: string) {
  const [row] = await db
    .select({ floor: floors, parkId: buildings.parkId })
    .from(floors)
    .innerJoin(buildings, eq(buildings.id, floors.buildingId))
    .where(eq(floors.id, id))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/** A unique value already taken, said on its field: a building's code in its park, a floor's level in its building. */
function codeConflict(path: 'code' | 'level') {
  const key = path === 'level' ? 'validation.floor_level_taken' : 'validation.code_taken';
  return (error: unknown): never => {
    if (violatedUniqueConstraint(error) !== null) throw invalidField(path, key);
    throw error;
  };
}

function toBuilding(row: typeof buildings.$inferSelect, floorRows: Building['floors'], locale: Locale): Building {
  const { id, parkId, code, name } = row;
  return { id, parkId, code, name: pickText(name, locale), names: name, floors: floorRows };
}

export async function createBuilding(
  ctx: ServiceContext,
  { park: parkReference, building: input }: { park: string; building: z.infer<typeof createBuildingBodySchema> },
): Promise<Building> {
  return ctx.db
    .transaction(async (tx) => {
      const park = await parkRow(tx, parkReference);
      ctx.actor.assertManagesPark(park.id);
      const [row] = await tx
        .insert(buildings)
        .values({ parkId: park.id, code: input.code, name: compactText(input.name) })
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'building.create', entityType: 'building', entityId: row.id, after: row });
      return toBuilding(row, [], ctx.locale);
    })
    .catch(codeConflict('code'));
}

export async function updateBuilding(
  ctx: ServiceContext,
  { id, changes: input }: { id: string; changes: z.infer<typeof updateBuildingBodySchema> },
) {
  return ctx.db
    .transaction(async (tx) => {
      const before = await findBuilding(tx, id);
      ctx.actor.assertManagesPark(before.parkId);
      const changes = { ...input, name: input.name && compactText(input.name) };
      const [after] = await tx.update(buildings).set(changes).where(eq(buildings.id, id)).returning();
      await recordAudit(tx, ctx.actor, { action: 'building.update', entityType: 'building', entityId: id, before, after });
      const floorRows = await tx.select().from(floors).where(eq(floors.buildingId, id)).orderBy(asc(floors.level));
      return toBuilding(after, floorRows, ctx.locale);
    })
    .catch(codeConflict('code'));
}

export async function deleteBuilding(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findBuilding(tx, id);
    ctx.actor.assertManagesPark(before.parkId);
    const [{ floorCount }] = await tx.select({ floorCount: count() }).from(floors).where(eq(floors.buildingId, id));
    if (Number(floorCount) > 0) throw new AppError('in_use');
    await tx.delete(buildings).where(eq(buildings.id, id));
    await recordAudit(tx, ctx.actor, { action: 'building.delete', entityType: 'building', entityId: id, before });
  });
}

export async function createFloor(
  ctx: ServiceContext,
  { buildingId, floor: input }: { buildingId: string; floor: z.infer<typeof createFloorBodySchema> },
) {
  return ctx.db
    .transaction(async (tx) => {
      const building = await findBuilding(tx, buildingId);
      ctx.actor.assertManagesPark(building.parkId);
      const [row] = await tx
        .insert(floors)
        .values({ buildingId, ...input })
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'floor.create', entityType: 'floor', entityId: row.id, after: row });
      return row;
    })
    .catch(codeConflict('level'));
}

export async function updateFloor(
  ctx: ServiceContext,
  { id, changes: input }: { id: string; changes: z.infer<typeof updateFloorBodySchema> },
) {
  return ctx.db
    .transaction(async (tx) => {
      const { floor: before, parkId } = await findFloor(tx, id);
      ctx.actor.assertManagesPark(parkId);
      const [after] = await tx.update(floors).set(input).where(eq(floors.id, id)).returning();
      await recordAudit(tx, ctx.actor, { action: 'floor.update', entityType: 'floor', entityId: id, before, after });
      return after;
    })
    .catch(codeConflict('level'));
}

export async function deleteFloor(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { floor: before, parkId } = await findFloor(tx, id);
    ctx.actor.assertManagesPark(parkId);
    const [{ spaceCount }] = await tx.select({ spaceCount: count() }).from(spaces).where(eq(spaces.floorId, id));
    if (Number(spaceCount) > 0) throw new AppError('in_use');
    await tx.delete(floors).where(eq(floors.id, id));
    await recordAudit(tx, ctx.actor, { action: 'floor.delete', entityType: 'floor', entityId: id, before });
  });
}

// ---- spaces ---------------------------------------------------------------------------

const spaceColumns = {
  space: spaces,
  buildingId: buildings.id,
  buildingName: buildings.name,
  floorName: floors.name,
  floorLevel: floors.level,
};
type SpaceRow = {
  space: typeof spaces.$inferSelect;
  buildingId: string;
  buildingName: typeof buildings.$inferSelect.name;
  floorName: string;
  floorLevel: number;
};

function toSpace(row: SpaceRow, locale: Locale): Space {
  const { space } = row;
  return {
    id: space.id,
    parkId: space.parkId,
    buildingId: row.buildingId,
    buildingName: pickText(row.buildingName, locale),
    floorId: space.floorId,
    floorName: row.floorName,
    floorLevel: row.floorLevel,
    code: space.code,
    name: pickText(space.name, locale),
    names: space.name,
    kind: space.kind,
    areaM2: Number(space.areaM2),
    desks: space.desks,
    seats: space.seats,
    amenities: space.amenities,
    bookable: space.bookable,
    leasable: space.leasable,
    active: space.active,
    notes: space.notes,
    updatedAt: space.updatedAt.toISOString(),
  };
}

function selectSpaces(db: Executor) {
  return db
    .select(spaceColumns)
    .from(spaces)
    .innerJoin(floors, eq(floors.id, spaces.floorId))
    .innerJoin(buildings, eq(buildings.id, floors.buildingId));
}

type SpacesQuery = z.infer<typeof spacesQuerySchema>;

function spaceFilters(parkId: string, query: SpacesQuery, actor: Actor): SQL {
  const conditions: SQL[] = [eq(spaces.parkId, parkId)];
  // Inactive spaces are internal: only the park's managers see them.
  if (!(query.includeInactive === 'true' && actor.managesPark(parkId))) conditions.push(eq(spaces.active, true));
  if (query.kind) conditions.push(eq(spaces.kind, query.kind));
  if (query.buildingId) conditions.push(eq(buildings.id, query.buildingId));
  if (query.floorId) conditions.push(eq(spaces.floorId, query.floorId));
  if (query.bookable) conditions.push(eq(spaces.bookable, query.bookable === 'true'));
  if (query.leasable) conditions.push(eq(spaces.leasable, query.leasable === 'true'));
  if (query.q) {
    const pattern = likePattern(query.q);
    // Any language of the name matches: a French reader finds a space by its Arabic name too.
    conditions.push(or(ilike(spaces.code, pattern), sql`${spaces.name}::text ilike ${pattern}`) as SQL);
  }
  return and(...conditions) as SQL;
}

function spaceOrder(query: SpacesQuery, locale: Locale): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  const name = localizedColumn(spaces.name, locale);
  const column = { code: spaces.code, name, kind: spaces.kind, areaM2: spaces.areaM2 }[query.sort];
  return [direction(column), asc(spaces.id)];
}

type SpacesInput = SpacesQuery & { park: string };

/** The spaces of a park (inactive ones for its managers only), filtered and sorted; the same rows for the export. */
export const spaceList = defineList({
  name: 'spaces',
  source: async (ctx, input: SpacesInput) => {
    const park = await parkRow(ctx.db, input.park);
    const where = spaceFilters(park.id, input, ctx.actor);
    return selectSource(ctx.db, () => selectSpaces(ctx.db).where(where).$dynamic(), spaceOrder(input, ctx.locale));
  },
  present: (ctx, rows: SpaceRow[]) => rows.map((row) => toSpace(row, ctx.locale)),
  columns: ({ locale }): Column<Space>[] => [
    { header: 'export.space.code', value: (space) => space.code },
    { header: 'export.space.name', value: (space) => space.name },
    { header: 'export.space.kind', value: (space) => spaceKindLabel(space.kind, locale) },
    { header: 'export.space.building', value: (space) => space.buildingName },
    { header: 'export.space.floor', value: (space) => space.floorName },
    { header: 'export.space.areaM2', kind: 'number', value: (space) => space.areaM2 },
    { header: 'export.space.desks', kind: 'integer', value: (space) => space.desks },
    { header: 'export.space.seats', kind: 'integer', value: (space) => space.seats },
    { header: 'export.space.bookable', kind: 'boolean', value: (space) => space.bookable },
    { header: 'export.space.leasable', kind: 'boolean', value: (space) => space.leasable },
    {
      header: 'export.space.amenities',
      value: (space) =>
        joinList(
          space.amenities.map((code) => amenityLabel(code, locale)),
          locale,
        ),
    },
  ],
});

async function spaceOf(ctx: ServiceContext, id: string): Promise<Space> {
  const [row] = await selectSpaces(ctx.db).where(eq(spaces.id, id)).limit(1);
  if (!row || (!row.space.active && !ctx.actor.managesPark(row.space.parkId))) throw notFound();
  return toSpace(row, ctx.locale);
}

/** One space; an inactive one only for its park's managers. */
export async function getSpace(ctx: ServiceContext, id: string): Promise<Space> {
  return spaceOf(ctx, id);
}

function spaceWriteError(error: unknown): never {
  if (violatedUniqueConstraint(error) !== null) throw invalidField('code', 'validation.code_taken');
  if (isCheckViolation(error) === 'spaces_has_use') throw invalidField('leasable', 'validation.space_needs_use');
  throw error;
}

async function assertFloorInPark(tx: Executor, floorId: string, parkId: string): Promise<void> {
  const [row] = await tx
    .select({ parkId: buildings.parkId })
    .from(floors)
    .innerJoin(buildings, eq(buildings.id, floors.buildingId))
    .where(eq(floors.id, floorId))
    .limit(1);
  if (!row || row.parkId !== parkId) throw invalidField('floorId', 'validation.floor_of_other_park');
}

export async function createSpace(
  ctx: ServiceContext,
  { park: parkReference, space: input }: { park: string; space: z.infer<typeof createSpaceBodySchema> },
): Promise<Space> {
  if (!input.bookable && !input.leasable) throw invalidField('leasable', 'validation.space_needs_use');
  const id = await ctx.db
    .transaction(async (tx) => {
      const park = await parkRow(tx, parkReference);
      ctx.actor.assertManagesPark(park.id);
      await assertFloorInPark(tx, input.floorId, park.id);
      const [row] = await tx
        .insert(spaces)
        .values({ ...input, name: compactText(input.name), parkId: park.id })
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'space.create', entityType: 'space', entityId: row.id, after: row });
      return row.id;
    })
    .catch(spaceWriteError);
  return spaceOf(ctx, id);
}

export async function updateSpace(
  ctx: ServiceContext,
  { id, changes: input }: { id: string; changes: z.infer<typeof updateSpaceBodySchema> },
): Promise<Space> {
  await ctx.db
    .transaction(async (tx) => {
      // Row lock: two managers editing the same space apply one after the other.
      const [before] = await tx.select().from(spaces).where(eq(spaces.id, id)).for('update');
      if (!before) throw notFound();
      ctx.actor.assertManagesPark(before.parkId);
      if (input.floorId) await assertFloorInPark(tx, input.floorId, before.parkId);
      const [after] = await tx
        .update(spaces)
        .set({ ...input, name: input.name && compactText(input.name), updatedAt: new Date() })
        .where(eq(spaces.id, id))
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'space.update', entityType: 'space', entityId: id, before, after });
    })
    .catch(spaceWriteError);
  return spaceOf(ctx, id);
}

export async function deleteSpace(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(spaces).where(eq(spaces.id, id)).for('update');
    if (!before) throw notFound();
    ctx.actor.assertManagesPark(before.parkId);
    await tx.delete(spaces).where(eq(spaces.id, id));
    await recordAudit(tx, ctx.actor, { action: 'space.delete', entityType: 'space', entityId: id, before });
  });
}
