import { eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../../shared/locales.js';
import { type AuditField, type AuditNames, uuidIds } from '../../platform/audit/naming.js';
import { joinList } from '../../platform/export.js';
import { translate } from '../../platform/messages.js';
import { amenityLabel, regionLabel, sectorLabel, spaceKindLabel } from './labels.js';
import { buildings, floors, parks, spaces } from './schema.js';
import { localizedColumn } from './service.js';

const codes =
  (label: (code: string, locale: Locale) => string) =>
  (value: unknown, locale: Locale): string =>
    Array.isArray(value)
      ? joinList(
          value.map((code) => label(String(code), locale)),
          locale,
        ) || '—'
      : label(String(value), locale);

const parkFields: Record<string, AuditField> = {
  slug: { label: 'export.park.slug' },
  name: { label: 'export.park.name' },
  city: { label: 'export.park.city' },
  region: { label: 'export.park.region', value: codes(regionLabel) },
  status: { label: 'export.park.status', value: codes((code, locale) => translate(locale, `status.${code}`)) },
  openingDate: { label: 'export.park.openingDate' },
  targetOpeningDate: { label: 'export.park.targetOpeningDate' },
  sectors: { label: 'export.park.sectors', value: codes(sectorLabel) },
  capacityCompanies: { label: 'export.park.capacityCompanies' },
  address: { label: 'audit.park.address' },
  description: { label: 'audit.park.description' },
  contacts: {
    label: 'audit.park.contacts',
    value: (value) => (Array.isArray(value) ? value.map((contact) => contact?.name).join(', ') : '—'),
  },
  latitude: { label: 'audit.park.latitude', hidden: true },
  longitude: { label: 'audit.park.longitude', hidden: true },
  timeZone: { label: 'audit.park.address', hidden: true },
};

const spaceFields: Record<string, AuditField> = {
  code: { label: 'export.space.code' },
  name: { label: 'export.space.name' },
  kind: { label: 'export.space.kind', value: codes(spaceKindLabel) },
  areaM2: { label: 'audit.space.area', unit: 'm²' },
  desks: { label: 'export.space.desks' },
  seats: { label: 'export.space.seats' },
  amenities: { label: 'export.space.amenities', value: codes(amenityLabel) },
  bookable: { label: 'export.space.bookable' },
  leasable: { label: 'export.space.leasable' },
  active: { label: 'audit.space.active' },
  notes: { label: 'audit.space.notes' },
};

/** How the audit log names parks, buildings, floors and spaces: a space by its code and its park. */
export const parkAuditNames: AuditNames = {
  park: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({ id: parks.id, name: localizedColumn(parks.name, ctx.locale) })
        .from(parks)
        .where(inArray(parks.id, uuidIds(ids)));
      return new Map(rows.map((row) => [row.id, row.name]));
    },
    fields: parkFields,
  },
  building: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({
          id: buildings.id,
          code: buildings.code,
          name: localizedColumn(buildings.name, ctx.locale),
          park: localizedColumn(parks.name, ctx.locale),
        })
        .from(buildings)
        .innerJoin(parks, eq(parks.id, buildings.parkId))
        .where(inArray(buildings.id, uuidIds(ids)));
      return new Map(rows.map((row) => [row.id, translate(ctx.locale, 'audit.name.building', row)]));
    },
    fields: { code: { label: 'export.space.code' }, name: { label: 'export.space.name' } },
  },
  floor: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({
          id: floors.id,
          name: floors.name,
          building: localizedColumn(buildings.name, ctx.locale),
          park: localizedColumn(parks.name, ctx.locale),
        })
        .from(floors)
        .innerJoin(buildings, eq(buildings.id, floors.buildingId))
        .innerJoin(parks, eq(parks.id, buildings.parkId))
        .where(inArray(floors.id, uuidIds(ids)));
      return new Map(rows.map((row) => [row.id, translate(ctx.locale, 'audit.name.floor', row)]));
    },
    fields: { level: { label: 'audit.floor.level' }, name: { label: 'export.space.name' } },
  },
  space: {
    names: async (ctx, ids) => {
      const rows = await ctx.db
        .select({ id: spaces.id, code: spaces.code, park: localizedColumn(parks.name, ctx.locale) })
        .from(spaces)
        .innerJoin(parks, eq(parks.id, spaces.parkId))
        .where(inArray(spaces.id, uuidIds(ids)));
      return new Map(rows.map((row) => [row.id, translate(ctx.locale, 'audit.name.space', row)]));
    },
    fields: spaceFields,
  },
};
