import { z } from 'zod';
import { localizedTextSchema } from '../shared/localized-text-schemas.js';

/**
 * Shapes shared by calls for applications, applications and committee review (SPEC §3.3).
 * Calls and applications: contracts/calls.ts; committee review and decisions: contracts/reviews.ts.
 */

/** What a call selects for: an office in a park, or a support program. */
export const callKinds = ['residency', 'pre_incubation', 'incubation', 'acceleration', 'competition'] as const;
export const callKindSchema = z.enum(callKinds);
export type CallKind = z.infer<typeof callKindSchema>;

export const questionKinds = ['short_text', 'long_text', 'number', 'choice', 'multi_choice', 'file'] as const;
export const questionKindSchema = z.enum(questionKinds);

const keySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'validation.key_format');

/** One question of a call's form; `id` is the stable key of its answer. */
export const questionSchema = z.object({
  id: keySchema,
  kind: questionKindSchema,
  label: localizedTextSchema(300),
  help: localizedTextSchema(1000).optional(),
  required: z.boolean(),
  /** choice and multi_choice: at least two. */
  options: z
    .array(z.object({ value: keySchema, label: localizedTextSchema(200) }))
    .max(30)
    .optional(),
  /** number: bounds; text: maxLength. */
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().int().min(1).max(10000).optional(),
});
export type Question = z.infer<typeof questionSchema>;

/** A weighted criterion of the evaluation grid; every criterion is scored on the call's scale. */
export const criterionInputSchema = z.object({
  label: localizedTextSchema(200),
  description: localizedTextSchema(1000).optional(),
  weight: z.number().int().min(1).max(100),
});

export const applicationStatuses = [
  'draft',
  'submitted',
  'ineligible',
  'under_review',
  'admitted',
  'waitlisted',
  'rejected',
  'withdrawn',
] as const;
export const applicationStatusSchema = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export const decisions = ['admitted', 'waitlisted', 'rejected'] as const;
export const decisionSchema = z.enum(decisions);
export type Decision = z.infer<typeof decisionSchema>;
