import { z } from 'zod';
import { emailSchema, grantSchema, localeSchema, newPasswordSchema } from './auth.js';
import { listQuerySchema, pageSchema } from './lists.js';
import { roleSchema } from './roles.js';

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  locale: localeSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  grants: z.array(grantSchema),
});
export type Person = z.infer<typeof personSchema>;

export const peopleQuerySchema = listQuerySchema(['name', 'email', 'createdAt']).extend({
  role: roleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export const peoplePageSchema = pageSchema(personSchema);

export const updatePersonBodySchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  disabled: z.boolean().optional(),
});

export const grantRoleBodySchema = z.object({
  role: roleSchema,
  scopeId: z.uuid().nullable().default(null),
});

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  scopeId: z.uuid().nullable(),
  scopeName: z.string().nullable(),
  locale: localeSchema,
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationsQuerySchema = listQuerySchema(['createdAt', 'email', 'name']).extend({
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']).optional(),
});
export const invitationsPageSchema = pageSchema(invitationSchema);

export const createInvitationBodySchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  scopeId: z.uuid().nullable().default(null),
  locale: localeSchema.default('fr'),
});

export const invitationPreviewSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  scopeName: z.string().nullable(),
  locale: localeSchema,
  /** The address already has an account: the invitee confirms with their password instead of choosing one. */
  hasAccount: z.boolean(),
});

/** Someone with an account accepts with their password. */
export const joinInvitationBodySchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().min(1).max(128),
});

export const acceptInvitationBodySchema = z.object({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(120),
  password: newPasswordSchema,
});
