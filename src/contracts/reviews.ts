import { z } from 'zod';
import { applicationStatusSchema, callKindSchema, decisionSchema, questionKindSchema } from './admissions.js';
import { companyStageSchema } from './companies.js';
import { isoDateSchema, listQuerySchema, pageSchema } from './lists.js';
import { regionSchema, sectorSchema } from './parks.js';

/**
 * Committee review, ranking, decisions and the waiting list (SPEC §3.3). A committee member sees the
 * files assigned to them and only their own scores; officers see every member's scores, the aggregate
 * and the ranking; applicants see none of it (their status and decision come with their application).
 */

const localizedText = z.object({ fr: z.string(), ar: z.string().optional(), en: z.string().optional() });

/** Where a member stands on one assigned file. */
export const memberReviewStatuses = ['to_score', 'scored', 'conflict'] as const;
export const memberReviewStatusSchema = z.enum(memberReviewStatuses);
export type MemberReviewStatus = z.infer<typeof memberReviewStatusSchema>;

const commentSchema = z.string().trim().max(4000);

// ——— Committee member ———

export const assignedApplicationSchema = z.object({
  applicationId: z.uuid(),
  reference: z.string(),
  callId: z.uuid(),
  callTitle: localizedText,
  companyName: z.string(),
  sector: sectorSchema.nullable(),
  applicationStatus: applicationStatusSchema,
  myStatus: memberReviewStatusSchema,
  assignedAt: z.string(),
  scoredAt: z.string().nullable(),
});
export type AssignedApplication = z.infer<typeof assignedApplicationSchema>;

export const assignedApplicationsQuerySchema = listQuerySchema(['assignedAt', 'reference', 'companyName', 'call']).extend({
  myStatus: memberReviewStatusSchema.optional(),
  callId: z.uuid().optional(),
});
export const assignedApplicationsPageSchema = pageSchema(assignedApplicationSchema);

