import { z } from 'zod';
import { importProblemSchema } from './company-imports.js';
import { fileUploadSchema } from './files.js';

/**
 * Importing a park's buildings, floors and spaces from a CSV or XLSX sheet: one row per space, its building and
 * floor created when the park has none by that code and level. A preview lists every problem by row and column;
 * the import writes every row or none.
 */
export const spaceImportFields = [
  'building',
  'buildingName',
  'floor',
  'floorName',
  'code',
  'nameFr',
  'nameAr',
  'nameEn',
  'kind',
  'areaM2',
  'desks',
  'seats',
  'leasable',
  'bookable',
  'active',
] as const;
export type SpaceImportField = (typeof spaceImportFields)[number];

/** Columns every sheet must have. */
export const requiredSpaceImportFields: readonly SpaceImportField[] = ['building', 'floor', 'code', 'kind', 'areaM2'];

/** Most spaces one sheet may bring (a new city has a few hundred). */
export const maxSpaceImportRows = 5000;

export const spaceImportBodySchema = z.object({ file: fileUploadSchema });

export const spaceImportPreviewSchema = z.object({
  rowCount: z.number().int(),
  problems: z.array(importProblemSchema),
  /** Codes of the buildings and `code · level` of the floors that the import would create. */
  newBuildings: z.array(z.string()),
  newFloors: z.array(z.string()),
});
export type SpaceImportPreview = z.infer<typeof spaceImportPreviewSchema>;

export const spaceImportResultSchema = z.object({
  spaceCount: z.number().int(),
  buildingCount: z.number().int(),
  floorCount: z.number().int(),
});
export type SpaceImportResult = z.infer<typeof spaceImportResultSchema>;
