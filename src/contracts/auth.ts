import { z } from 'zod';
import { locales } from '../shared/locales.js';
import { roleSchema, scopeTypeSchema } from './roles.js';

export const localeSchema = z.enum(locales);
export const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());
export const newPasswordSchema = z.string().min(10, 'validation.password_length').max(128);

export const signInBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(128),
});

export const passwordResetRequestBodySchema = z.object({ email: emailSchema });
export const passwordResetBodySchema = z.object({ token: z.string().min(1).max(200), newPassword: newPasswordSchema });

export const grantSchema = z.object({
  id: z.uuid(),
  role: roleSchema,
  scopeType: scopeTypeSchema,
  scopeId: z.uuid().nullable(),
  scopeName: z.string().nullable(),
});
export type Grant = z.infer<typeof grantSchema>;

export const meSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), locale: localeSchema }),
  grants: z.array(grantSchema),
});
export type Me = z.infer<typeof meSchema>;

/** Who is signed in, if anyone: a visitor's session is `{ me: null }` (not a 401). */
export const sessionSchema = z.object({ me: meSchema.nullable() });

export const updateMeBodySchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  locale: localeSchema.optional(),
});
