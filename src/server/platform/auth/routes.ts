import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { meSchema, passwordResetBodySchema, passwordResetRequestBodySchema, signInBodySchema } from '../../../contracts/auth.js';
import { errorResponseSchema } from '../../../contracts/lists.js';
import { AppError } from '../errors.js';
import { describeActor } from '../grants/service.js';
import type { App, Deps } from '../http.js';
import { createAttemptLimiter } from './attempts.js';
import { users } from './schema.js';
import { actorOfUser, requestHeaders } from './session.js';

/** Passes the session cookie better-auth set on to the browser (sign-in, and sign-in right after an application creates the account). */
export function forwardCookies(from: Headers, reply: FastifyReply): void {
  const cookies = from.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
}

export const passwordResetQueue = 'auth.password-reset';
type PasswordResetJob = { email: string };

function statusOf(error: unknown): number | null {
  const candidate = error as { statusCode?: number; status?: number | string };
  if (typeof candidate.statusCode === 'number') return candidate.statusCode;
  return null;
}

export async function registerAuthRoutes(app: App, deps: Deps) {
  const { auth, db, config } = deps;
  const limit = { max: config.loginRateLimit, timeWindow: '1 minute' };
  const perAccount = createAttemptLimiter({ max: config.loginRateLimit });
  // The account is looked up, and its reset e-mail queued, in the background.
  deps.jobs.register<PasswordResetJob>(passwordResetQueue, async ({ email }) => {
    await auth.api.requestPasswordReset({ body: { email, redirectTo: '/reset-password' } });
  });

  app.post(
    '/auth/sign-in',
    {
      config: { access: 'public', rateLimit: limit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: signInBodySchema,
        response: { 200: meSchema, 401: errorResponseSchema, 403: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      perAccount.attempt(`sign-in:${request.body.email}`);
      const result = await auth.api
        .signInEmail({
          body: { email: request.body.email, password: request.body.password },
          headers: requestHeaders(request),
          returnHeaders: true,
        })
        .catch((error: unknown) => {
          const status = statusOf(error);
          if (status && status >= 400 && status < 500) throw new AppError('invalid_credentials');
          throw error;
        });
      const userId = result.response.user.id;
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (user?.disabledAt) {
        await auth.api.revokeSessions({ headers: sessionHeaders(result.headers) }).catch(() => {});
        throw new AppError('account_disabled');
      }
      forwardCookies(result.headers, reply);
      return describeActor({ db, locale: request.locale, actor: await actorOfUser(db, userId) });
    },
  );

  app.post(
    '/auth/sign-out',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Sign out; ends the session', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.actor.isSignedIn) {
        const result = await auth.api.signOut({ headers: requestHeaders(request), returnHeaders: true });
        forwardCookies(result.headers, reply);
      }
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset-requests',
    {
      config: { access: 'public', rateLimit: limit },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password-reset e-mail (always 202, whether the account exists or not)',
        body: passwordResetRequestBodySchema,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      perAccount.attempt(`reset:${request.body.email}`);
      // Only a job is written, whether the account exists or not: the answer and its time tell nothing.
      await deps.jobs.enqueue<PasswordResetJob>(passwordResetQueue, { email: request.body.email });
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/auth/password-resets',
    {
      config: { access: 'public', rateLimit: limit },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with the token from the reset e-mail',
        body: passwordResetBodySchema,
        response: { 204: z.null(), 400: errorResponseSchema },
      },
    },
    async (request, reply) => {
      try {
        await auth.api.resetPassword({ body: { token: request.body.token, newPassword: request.body.newPassword } });
      } catch (error) {
        const status = statusOf(error);
        if (status && status >= 400 && status < 500) throw new AppError('invalid_token');
        throw error;
      }
      return reply.status(204).send(null);
    },
  );
}

/** Headers carrying the cookie that sign-in just set, to act on that new session. */
function sessionHeaders(setCookieHeaders: Headers): Headers {
  const cookie = setCookieHeaders
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return new Headers({ cookie });
}
