import { z } from 'zod';
import { applicationStatuses, applicationStatusSchema, callKindSchema, decisionSchema } from './admissions.js';
import { emailSchema, newPasswordSchema } from './auth.js';
import { callPhaseSchema, localizedText, parkRefSchema, publicCallSchema, storedQuestionSchema } from './calls.js';
import { companyStageSchema, companyStages, iceSchema } from './companies.js';
import { fileUploadSchema } from './files.js';
import { isoDateSchema, listQuerySchema, pageSchema, phoneSchema } from './lists.js';
import { regionSchema, regions, sectorSchema, sectors } from './parks.js';

/** Applications: the applicant's side (drafts, files, submission, my applications) and the officer's side (SPEC §3.3). */

// ——— Applications: the applicant's side ———

// A cleared field arrives as '' (or spaces): it means "not given".
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/**
 * A draft as the applicant saves it: what they typed, kept as typed, so that nothing is lost — a field
 * that does not yet follow its rule (an ICE of 14 digits, a malformed e-mail) is saved all the same and
 * reported as a warning while editing, then as a field error on submission. Only what a column cannot
 * hold is refused: a day that is not a day, a choice outside the list, texts past a generous ceiling.
 * Every field is optional (a PATCH changes only what it names; answers are merged question by question,
 * null clears one). `answers` is checked by the server against the call's questions (draftAnswersSchemaFor).
 */
export const applicationDraftBodySchema = z
  .object({
    contactName: z.string().max(1000),
    contactEmail: z.string().trim().max(1000),
    contactPhone: z.string().max(200),
    companyName: z.string().max(1000),
    sector: sectorSchema.nullable(),
    stage: companyStageSchema.nullable(),
    region: regionSchema.nullable(),
    creationDate: isoDateSchema.nullable(),
    ice: z.preprocess(blankToNull, z.string().trim().max(100).nullable()),
    /** Calls for an office (kind residency): the area the company needs (any number the column holds). */
    requiredAreaM2: z.number().gt(-1e8).lt(1e8).nullable(),
    answers: z.record(z.string().max(40), z.unknown()),
  })
  .partial();
export type ApplicationDraftBody = z.input<typeof applicationDraftBodySchema>;

/** The rule each fixed field follows once given: warned about while editing, required to hold on submission. */
const fieldRules = {
  contactName: z.string().trim().max(120),
  contactEmail: z
    .string()
    .trim()
    .max(254)
    .refine((value) => value === '' || z.email().safeParse(value).success, 'validation.email_format'),
  contactPhone: phoneSchema,
  companyName: z.string().trim().max(200),
  creationDate: isoDateSchema.nullable(),
  ice: z.preprocess(blankToNull, iceSchema.nullable()),
  requiredAreaM2: z.number().positive().max(100000).multipleOf(0.01).nullable(),
};

/** What is typed so far, checked against the fields' rules (nothing is required yet): the warnings of a draft. */
export const draftFieldsRulesSchema = z.object(fieldRules).partial();

// A choice not made reads "required", not "expected one of …".
const requiredWhenMissing = (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? 'validation.required' : undefined;

/**
 * The fixed fields a submission must have, each following its rule (the questions' answers are checked with
 * answersSchemaFor). Its output is what the submitted application keeps: trimmed texts, the ICE's digits.
 */
export const submittedFieldsSchema = z.object({
  ...fieldRules,
  contactName: fieldRules.contactName.min(1, 'validation.required'),
  contactEmail: fieldRules.contactEmail.min(1, 'validation.required'),
  companyName: fieldRules.companyName.min(1, 'validation.required'),
  sector: z.enum(sectors, { error: requiredWhenMissing }),
  stage: z.enum(companyStages, { error: requiredWhenMissing }),
  region: z.enum(regions, { error: requiredWhenMissing }),
});

/** Submitting: consent to the processing of one's data (Law 09-08), and an account when not signed in. */
export const submitApplicationBodySchema = z.object({
  consent: z.literal(true, 'validation.consent_required'),
  /** The version of the consent text the person read (`shared/consent.ts`); an outdated one is refused. */
  consentVersion: z.string().max(40),
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
