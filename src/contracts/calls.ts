import { z } from 'zod';
import { localizedTextSchema } from '../shared/localized-text.js';
import {
  applicationStatuses,
  applicationStatusSchema,
  callKindSchema,
  criterionInputSchema,
  decisionSchema,
  type Question,
  questionKindSchema,
  questionSchema,
} from './admissions.js';
import { emailSchema, newPasswordSchema } from './auth.js';
import { companyStageSchema, companyStages, iceSchema } from './companies.js';
import { fileUploadSchema } from './files.js';
import { isoDateSchema, listQuerySchema, pageSchema, phoneSchema } from './lists.js';
import { regionSchema, regions, sectorSchema, sectors } from './parks.js';

/**
 * Calls for applications and the applicant's side of applications (SPEC §3.3). Committee review,
 * scores and decisions: contracts/reviews.ts. The answers of an application are checked against its
 * call's questions by `answersSchemaFor` (shared/application-answers.ts), on both sides.
 */

const localizedText = z.object({ fr: z.string(), ar: z.string().optional(), en: z.string().optional() });

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

const parkRefSchema = z.object({ id: z.uuid(), slug: z.string(), name: localizedText });
const criterionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  label: localizedText,
  description: localizedText.nullable(),
  weight: z.number().int(),
});
const storedQuestionSchema = z.object({
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

// ——— Applications: the applicant's side ———

/**
 * A draft as the applicant saves it: every field optional (a PATCH changes only what it names; answers
 * are merged question by question, null clears one). Submission then requires the fixed fields and the
 * required answers. `answers` is checked by the server against the call's questions.
 */
export const applicationDraftBodySchema = z
  .object({
    contactName: z.string().trim().max(120),
    contactEmail: z
      .string()
      .trim()
      .max(254)
      .refine((value) => value === '' || z.email().safeParse(value).success, 'validation.email_format'),
    contactPhone: phoneSchema,
    companyName: z.string().trim().max(200),
    sector: sectorSchema.nullable(),
    stage: companyStageSchema.nullable(),
    region: regionSchema.nullable(),
    creationDate: isoDateSchema.nullable(),
    ice: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? null : value), iceSchema.nullable()),
    /** Calls for an office (kind residency): the area the company needs. */
    requiredAreaM2: z.number().positive().max(100000).multipleOf(0.01).nullable(),
    answers: z.record(z.string().max(40), z.unknown()),
  })
  .partial();
export type ApplicationDraftBody = z.input<typeof applicationDraftBodySchema>;

// A choice not made reads "required", not "expected one of …".
const requiredWhenMissing = (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? 'validation.required' : undefined;

/** The fixed fields a submission must have (the questions' answers are checked with answersSchemaFor). */
export const submittedFieldsSchema = z.object({
  contactName: z.string().trim().min(1, 'validation.required').max(120),
  contactEmail: z.string().min(1, 'validation.required'),
  contactPhone: phoneSchema,
  companyName: z.string().trim().min(1, 'validation.required').max(200),
  sector: z.enum(sectors, { error: requiredWhenMissing }),
  stage: z.enum(companyStages, { error: requiredWhenMissing }),
  region: z.enum(regions, { error: requiredWhenMissing }),
  creationDate: isoDateSchema.nullable(),
  ice: z.string().nullable(),
  requiredAreaM2: z.number().positive().nullable(),
});

/** Submitting: consent to the processing of one's data (Law 09-08), and an account when not signed in. */
export const submitApplicationBodySchema = z.object({
  consent: z.literal(true, 'validation.consent_required'),
  account: z
    .object({
      name: z.string().trim().min(1, 'validation.required').max(120),
      email: emailSchema,
      password: newPasswordSchema,
    })
    .optional(),
});
export type SubmitApplicationBody = z.input<typeof submitApplicationBodySchema>;

export const applicationFileSchema = z.object({
  id: z.uuid(),
  questionId: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type ApplicationFile = z.infer<typeof applicationFileSchema>;

export const uploadApplicationFileBodySchema = z.object({ questionId: z.string().min(1).max(40), file: fileUploadSchema });

/** A problem the automatic eligibility check found, worded in the reader's language. */
export const eligibilityProblemSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.string()).optional(),
  message: z.string(),
});
export type EligibilityProblemView = z.infer<typeof eligibilityProblemSchema>;