export const criterionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  label: localizedText,
  description: localizedText.nullable(),
  weight: z.number().int(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const scoreSchema = z.object({ criterionId: z.uuid(), score: z.number().int(), comment: z.string() });

export const evaluationSchema = z.object({
  submittedAt: z.string(),
  comment: z.string(),
  /** Σ weight·score / Σ weight of this member's scores. */
  weightedScore: z.number().nullable(),
  scores: z.array(scoreSchema),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const reviewFileSchema = z.object({ id: z.uuid(), name: z.string(), mediaType: z.string(), size: z.number().int() });
export type ReviewFile = z.infer<typeof reviewFileSchema>;

/** One answer of the application form, worded in the reader's language. */
export const reviewAnswerSchema = z.object({
  questionId: z.string(),
  kind: questionKindSchema,
  label: localizedText,
  /** The answer as text (choices by their labels); empty when not answered or a file question. */
  text: z.string(),
  files: z.array(reviewFileSchema),
});
export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;

export const callScaleSchema = z.object({
  id: z.uuid(),
  title: localizedText,
  kind: callKindSchema,
  scoreMin: z.number().int(),
  scoreMax: z.number().int(),
});

/** An assigned file as its committee member sees it: never another member's scores nor the aggregate. */
export const memberReviewSchema = z.object({
  applicationId: z.uuid(),
  reference: z.string(),
  applicationStatus: applicationStatusSchema,
  call: callScaleSchema,
  companyName: z.string(),
  sector: sectorSchema.nullable(),
  stage: companyStageSchema.nullable(),
  region: regionSchema.nullable(),
  creationDate: z.string().nullable(),
  requiredAreaM2: z.number().nullable(),
  submittedAt: z.string().nullable(),
  answers: z.array(reviewAnswerSchema),
  criteria: z.array(criterionSchema),
  myStatus: memberReviewStatusSchema,
  conflict: z.object({ declaredAt: z.string(), reason: z.string() }).nullable(),
  myEvaluation: evaluationSchema.nullable(),
  /** Under review, assigned, no conflict, not scored yet. */
  canScore: z.boolean(),
});
export type MemberReview = z.infer<typeof memberReviewSchema>;

export const reviewParamsSchema = z.object({ applicationId: z.uuid() });
export const reviewFileParamsSchema = z.object({ applicationId: z.uuid(), fileId: z.uuid() });

export const conflictBodySchema = z.object({ reason: z.string().trim().min(1, 'validation.required').max(1000) });
export type ConflictBody = z.infer<typeof conflictBodySchema>;

/** Every criterion of the call exactly once, each an integer on the call's scale (checked by the server, which knows the call). */
export const evaluationBodySchema = z.object({
  scores: z
    .array(z.object({ criterionId: z.uuid(), score: z.number().int(), comment: commentSchema.default('') }))
    .min(1)
    .max(50),
  comment: commentSchema.default(''),
});
export type EvaluationBody = z.input<typeof evaluationBodySchema>;

// ——— Officers: ranking, one application's review, assignments, minutes, decisions ———

export const criterionMeanSchema = z.object({ criterionId: z.uuid(), mean: z.number().nullable() });

export const rankingEntrySchema = z.object({
  applicationId: z.uuid(),
  reference: z.string(),
  companyName: z.string(),
  status: applicationStatusSchema,
  decision: decisionSchema.nullable(),
  assignedCount: z.number().int(),
  scoredCount: z.number().int(),
  conflictCount: z.number().int(),
  /** Mean of the members' weighted scores; null until someone without a conflict scored. */
  score: z.number().nullable(),
  criterionMeans: z.array(criterionMeanSchema),
  spread: z.number().nullable(),
  flagged: z.boolean(),
  /** Shared by ties; null when not scored yet. */
  rank: z.number().int().nullable(),
});
export type RankingEntry = z.infer<typeof rankingEntrySchema>;

export const rankingQuerySchema = listQuerySchema(['rank', 'reference', 'companyName', 'spread']).extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(100),
  status: applicationStatusSchema.optional(),
  flagged: z.enum(['true', 'false']).optional(),
});
export type RankingQuery = z.input<typeof rankingQuerySchema>;

export const rankingCallSchema = callScaleSchema.extend({
  parkId: z.uuid().nullable(),
  spreadThreshold: z.number(),
  criteria: z.array(criterionSchema),
  /** Officers decide; a park manager of the call's park reads. */
  canDecide: z.boolean(),
});

/** What the ranking's page shows above its rows: the call, its scale and grid. */
export const rankingHeaderSchema = z.object({ call: rankingCallSchema });
export const rankingSchema = pageSchema(rankingEntrySchema).extend(rankingHeaderSchema.shape);
export type Ranking = z.infer<typeof rankingSchema>;

export const callParamsSchema = z.object({ callId: z.uuid() });

export const memberEvaluationSchema = z.object({
  userId: z.string(),
  name: z.string(),
  assignedAt: z.string(),
  status: memberReviewStatusSchema,
  conflict: z.object({ declaredAt: z.string(), reason: z.string() }).nullable(),
  evaluation: evaluationSchema.nullable(),
});
export type MemberEvaluation = z.infer<typeof memberEvaluationSchema>;

export const applicationReviewSchema = z.object({
  applicationId: z.uuid(),
  reference: z.string(),
  status: applicationStatusSchema,
  companyName: z.string(),
  requiredAreaM2: z.number().nullable(),
  decision: decisionSchema.nullable(),
  decisionReason: z.string(),
  decidedAt: z.string().nullable(),
  companyId: z.uuid().nullable(),
  call: rankingCallSchema,
  members: z.array(memberEvaluationSchema),
  /** The call's committee, for the assignments editor. */
  committee: z.array(z.object({ userId: z.string(), name: z.string() })),
  aggregate: z.object({
    score: z.number().nullable(),
    spread: z.number().nullable(),
    flagged: z.boolean(),
    rank: z.number().int().nullable(),
    criterionMeans: z.array(criterionMeanSchema),
  }),
  /** What the decision form may choose now: under review → any; waitlisted → admitted or rejected; decided → none. */
  allowedDecisions: z.array(decisionSchema),
});
export type ApplicationReview = z.infer<typeof applicationReviewSchema>;

export const assignmentsBodySchema = z.object({ memberUserIds: z.array(z.string().min(1).max(100)).max(50) });
export type AssignmentsBody = z.infer<typeof assignmentsBodySchema>;

const attendeeSchema = z.string().trim().min(1).max(120);

export const deliberationBodySchema = z.object({
  heldOn: isoDateSchema,
  attendees: z.array(attendeeSchema).min(1, 'validation.required').max(50),
  minutes: z.string().trim().min(1, 'validation.required').max(20000),
});
export type DeliberationBody = z.infer<typeof deliberationBodySchema>;

export const deliberationSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  heldOn: z.string(),
  attendees: z.array(z.string()),
  minutes: z.string(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});
