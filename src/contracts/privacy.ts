import { z } from 'zod';
import { newPasswordSchema } from './auth.js';
import { listQuerySchema, pageSchema } from './lists.js';

/** Changing one's password: the current one proves it is the person, the other sessions are signed out. */
export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, 'validation.required').max(128),
  newPassword: newPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const personalDataFormatSchema = z.object({ format: z.enum(['json', 'xlsx']).default('json') });

/** One read of the person's data by somebody else (Law 09-08: the person sees who read what, and when). */
export const personalDataReadSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  /** What was read, in the reader's language ("the people list", "your application"). */
  what: z.string(),
});
export type PersonalDataRead = z.infer<typeof personalDataReadSchema>;
export const personalDataReadsQuerySchema = listQuerySchema(['at']).extend({ order: z.enum(['asc', 'desc']).default('desc') });
export const personalDataReadsPageSchema = pageSchema(personalDataReadSchema);

export const erasureRequestStatuses = ['pending', 'completed', 'refused'] as const;
export type ErasureRequestStatus = (typeof erasureRequestStatuses)[number];

export const erasureRequestSchema = z.object({
  id: z.uuid(),
  userId: z.string(),
  requesterName: z.string(),
  requesterEmail: z.string(),
  reason: z.string(),
  status: z.enum(erasureRequestStatuses),
  requestedAt: z.string(),
  processedAt: z.string().nullable(),
  processedByName: z.string().nullable(),
  response: z.string(),
  /** What was kept and why, in the reader's language. */
  kept: z.array(z.string()),
});
export type ErasureRequest = z.infer<typeof erasureRequestSchema>;

export const createErasureRequestBodySchema = z.object({ reason: z.string().trim().max(2000) });
export const myErasureRequestSchema = z.object({ request: erasureRequestSchema.nullable() });

export const erasureRequestsQuerySchema = listQuerySchema(['requestedAt']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  status: z.enum(erasureRequestStatuses).optional(),
});
export const erasureRequestsPageSchema = pageSchema(erasureRequestSchema);

/** Carrying out or refusing a request; a refusal says why (the person reads it). */
export const processErasureBodySchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('complete'), response: z.string().trim().max(2000) }),
  z.object({ outcome: z.literal('refuse'), response: z.string().trim().min(1, 'validation.required').max(2000) }),
]);
export type ProcessErasureBody = z.infer<typeof processErasureBodySchema>;