const applicationFields = {
  id: z.uuid(),
  reference: z.string(),
  status: applicationStatusSchema,
  locale: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  companyName: z.string(),
  sector: sectorSchema.nullable(),
  stage: companyStageSchema.nullable(),
  region: regionSchema.nullable(),
  creationDate: z.string().nullable(),
  ice: z.string().nullable(),
  requiredAreaM2: z.number().nullable(),
  answers: z.record(z.string(), z.unknown()),
  files: z.array(applicationFileSchema),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
};

/**
 * The applicant's view: their answers, their status and, once decided, the decision and its reason;
 * never scores, committee comments or members.
 */
export const applicantApplicationSchema = z.object({
  ...applicationFields,
  call: publicCallSchema,
  /** When the application was found not eligible: the reasons sent to the applicant. */
  ineligibility: z.object({ problems: z.array(eligibilityProblemSchema), note: z.string() }).nullable(),
  decision: decisionSchema.nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Draft: the applicant may still change and submit it (before the deadline). */
  editable: z.boolean(),
  withdrawable: z.boolean(),
  /** Bound to an account (signed-in draft or submitted). */
  hasAccount: z.boolean(),
});
export type ApplicantApplication = z.infer<typeof applicantApplicationSchema>;

/** Starting a draft: the secret token is given once; the browser keeps it and sends it as `x-draft-token`. */
export const startedDraftSchema = z.object({ application: applicantApplicationSchema, draftToken: z.string() });
export type StartedDraft = z.infer<typeof startedDraftSchema>;

export const applicationParamsSchema = z.object({ applicationId: z.uuid() });
export const applicationFileParamsSchema = z.object({ applicationId: z.uuid(), fileId: z.uuid() });

export const myApplicationSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: applicationStatusSchema,
  call: z.object({ id: z.uuid(), slug: z.string(), title: localizedText, closesAt: z.string(), phase: callPhaseSchema }),
  companyName: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  decision: decisionSchema.nullable(),
  decisionReason: z.string().nullable(),
});
export type MyApplication = z.infer<typeof myApplicationSchema>;
export const myApplicationsQuerySchema = listQuerySchema(['updatedAt', 'submittedAt', 'status']).extend({
  status: applicationStatusSchema.optional(),
});
export const myApplicationsPageSchema = pageSchema(myApplicationSchema);

// ——— Applications: the officer's side ———

export const officerApplicationSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: applicationStatusSchema,
  companyName: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  sector: sectorSchema.nullable(),
  stage: companyStageSchema.nullable(),
  region: regionSchema.nullable(),
  creationDate: z.string().nullable(),
  requiredAreaM2: z.number().nullable(),
  submittedAt: z.string().nullable(),
  eligibilityProblemCount: z.number().int(),
  decision: decisionSchema.nullable(),
});
export type OfficerApplicationSummary = z.infer<typeof officerApplicationSummarySchema>;

/** Drafts are the applicant's own until submitted: officers list submitted applications only. */
export const officerApplicationStatuses = applicationStatuses.filter((status) => status !== 'draft');
export const applicationsQuerySchema = listQuerySchema(['reference', 'submittedAt', 'companyName', 'status']).extend({
  status: applicationStatusSchema.exclude(['draft']).optional(),
  sector: sectorSchema.optional(),
  stage: companyStageSchema.optional(),
  region: regionSchema.optional(),
});
export const applicationsPageSchema = pageSchema(officerApplicationSummarySchema);

export const officerApplicationSchema = z.object({
  ...applicationFields,
  call: z.object({
    id: z.uuid(),
    slug: z.string(),
    title: localizedText,
    kind: callKindSchema,
    park: parkRefSchema.nullable(),
    questions: z.array(storedQuestionSchema),
    closesAt: z.string(),
  }),
  applicant: z.object({ userId: z.string(), name: z.string(), email: z.string() }).nullable(),
  eligibilityProblems: z.array(eligibilityProblemSchema),
  eligibilityNote: z.string(),
  eligibilityCheckedAt: z.string().nullable(),
  eligibilityCheckedBy: z.string().nullable(),
  decision: decisionSchema.nullable(),
  decisionReason: z.string(),
  decidedAt: z.string().nullable(),
  /** A program officer or network admin, and the application waits for its eligibility check. */
  canDecideEligibility: z.boolean(),
});
export type OfficerApplication = z.infer<typeof officerApplicationSchema>;

/** Declaring eligible despite automatic problems needs a note; declaring not eligible needs a reason when none was found. */
export const eligibilityDecisionBodySchema = z.object({
  eligible: z.boolean(),
  note: z.string().trim().max(2000).default(''),
});
export type EligibilityDecisionBody = z.input<typeof eligibilityDecisionBodySchema>;
