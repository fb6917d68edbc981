import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companyStages, type fundingTypes, legalForms, revenueBands } from '../../../contracts/companies.js';
import { sectors } from '../../../contracts/parks.js';
import { lifecycleStatuses } from '../../../shared/company-lifecycle.js';
import type { SomeLanguagesText } from '../../../shared/localized-text.js';
import { users } from '../../platform/auth/schema.js';
import { storedFiles } from '../../platform/files/schema.js';
import { parks } from '../parks/schema.js';

type Founder = { name: string; role: string; email?: string; gender?: 'female' | 'male' };
type Contact = { name: string; role: string; email?: string; phone?: string };

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    legalName: text('legal_name').notNull(),
    brandName: text('brand_name').notNull().default(''),
    legalForm: text('legal_form', { enum: legalForms }),
    ice: text('ice'),
    rcNumber: text('rc_number'),
    rcCourt: text('rc_court'),
    ifNumber: text('if_number'),
    patente: text('patente'),
    cnss: text('cnss'),
    creationDate: date('creation_date', { mode: 'string' }),
    sectors: text('sectors', { enum: sectors }).array().notNull().default(sql`'{}'::text[]`),
    stage: text('stage', { enum: companyStages }).notNull(),
    /** The park the company belongs to (its office, or the park that follows it remotely). */
    parkId: uuid('park_id').references(() => parks.id),
    website: text('website'),
    email: text('email'),
    phone: text('phone'),
    address: text('address').notNull().default(''),
    description: jsonb('description').$type<SomeLanguagesText>().notNull().default({}),
    founders: jsonb('founders').$type<Founder[]>().notNull().default([]),
    contacts: jsonb('contacts').$type<Contact[]>().notNull().default([]),
    logoFileId: uuid('logo_file_id').references(() => storedFiles.id),
    /**
     * The current status and its effective date: a projection of `company_status_events` (the truth), written in
     * the transaction of every history write (`lifecycle/history.ts`), so that lists filter and sort on an index.
     */
    status: text('status', { enum: lifecycleStatuses }).notNull(),
    statusSince: date('status_since', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('companies_ice_unique').on(table.ice),
    index('companies_park_idx').on(table.parkId, table.status, table.statusSince, table.id),
    index('companies_status_idx').on(table.status, table.statusSince, table.id),
    index('companies_name_idx').on(sql`lower(${table.legalName})`, table.id),
    index('companies_legal_name_idx').on(table.legalName, table.id),
    index('companies_since_idx').on(table.statusSince, table.id),
    check('companies_ice_format', sql`${table.ice} is null or ${table.ice} ~ '^[0-9]{15}$'`),
  ],
);

/**
 * The lifecycle history (SPEC §3.2): one row per transition, never updated or deleted. The current
 * status is the latest row by (effective date, recorded at). `parkId` is the company's park at the time,
 * so that per-park figures stay right after a company moves.
 */
export const companyStatusEvents = pgTable(
  'company_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    status: text('status', { enum: lifecycleStatuses }).notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull().default(''),
    parkId: uuid('park_id').references(() => parks.id),
    source: text('source', { enum: ['manual', 'admission', 'import', 'demo'] })
      .notNull()
      .default('manual'),
    recordedBy: text('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('company_status_events_company_idx').on(table.companyId, table.effectiveDate)],
);

/**
 * The history as intervals, a projection of `company_status_events` written with it: each event's status lasts
 * from its effective date until the next event's (`until` null for the current one). A status replaced on its own
 * day has `from = until` and never held. Period questions ("a member at some point of 2025") read these on an index.
 */
export const companyStatusSpans = pgTable(
  'company_status_spans',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => companyStatusEvents.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    status: text('status', { enum: lifecycleStatuses }).notNull(),
    from: date('from', { mode: 'string' }).notNull(),
    until: date('until', { mode: 'string' }),
  },
  (table) => [
    index('company_status_spans_company_idx').on(table.companyId, table.status, table.from),
    index('company_status_spans_status_idx').on(table.status, table.from, table.until),
    uniqueIndex('company_status_spans_open_unique').on(table.companyId).where(sql`${table.until} is null`),
  ],
);

