import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applicationStatuses, callKinds, decisions, type Question } from '../../../contracts/admissions.js';
import { companyStages } from '../../../contracts/companies.js';
import { regions, sectors } from '../../../contracts/parks.js';
import { waitingListStatuses } from '../../../contracts/reviews.js';
import type { GivenConsent } from '../../../shared/consent.js';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { users } from '../../platform/auth/schema.js';
import { storedFiles } from '../../platform/files/schema.js';
import { companies } from '../companies/schema.js';
import { parks } from '../parks/schema.js';

type Eligibility = {
  sectors: (typeof sectors)[number][];
  stages: (typeof companyStages)[number][];
  regions: (typeof regions)[number][];
  /** Companies created more than this many years before submission are not eligible; null: no limit. */
  maxCompanyAgeYears: number | null;
};

/** A call for applications (SPEC §3.3), for a park and/or a program. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>(),
    description: jsonb('description').$type<LocalizedText>(),
    kind: text('kind', { enum: callKinds }).notNull(),
    /** null: network-wide (e.g. remote programs). */
    parkId: uuid('park_id').references(() => parks.id),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    eligibility: jsonb('eligibility')
      .$type<Eligibility>()
      .notNull()
      .default({ sectors: [], stages: [], regions: [], maxCompanyAgeYears: null }),
    questions: jsonb('questions').$type<Question[]>().notNull().default([]),
    /** The grid's scale: every criterion is scored from scoreMin to scoreMax (integers). */
    scoreMin: integer('score_min').notNull().default(0),
    scoreMax: integer('score_max').notNull().default(5),
    /** Members' weighted scores further apart than this are flagged for discussion. */
    spreadThreshold: numeric('spread_threshold', { precision: 6, scale: 2, mode: 'number' }).notNull().default(1.5),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('calls_dates', sql`${table.closesAt} > ${table.opensAt}`),
    check('calls_scale', sql`${table.scoreMax} > ${table.scoreMin}`),
  ],
);

export const callCriteria = pgTable(
  'call_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    position: integer('position').notNull(),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>(),
    weight: integer('weight').notNull(),
  },
  (table) => [index('call_criteria_call_idx').on(table.callId), check('call_criteria_weight', sql`${table.weight} > 0`)],
);

/** The selection committee of a call. */
export const callCommitteeMembers = pgTable(
  'call_committee_members',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.callId, table.userId] })],
);

/**
 * An application to a call. Started without an account (the draft is reached with a secret token kept
 * by the applicant's browser); the account is created on submission.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    /** Human reference shown to the applicant and the committee, unique across the network (e.g. 2026-0042); '' while a draft. */
    reference: text('reference').notNull().default(''),
    status: text('status', { enum: applicationStatuses }).notNull().default('draft'),
    applicantUserId: text('applicant_user_id').references(() => users.id),
    draftTokenHash: text('draft_token_hash'),
    locale: text('locale').notNull().default('fr'),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    companyName: text('company_name').notNull().default(''),
    sector: text('sector', { enum: sectors }),
    stage: text('stage', { enum: companyStages }),
    region: text('region', { enum: regions }),
    creationDate: date('creation_date', { mode: 'string' }),
    ice: text('ice'),
    requiredAreaM2: numeric('required_area_m2', { precision: 10, scale: 2, mode: 'number' }),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    /** What the automatic eligibility check found at submission (message keys with parameters). */
    eligibilityProblems: jsonb('eligibility_problems').$type<{ key: string; params?: Record<string, string> }[]>().notNull().default([]),
    eligibilityNote: text('eligibility_note').notNull().default(''),
    eligibilityCheckedAt: timestamp('eligibility_checked_at', { withTimezone: true }),
    eligibilityCheckedBy: text('eligibility_checked_by').references(() => users.id),
    decision: text('decision', { enum: decisions }),
    decisionReason: text('decision_reason').notNull().default(''),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by').references(() => users.id),
    companyId: uuid('company_id').references(() => companies.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The consent given on submission (Law 09-08): which text version, its words in the reader's language, when. */
    consent: jsonb('consent').$type<GivenConsent>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('applications_reference_unique').on(table.reference).where(sql`${table.reference} <> ''`),
    uniqueIndex('applications_draft_token_unique').on(table.draftTokenHash),
    index('applications_call_status_idx').on(table.callId, table.status),
    index('applications_applicant_idx').on(table.applicantUserId),
  ],
);

/**
 * The last application number given in each year, across the network: references are taken from here under
 * the year's row lock (an upsert), so that two calls never give the same one.
 */
export const applicationReferenceCounters = pgTable('application_reference_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/** Files attached to an application's file questions. */
export const applicationFiles = pgTable(
  'application_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    questionId: text('question_id').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('application_files_application_idx').on(table.applicationId)],
);

/** Which committee member reviews which application; a declared conflict of interest bars scoring and seeing scores. */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    memberUserId: text('member_user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    conflictDeclaredAt: timestamp('conflict_declared_at', { withTimezone: true }),
    conflictReason: text('conflict_reason').notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.applicationId, table.memberUserId] })],
);

/** One member's evaluation of one application: at most one (a second is refused by the database). */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    memberUserId: text('member_user_id')
      .notNull()
      .references(() => users.id),
    comment: text('comment').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('evaluations_member_unique').on(table.applicationId, table.memberUserId)],
);

export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => callCriteria.id),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
  },
  (table) => [primaryKey({ columns: [table.evaluationId, table.criterionId] })],
);

/** Minutes of a committee's deliberation on a call. */
export const deliberations = pgTable(
  'deliberations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendees: jsonb('attendees').$type<string[]>().notNull().default([]),
    minutes: text('minutes').notNull(),
    recordedBy: text('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('deliberations_call_idx').on(table.callId)],
);

/**
 * Admitted companies waiting for a unit in a full park (SPEC §3.3): first come, first served among
 * those whose required area fits the unit that frees up.
 */
export const waitingListEntries = pgTable(
  'waiting_list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    applicationId: uuid('application_id').references(() => applications.id),
    requiredAreaM2: numeric('required_area_m2', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: waitingListStatuses }).notNull().default('waiting'),
    closedOn: date('closed_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('waiting_list_one_open_entry').on(table.parkId, table.companyId).where(sql`${table.status} = 'waiting'`),
    index('waiting_list_park_idx').on(table.parkId, table.status, table.requestedOn),
    check('waiting_list_area_positive', sql`${table.requiredAreaM2} > 0`),
  ],
);
