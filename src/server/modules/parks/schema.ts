import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { amenities, parkStatuses, regions, sectors, spaceKinds } from '../../../contracts/parks.js';
import type { LocalizedText, SomeLanguagesText } from '../../../shared/localized-text.js';

type Contact = { name: string; role: string; email?: string; phone?: string };

export const parks = pgTable(
  'parks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    city: jsonb('city').$type<LocalizedText>().notNull(),
    region: text('region', { enum: regions }).notNull(),
    address: text('address').notNull().default(''),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    status: text('status', { enum: parkStatuses }).notNull(),
    openingDate: date('opening_date', { mode: 'string' }),
    targetOpeningDate: date('target_opening_date', { mode: 'string' }),
    sectors: text('sectors', { enum: sectors }).array().notNull().default(sql`'{}'::text[]`),
    capacityCompanies: integer('capacity_companies'),
    description: jsonb('description').$type<LocalizedText>(),
    contacts: jsonb('contacts').$type<Contact[]>().notNull().default([]),
    timeZone: text('time_zone').notNull().default('Africa/Casablanca'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('parks_open_has_opening_date', sql`${table.status} <> 'open' or ${table.openingDate} is not null`)],
);

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    code: text('code').notNull(),
    name: jsonb('name').$type<SomeLanguagesText>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('buildings_park_code_unique').on(table.parkId, table.code)],
);

export const floors = pgTable(
  'floors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    level: integer('level').notNull(),
    name: text('name').notNull(),
  },
  (table) => [uniqueIndex('floors_building_level_unique').on(table.buildingId, table.level)],
);

export const spaces = pgTable(
  'spaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Kept beside floorId so that scope checks and park lists need no join.
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    floorId: uuid('floor_id')
      .notNull()
      .references(() => floors.id),
    code: text('code').notNull(),
    name: jsonb('name').$type<SomeLanguagesText>().notNull(),
    kind: text('kind', { enum: spaceKinds }).notNull(),
    areaM2: numeric('area_m2', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    desks: integer('desks').notNull().default(0),
    seats: integer('seats').notNull().default(0),
    amenities: text('amenities', { enum: amenities }).array().notNull().default(sql`'{}'::text[]`),
    bookable: boolean('bookable').notNull().default(false),
    leasable: boolean('leasable').notNull().default(false),
    active: boolean('active').notNull().default(true),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('spaces_park_code_unique').on(table.parkId, table.code),
    index('spaces_floor_idx').on(table.floorId),
    check('spaces_area_positive', sql`${table.areaM2} > 0`),
    check('spaces_has_use', sql`${table.bookable} or ${table.leasable}`),
  ],
);