type Funding = { amountCentimes: number; source: string; type: (typeof fundingTypes)[number] };

/**
 * Periodic reports filed by a company (yearly, optionally quarterly). Immutable once submitted: a
 * correction is a new row with the next version that names the one it supersedes.
 */
export const companyReports = pgTable(
  'company_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    year: integer('year').notNull(),
    /** null for the yearly report. */
    quarter: integer('quarter'),
    version: integer('version').notNull().default(1),
    supersedesId: uuid('supersedes_id'),
    employees: integer('employees').notNull(),
    interns: integer('interns').notNull(),
    founders: integer('founders').notNull(),
    revenueBand: text('revenue_band', { enum: revenueBands }).notNull(),
    exports: boolean('exports').notNull(),
    exportCountries: text('export_countries').array().notNull().default(sql`'{}'::text[]`),
    exportSharePercent: integer('export_share_percent'),
    fundings: jsonb('fundings').$type<Funding[]>().notNull().default([]),
    ipFiled: integer('ip_filed').notNull().default(0),
    productsLaunched: integer('products_launched').notNull().default(0),
    comment: text('comment').notNull().default(''),
    submittedBy: text('submitted_by').references(() => users.id),
    /** Filed by park staff for a company that reports on paper. */
    onBehalf: boolean('on_behalf').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('company_reports_version_unique').on(table.companyId, table.year, sql`coalesce(${table.quarter}, 0)`, table.version),
    check('company_reports_quarter', sql`${table.quarter} is null or ${table.quarter} between 1 and 4`),
    check('company_reports_counts', sql`${table.employees} >= 0 and ${table.interns} >= 0 and ${table.founders} >= 0`),
    check('company_reports_export_share', sql`${table.exportSharePercent} is null or ${table.exportSharePercent} between 0 and 100`),
  ],
);

export const companyReportReminders = pgTable(
  'company_report_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    recipients: integer('recipients').notNull(),
    sentBy: text('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('company_report_reminders_company_idx').on(table.companyId, table.year)],
);

export const companyImportStatuses = ['validating', 'invalid', 'ready', 'importing', 'completed', 'failed'] as const;
/**
 * One problem of an import: the row as numbered in the file (header = 1), the column header as written in
 * the file (null when the file lacks the column), the field it stands for, and a message key with parameters
 * (worded in the reader's language when read).
 */
type ImportProblem = { row: number; column: string | null; field: string | null; key: string; params?: Record<string, string> };
type ImportColumn = { header: string; field: string | null };

/**
 * An import of existing companies from CSV/XLSX: validated in the background (progress visible), shown
 * as a preview with per-row problems, then imported all at once in one transaction, or not at all.
 */
export const companyImports = pgTable(
  'company_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id').references(() => parks.id),
    fileId: uuid('file_id').references(() => storedFiles.id),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: companyImportStatuses }).notNull().default('validating'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    /** Rows with at least one problem, and how many problems in all (only the first ones are kept in `problems`). */
    invalidRows: integer('invalid_rows').notNull().default(0),
    problemCount: integer('problem_count').notNull().default(0),
    problems: jsonb('problems').$type<ImportProblem[]>().notNull().default([]),
    /** The file's header row: each column and the field it was recognized as (null: ignored). */
    columns: jsonb('columns').$type<ImportColumn[]>().notNull().default([]),
    /** The rows as understood, ready to import (only the first ones, as a preview, when the file is invalid). */
    rows: jsonb('rows').$type<Record<string, unknown>[]>().notNull().default([]),
    locale: text('locale').notNull().default('fr'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedBy: text('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('company_imports_created_idx').on(table.createdBy, table.createdAt)],
);
