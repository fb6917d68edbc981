import { z } from 'zod';
import { isoDateSchema, listQuerySchema, pageSchema } from './lists.js';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = listQuerySchema(['at']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  actorUserId: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export const auditPageSchema = pageSchema(auditEntrySchema);

export const outboundEmailSchema = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  text: z.string(),
  locale: z.string(),
  kind: z.string(),
  status: z.enum(['outbox', 'sent', 'failed']),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const outboxPageSchema = pageSchema(outboundEmailSchema);

export const outboxStatuses = ['outbox', 'sent', 'failed'] as const;
export const outboxQuerySchema = listQuerySchema(['createdAt', 'toAddress']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  status: z.enum(outboxStatuses).optional(),
  kind: z.string().max(64).optional(),
});
export type OutboundEmail = z.infer<typeof outboundEmailSchema>;
