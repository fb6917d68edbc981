import { z } from 'zod';
import { localizedTextSchema } from '../shared/localized-text-schemas.js';
import {
  applicationStatuses,
  callKindSchema,
  criterionInputSchema,
  type Question,
  questionKindSchema,
  questionSchema,
} from './admissions.js';

import { companyStageSchema, companyStages } from './companies.js';

import { listQuerySchema, pageSchema } from './lists.js';
import { regionSchema, regions, sectorSchema, sectors } from './parks.js';

/**
 * Calls for applications (SPEC §3.3). Applications: contracts/applications.ts; committee review,
 * scores and decisions: contracts/reviews.ts. The answers of an application are checked against its
 * call's questions by `answersSchemaFor` (shared/application-answers.ts), on both sides.
 */

/** A text in three languages as stored: French always, Arabic and English when given. */
export const localizedText = z.object({ fr: z.string(), ar: z.string().optional(), en: z.string().optional() });

/** Where a call stands for applicants, by the server's clock. */
export const callPhases = ['upcoming', 'open', 'closed'] as const;
export const callPhaseSchema = z.enum(callPhases);
export type CallPhase = z.infer<typeof callPhaseSchema>;

const callSlugSchema = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'validation.slug_format');

/** An instant with its offset, e.g. 2026-03-31T23:59:00+01:00 (the web sends local Africa/Casablanca time). */
const instantSchema = z.iso.datetime({ offset: true });

export const eligibilitySchema = z.object({
  /** Empty: every sector (same for stages and regions). */
  sectors: z.array(sectorSchema).max(sectors.length),
  stages: z.array(companyStageSchema).max(companyStages.length),
  regions: z.array(regionSchema).max(regions.length),
  /** Companies created more than this many years before submission are not eligible; null: no limit. */
  maxCompanyAgeYears: z.number().int().min(1).max(100).nullable(),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

/** The officer's form: question ids unique, choices with two or more distinct options, numbers with min ≤ max. */
export const questionsSchema = z
  .array(questionSchema)
  .max(60)
  .superRefine((questions, context) => {
    const seen = new Set<string>();
    questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        context.addIssue({ code: 'custom', path: [index, 'id'], message: 'validation.question_id_taken' });
      }
      seen.add(question.id);
      const isChoice = question.kind === 'choice' || question.kind === 'multi_choice';
      if (isChoice && (question.options?.length ?? 0) < 2) {
        context.addIssue({ code: 'custom', path: [index, 'options'], message: 'validation.choice_needs_options' });
      }
      if (isChoice) {
        const values = new Set<string>();
        question.options?.forEach((option, optionIndex) => {
          if (values.has(option.value)) {
            context.addIssue({ code: 'custom', path: [index, 'options', optionIndex, 'value'], message: 'validation.option_value_taken' });
          }
          values.add(option.value);
        });
      }
      if (question.kind === 'number' && question.min !== undefined && question.max !== undefined && question.min > question.max) {
        context.addIssue({ code: 'custom', path: [index, 'max'], message: 'validation.min_above_max' });
      }
    });
  })
  // What does not apply to a kind is dropped, so a stored question never carries stray bounds or options.
  .transform((questions) => questions.map(normalizeQuestion));

function normalizeQuestion(question: Question): Question {
  const { id, kind, label, help, required } = question;
  const base = { id, kind, label, required, ...(help?.fr ? { help } : {}) };
  if (kind === 'choice' || kind === 'multi_choice') return { ...base, options: question.options ?? [] };
  if (kind === 'number') {
    return {
      ...base,
      ...(question.min !== undefined ? { min: question.min } : {}),
      ...(question.max !== undefined ? { max: question.max } : {}),
    };
  }
  if (kind === 'short_text' || kind === 'long_text') return { ...base, ...(question.maxLength ? { maxLength: question.maxLength } : {}) };
  return base;
}

const scaleBound = z.number().int().min(0).max(100);

// Fields carry no defaults: a partial update must never reset what it does not mention.
const callFields = {
  slug: callSlugSchema,
  title: localizedTextSchema(200),
  summary: localizedTextSchema(500),
  description: localizedTextSchema(10000),
  kind: callKindSchema,
  parkId: z.uuid().nullable(),
  opensAt: instantSchema,
  closesAt: instantSchema,
  eligibility: eligibilitySchema,
  questions: questionsSchema,
  criteria: z.array(criterionInputSchema).min(1).max(20),
  scoreMin: scaleBound,
  scoreMax: scaleBound,
  /** Members' weighted scores further apart than this are flagged for discussion. */
  spreadThreshold: z.number().positive().max(100).multipleOf(0.01),
  /** Each must hold the committee_member role (checked by the server). */
  committeeMemberIds: z
    .array(z.string().min(1).max(100))
    .max(30)
    .refine((ids) => new Set(ids).size === ids.length, 'validation.duplicate_member'),
  published: z.boolean(),
};