export type Deliberation = z.infer<typeof deliberationSchema>;
export const deliberationsSchema = z.object({ items: z.array(deliberationSchema) });

const areaSchema = z.number().positive().max(100000).multipleOf(0.01);

/**
 * A decision on an application. A reason is required for a rejection or a waitlisting (the applicant
 * reads it); the required area and park set the applicant's place on a park's waiting list when admitted
 * to a residency (defaults: the application's area and the call's park).
 */
export const decisionBodySchema = z
  .object({
    decision: decisionSchema,
    reason: z.string().trim().max(2000).default(''),
    requiredAreaM2: areaSchema.nullable().optional(),
    parkId: z.uuid().nullable().optional(),
  })
  .superRefine((body, context) => {
    if (body.decision !== 'admitted' && body.reason === '') {
      context.addIssue({ code: 'custom', path: ['reason'], message: 'validation.decision_reason_required' });
    }
  });
export type DecisionBody = z.input<typeof decisionBodySchema>;

// ——— Waiting list ———

export const waitingListStatuses = ['waiting', 'allocated', 'withdrawn'] as const;
export const waitingListStatusSchema = z.enum(waitingListStatuses);
export type WaitingListStatus = z.infer<typeof waitingListStatusSchema>;

export const waitingListEntrySchema = z.object({
  id: z.uuid(),
  /** First come, first served among the entries still waiting (or fitting the unit asked about); null once closed. */
  position: z.number().int().nullable(),
  companyId: z.uuid(),
  companyName: z.string(),
  applicationId: z.uuid().nullable(),
  applicationReference: z.string().nullable(),
  requiredAreaM2: z.number(),
  requestedOn: z.string(),
  daysWaiting: z.number().int(),
  status: waitingListStatusSchema,
  closedOn: z.string().nullable(),
  note: z.string(),
});
export type WaitingListEntry = z.infer<typeof waitingListEntrySchema>;

export const waitingListQuerySchema = listQuerySchema(['position', 'requiredAreaM2', 'companyName', 'closedOn']).extend({
  status: waitingListStatusSchema.default('waiting'),
  /** Who would get a unit of this many m², in order: entries whose required area fits. */
  fitsAreaM2: z.coerce.number().positive().max(100000).optional(),
});
export type WaitingListQuery = z.input<typeof waitingListQuerySchema>;

/** What a waiting list's page shows above its rows: the park, and whether the reader keeps its list. */
export const waitingListHeaderSchema = z.object({
  park: z.object({ id: z.uuid(), slug: z.string(), name: localizedText }),
  canManage: z.boolean(),
});
export const waitingListPageSchema = pageSchema(waitingListEntrySchema).extend(waitingListHeaderSchema.shape);
export type WaitingListPage = z.infer<typeof waitingListPageSchema>;

export const waitingListParkSummarySchema = z.object({
  parkId: z.uuid(),
  name: z.string(),
  waiting: z.number().int(),
  oldestRequestedOn: z.string().nullable(),
});
export const waitingListParksQuerySchema = listQuerySchema(['name']);
export const waitingListParksSchema = pageSchema(waitingListParkSummarySchema);
export type WaitingListParkSummary = z.infer<typeof waitingListParkSummarySchema>;

export const waitingListEntryParamsSchema = z.object({ id: z.uuid() });

export const allocateBodySchema = z.object({ allocatedOn: isoDateSchema, note: z.string().trim().max(1000).default('') });
export type AllocateBody = z.input<typeof allocateBodySchema>;
export const withdrawBodySchema = z.object({
  withdrawnOn: isoDateSchema,
  note: z.string().trim().min(1, 'validation.required').max(1000),
});
export type WithdrawBody = z.input<typeof withdrawBodySchema>;
