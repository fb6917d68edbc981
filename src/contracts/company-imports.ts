import { z } from 'zod';
import { lifecycleStatuses } from '../shared/company-lifecycle.js';
import { companyStageSchema, legalFormSchema } from './companies.js';
import { fileUploadSchema } from './files.js';
import { listQuerySchema, pageSchema } from './lists.js';
import { sectorSchema } from './parks.js';

/**
 * Importing existing companies from a CSV or XLSX file (SPEC §3.2, §6): the file is checked in the
 * background (progress visible), shown as a preview with every problem, then imported all at once or not at all.
 */
export const companyImportStatuses = ['validating', 'invalid', 'ready', 'importing', 'completed', 'failed'] as const;
export const companyImportStatusSchema = z.enum(companyImportStatuses);
export type CompanyImportStatus = z.infer<typeof companyImportStatusSchema>;

/**
 * The columns a file may have, in template order; headers are recognized in French, Arabic or English. The last
 * two name the person invited to be the company's admin (an invitation e-mail per row that gives an address).
 */
export const importFields = [
  'legalName',
  'brandName',
  'legalForm',
  'ice',
  'rcNumber',
  'rcCourt',
  'ifNumber',
  'patente',
  'cnss',
  'creationDate',
  'sectors',
  'stage',
  'park',
  'website',
  'email',
  'phone',
  'address',
  'description',
  'status',
  'statusDate',
  'entryDate',
  'adminName',
  'adminEmail',
] as const;
export const importFieldSchema = z.enum(importFields);
export type ImportField = z.infer<typeof importFieldSchema>;

/** Columns every file must have. */
export const requiredImportFields: readonly ImportField[] = ['legalName', 'stage', 'status'];

/** Most companies one import may bring (one transaction; a larger list is split into several files). */
export const maxImportRows = 10_000;

export const createCompanyImportBodySchema = z.object({
  file: fileUploadSchema,
  /** The park of rows that name none (a park manager's own park; network admins may leave it empty). */
  parkId: z.uuid().nullable().default(null),
});
export type CreateCompanyImportBody = z.input<typeof createCompanyImportBodySchema>;

export const importProblemSchema = z.object({
  row: z.number().int(),
  /** The column header as written in the file (or our name of the column when the file lacks it). */
  column: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

const parkRefSchema = z.object({ id: z.uuid(), name: z.string() });

export const importHistoryStepSchema = z.object({ status: z.enum(lifecycleStatuses), effectiveDate: z.string() });

/** One row as the server understood it. */
export const importPreviewRowSchema = z.object({
  row: z.number().int(),
  legalName: z.string(),
  brandName: z.string(),
  legalForm: legalFormSchema.nullable(),
  ice: z.string().nullable(),
  rcNumber: z.string().nullable(),
  ifNumber: z.string().nullable(),
  creationDate: z.string().nullable(),
  sectors: z.array(sectorSchema),
  stage: companyStageSchema.nullable(),
  park: parkRefSchema.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  /** The person invited to be the company's admin when it is imported. */
  admin: z.object({ name: z.string(), email: z.string() }).nullable(),
  history: z.array(importHistoryStepSchema),
  hasProblems: z.boolean(),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const companyImportSummarySchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  park: parkRefSchema.nullable(),
  status: companyImportStatusSchema,
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  invalidRows: z.number().int(),
  problemCount: z.number().int(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type CompanyImportSummary = z.infer<typeof companyImportSummarySchema>;

export const companyImportSchema = companyImportSummarySchema.extend({
  /** The first problems (all of them up to a limit; `problemCount` says how many in all). */
  problems: z.array(importProblemSchema),
  /** The file's columns and what each was recognized as (null: ignored). */
  columns: z.array(z.object({ header: z.string(), field: importFieldSchema.nullable() })),
  preview: z.array(importPreviewRowSchema),
  confirmedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  confirmedAt: z.string().nullable(),
  canConfirm: z.boolean(),
});
export type CompanyImport = z.infer<typeof companyImportSchema>;

export const companyImportsQuerySchema = listQuerySchema(['createdAt', 'fileName', 'status']).extend({
  status: companyImportStatusSchema.optional(),
});
export const companyImportsPageSchema = pageSchema(companyImportSummarySchema);

/** A window of an import's problems (kept in file order). */
export const importProblemsQuerySchema = listQuerySchema(['row']).pick({ page: true, pageSize: true });