type DatesAndScale = { opensAt?: string; closesAt?: string; scoreMin?: number; scoreMax?: number };
function checkDatesAndScale(call: DatesAndScale, context: z.RefinementCtx) {
  if (call.opensAt && call.closesAt && new Date(call.closesAt) <= new Date(call.opensAt)) {
    context.addIssue({ code: 'custom', path: ['closesAt'], message: 'validation.closes_before_opens' });
  }
  if (call.scoreMin !== undefined && call.scoreMax !== undefined && call.scoreMax <= call.scoreMin) {
    context.addIssue({ code: 'custom', path: ['scoreMax'], message: 'validation.scale_order' });
  }
}

export const createCallBodySchema = z
  .object({
    ...callFields,
    summary: callFields.summary.optional(),
    description: callFields.description.optional(),
    parkId: callFields.parkId.default(null),
    eligibility: callFields.eligibility.default({ sectors: [], stages: [], regions: [], maxCompanyAgeYears: null }),
    questions: callFields.questions.default([]),
    scoreMin: callFields.scoreMin.default(0),
    scoreMax: callFields.scoreMax.default(5),
    spreadThreshold: callFields.spreadThreshold.default(1.5),
    committeeMemberIds: callFields.committeeMemberIds.default([]),
    published: callFields.published.default(false),
  })
  .superRefine(checkDatesAndScale);
export type CreateCallBody = z.input<typeof createCallBodySchema>;

export const updateCallBodySchema = z.object(callFields).partial().superRefine(checkDatesAndScale);
export type UpdateCallBody = z.input<typeof updateCallBodySchema>;

export const parkRefSchema = z.object({ id: z.uuid(), slug: z.string(), name: localizedText });
const criterionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  label: localizedText,
  description: localizedText.nullable(),
  weight: z.number().int(),
});
export const storedQuestionSchema = z.object({
  id: z.string(),
  kind: questionKindSchema,
  label: localizedText,
  help: localizedText.optional(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: localizedText })).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().optional(),
});

/** What anyone sees of a published call: no committee, no internal settings, no counts. */
export const publicCallSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: localizedText,
  summary: localizedText.nullable(),
  kind: callKindSchema,
  park: parkRefSchema.nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  phase: callPhaseSchema,
});
export type PublicCallSummary = z.infer<typeof publicCallSummarySchema>;

export const publicCallSchema = publicCallSummarySchema.extend({
  description: localizedText.nullable(),
  eligibility: eligibilitySchema,
  questions: z.array(storedQuestionSchema),
  /** The grid is public so that applicants know how they are judged (labels and weights, no scores). */
  criteria: z.array(criterionSchema.pick({ id: true, position: true, label: true, description: true, weight: true })),
});
export type PublicCall = z.infer<typeof publicCallSchema>;

export const publicCallsQuerySchema = listQuerySchema(['phase', 'closesAt', 'opensAt']).extend({
  phase: callPhaseSchema.optional(),
  kind: callKindSchema.optional(),
  parkId: z.uuid().optional(),
});
export const publicCallsPageSchema = pageSchema(publicCallSummarySchema);
export const callSlugParamsSchema = z.object({ slug: z.string().min(1).max(60) });

export const applicationCountsSchema = z.object(
  Object.fromEntries(applicationStatuses.map((status) => [status, z.number().int()])) as Record<
    (typeof applicationStatuses)[number],
    z.ZodNumber
  >,
);
export type ApplicationCounts = z.infer<typeof applicationCountsSchema>;

export const committeeMemberSchema = z.object({ userId: z.string(), name: z.string(), email: z.string() });
export type CommitteeMember = z.infer<typeof committeeMemberSchema>;

/** The officer's view of a call: everything, with the number of applications in each status. */
export const officerCallSummarySchema = publicCallSummarySchema.extend({
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  counts: applicationCountsSchema,
  updatedAt: z.string(),
});
export type OfficerCallSummary = z.infer<typeof officerCallSummarySchema>;

export const officerCallSchema = officerCallSummarySchema.extend({
  description: localizedText.nullable(),
  eligibility: eligibilitySchema,
  questions: z.array(storedQuestionSchema),
  criteria: z.array(criterionSchema),
  scoreMin: z.number().int(),
  scoreMax: z.number().int(),
  spreadThreshold: z.number(),
  committee: z.array(committeeMemberSchema),
  /** False once an application was submitted: the form, grid, scale and kind are then frozen. */
  formEditable: z.boolean(),
  /** Program officers and network admins; park managers read their park's calls. */
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type OfficerCall = z.infer<typeof officerCallSchema>;

export const callsQuerySchema = listQuerySchema(['closesAt', 'opensAt', 'title', 'updatedAt']).extend({
  phase: callPhaseSchema.optional(),
  kind: callKindSchema.optional(),
  parkId: z.uuid().optional(),
  published: z.enum(['true', 'false']).optional(),
});
export const callsPageSchema = pageSchema(officerCallSummarySchema);
export const callParamsSchema = z.object({ callId: z.uuid() });

export const committeeCandidatesSchema = z.object({ items: z.array(committeeMemberSchema) });
