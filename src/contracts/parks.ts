import { z } from 'zod';
import { localizedTextSchema, someLanguagesTextSchema } from '../shared/localized-text-schemas.js';
import { isoDateSchema, listQuerySchema, pageSchema, phoneSchema } from './lists.js';
import { amenities, parkStatuses, regions, sectors, spaceKinds } from './park-values.js';

export { amenities, parkStatuses, regions, sectors, spaceKinds };

export const parkStatusSchema = z.enum(parkStatuses);
export type ParkStatus = z.infer<typeof parkStatusSchema>;

export const regionSchema = z.enum(regions);

export const sectorSchema = z.enum(sectors);

export const spaceKindSchema = z.enum(spaceKinds);
export type SpaceKind = z.infer<typeof spaceKindSchema>;

export const amenitySchema = z.enum(amenities);

const slugSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'validation.slug_format');

export const parkContactSchema = z.object({
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().max(120).default(''),
  email: z.email().max(254).optional().or(z.literal('')),
  phone: phoneSchema.optional(),
});

// Fields carry no defaults: a partial update must never reset what it does not mention.
const parkFields = {
  slug: slugSchema,
  name: localizedTextSchema(120),
  city: localizedTextSchema(80),
  region: regionSchema,
  address: z.string().trim().max(300),
  latitude: z.number().min(20).max(36.5),
  longitude: z.number().min(-17.5).max(-0.9),
  status: parkStatusSchema,
  openingDate: isoDateSchema.nullable(),
  targetOpeningDate: isoDateSchema.nullable(),
  sectors: z.array(sectorSchema).max(sectors.length),
  capacityCompanies: z.number().int().min(0).max(100000).nullable(),
  description: localizedTextSchema(4000),
  contacts: z.array(parkContactSchema).max(20),
};

export const createParkBodySchema = z.object({
  ...parkFields,
  address: parkFields.address.default(''),
  openingDate: parkFields.openingDate.default(null),
  targetOpeningDate: parkFields.targetOpeningDate.default(null),
  sectors: parkFields.sectors.default([]),
  capacityCompanies: parkFields.capacityCompanies.default(null),
  description: parkFields.description.optional(),
  contacts: parkFields.contacts.default([]),
});
export const updateParkBodySchema = z.object(parkFields).partial();
export type CreateParkBody = z.infer<typeof createParkBodySchema>;

const localizedText = z.object({ fr: z.string(), ar: z.string().optional(), en: z.string().optional() });
/** A name as stored, in the languages it was given in (what a form edits); `name` beside it is the reader's. */
export const someLanguagesSchema = z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() });

export const parkSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: localizedText,
  city: localizedText,
  region: regionSchema,
  address: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  status: parkStatusSchema,
  openingDate: z.string().nullable(),
  targetOpeningDate: z.string().nullable(),
  sectors: z.array(sectorSchema),
  capacityCompanies: z.number().nullable(),
  description: localizedText.nullable(),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), email: z.string().optional(), phone: z.string().optional() })),
  stats: z.object({
    buildingCount: z.number(),
    spaceCount: z.number(),
    leasableAreaM2: z.number(),
    officeCount: z.number(),
    bookableRoomCount: z.number(),
    desks: z.number(),
  }),
  updatedAt: z.string(),
});
export type Park = z.infer<typeof parkSchema>;

export const parksQuerySchema = listQuerySchema(['name', 'city', 'status', 'openingDate']).extend({
  status: parkStatusSchema.optional(),
  region: regionSchema.optional(),
  sector: sectorSchema.optional(),
});
export const parksPageSchema = pageSchema(parkSchema);

export const parkParamsSchema = z.object({ park: z.string().min(1).max(60) });

export const floorSchema = z.object({ id: z.uuid(), buildingId: z.uuid(), level: z.number().int(), name: z.string() });
export const buildingSchema = z.object({
  id: z.uuid(),
  parkId: z.uuid(),
  code: z.string(),
  name: z.string(),
  names: someLanguagesSchema,
  floors: z.array(floorSchema),
});
export type Building = z.infer<typeof buildingSchema>;

export const createBuildingBodySchema = z.object({
  code: z.string().trim().min(1).max(20),
  name: someLanguagesTextSchema(120, { required: true }),
});
export const updateBuildingBodySchema = createBuildingBodySchema.partial();
export const createFloorBodySchema = z.object({
  level: z.number().int().min(-5).max(200),
  name: z.string().trim().min(1).max(60),
});
export const updateFloorBodySchema = createFloorBodySchema.partial();

export const parkDetailSchema = parkSchema.extend({
  buildings: z.array(buildingSchema),
  canManage: z.boolean(),
});
export type ParkDetail = z.infer<typeof parkDetailSchema>;

const spaceFields = {
  floorId: z.uuid(),
  code: z.string().trim().min(1).max(30),
  name: someLanguagesTextSchema(120, { required: true }),
  kind: spaceKindSchema,
  areaM2: z.number().positive().max(100000).multipleOf(0.01),
  desks: z.number().int().min(0).max(10000),
  seats: z.number().int().min(0).max(10000),
  amenities: z.array(amenitySchema).max(amenities.length),
  bookable: z.boolean(),
  leasable: z.boolean(),
  active: z.boolean(),
  notes: z.string().trim().max(2000),
};
export const createSpaceBodySchema = z.object({
  ...spaceFields,
  desks: spaceFields.desks.default(0),
  seats: spaceFields.seats.default(0),
  amenities: spaceFields.amenities.default([]),
  bookable: spaceFields.bookable.default(false),
  leasable: spaceFields.leasable.default(false),
  active: spaceFields.active.default(true),
  notes: spaceFields.notes.default(''),
});
export const updateSpaceBodySchema = z.object(spaceFields).partial();
export type CreateSpaceBody = z.input<typeof createSpaceBodySchema>;

export const spaceSchema = z.object({
  id: z.uuid(),
  parkId: z.uuid(),
  buildingId: z.uuid(),
  buildingName: z.string(),
  floorId: z.uuid(),
  floorName: z.string(),
  floorLevel: z.number().int(),
  code: z.string(),
  name: z.string(),
  names: someLanguagesSchema,
  kind: spaceKindSchema,
  areaM2: z.number(),
  desks: z.number().int(),
  seats: z.number().int(),
  amenities: z.array(amenitySchema),
  bookable: z.boolean(),
  leasable: z.boolean(),
  active: z.boolean(),
  notes: z.string(),
  updatedAt: z.string(),
});
export type Space = z.infer<typeof spaceSchema>;

export const spacesQuerySchema = listQuerySchema(['code', 'name', 'kind', 'areaM2']).extend({
  kind: spaceKindSchema.optional(),
  buildingId: z.uuid().optional(),
  floorId: z.uuid().optional(),
  bookable: z.enum(['true', 'false']).optional(),
  leasable: z.enum(['true', 'false']).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export const spacesPageSchema = pageSchema(spaceSchema);

export const roadmapSchema = z.object({
  parks: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      name: localizedText,
      city: localizedText,
      region: regionSchema,
      latitude: z.number(),
      longitude: z.number(),
      status: parkStatusSchema,
      date: z.string().nullable(),
    }),
  ),
  openCount: z.number(),
  plannedCount: z.number(),
  underConstructionCount: z.number(),
});
export type Roadmap = z.infer<typeof roadmapSchema>;
