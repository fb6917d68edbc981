import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { isLocale } from '../../../shared/locales.js';
import type { Database } from '../../db/database.js';
import { Actor } from '../access.js';
import { recordAudit } from '../audit/service.js';
import type { Mailer } from '../mail/service.js';
import { translate } from '../messages.js';
import { hashPassword, verifyPassword } from './password.js';
import { accounts, sessions, users, verifications } from './schema.js';

/** How long a session lives (seconds), and how often its use pushes its end back (read by `session.ts` too). */
export const sessionTimes = { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 };

export type AuthOptions = { db: Database; secret: string; publicUrl: string; production: boolean; mailer: Mailer };

/**
 * better-auth keeps credentials, sessions and reset tokens; our routes call its API directly
 * (its own HTTP handler is not mounted), so every auth endpoint has our contracts and errors.
 */
export function createAuth(options: AuthOptions) {
  return betterAuth({
    secret: options.secret,
    baseURL: options.publicUrl,
    basePath: '/api/v1/auth',
    database: drizzleAdapter(options.db, {
      provider: 'pg',
      usePlural: true,
      schema: { users, sessions, accounts, verifications },
    }),
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, defaultValue: 'fr', input: false },
      },
    },
    session: sessionTimes,
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      password: {
        hash: hashPassword,
        verify: ({ hash, password }) => verifyPassword(hash, password),
      },
      // The password change itself is a write like any other: it goes to the audit log.
      onPasswordReset: async ({ user }) => {
        const actor = new Actor({ id: user.id, name: user.name, email: user.email, locale: 'fr' }, []);
        await recordAudit(options.db, actor, { action: 'password.reset', entityType: 'user', entityId: user.id });
      },
      sendResetPassword: async ({ user, token }) => {
        const stored = (user as { locale?: unknown }).locale;
        const locale = isLocale(stored) ? stored : 'fr';
        const url = `${options.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await options.mailer.queue(options.db, {
          to: user.email,
          subject: translate(locale, 'mail.reset.subject'),
          text: translate(locale, 'mail.reset.body', { name: user.name, url }),
          locale,
          kind: 'password_reset',
          containsSecret: true,
        });
      },
    },
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'technopark',
      useSecureCookies: options.production,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: options.production, path: '/' },
      database: { generateId: () => crypto.randomUUID() },
    },
    telemetry: { enabled: false },
    logger: { disabled: true },
  });
}

export type Auth = ReturnType<typeof createAuth>;
