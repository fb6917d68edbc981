import { z } from 'zod';
import { isoDateSchema, listQuerySchema, pageSchema } from './lists.js';

export const auditChangeSchema = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export type AuditChange = z.infer<typeof auditChangeSchema>;

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
  /** Who acted, in words: their name and main role, or the platform itself. */
  actorLabel: z.string(),
  /** The kind of record in the reader's language (Space, Company…). */
  typeLabel: z.string(),
  /** The record named: a company's name, a space's code and park, a call's title, a person's name… */
  objectName: z.string(),
  /** The entry as one sentence in the reader's language. */
  sentence: z.string(),
  /** The fields changed, named and valued in words; `before` is null for what a record was created with. */
  changes: z.array(auditChangeSchema),
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

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export const outboundEmailSchema = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  subject: z.string(),
  /** The plain-text body; null for a message carrying a sign-in link (never shown). */
  text: z.string().nullable(),
  locale: z.string(),
  kind: z.string(),
  /** Carries a sign-in link (invitation, password reset): its body is never shown and is erased once sent. */
  containsSecret: z.boolean(),
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  /** When a queued message is tried next. */
  nextAttemptAt: z.string(),
  /** The last attempt's error. */
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const outboxPageSchema = pageSchema(outboundEmailSchema);

export const outboxQuerySchema = listQuerySchema(['createdAt', 'toAddress']).extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  status: z.enum(outboxStatuses).optional(),
  kind: z.string().max(64).optional(),
});

/** Whether mail leaves the platform, and how many messages wait or failed. */
export const mailDeliverySchema = z.object({
  smtpConfigured: z.boolean(),
  waiting: z.number().int(),
  failed: z.number().int(),
});
export type MailDeliveryState = z.infer<typeof mailDeliverySchema>;
export type OutboundEmail = z.infer<typeof outboundEmailSchema>;
