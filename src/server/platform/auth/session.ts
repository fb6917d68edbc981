import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { RoleGrant } from '../../../contracts/roles.js';
import { isLocale } from '../../../shared/locales.js';
import type { Database } from '../../db/database.js';
import { Actor } from '../access.js';
import { loadGrants } from '../grants/service.js';
import { type Auth, sessionTimes } from './auth.js';
import { users } from './schema.js';

export function requestHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The session cookie's name (better-auth's, `__Secure-` prefixed in production), read once per auth instance. */
const cookieNames = new WeakMap<Auth, Promise<string>>();
function sessionCookieName(auth: Auth): Promise<string> {
  let name = cookieNames.get(auth);
  if (!name) {
    name = auth.$context.then((context) => context.authCookies.sessionToken.name);
    cookieNames.set(auth, name);
  }
  return name;
}

/**
 * The session token of a cookie better-auth signed (`token.signature`, HMAC-SHA256 with the auth secret, base64),
 * or null when it is missing or its signature is wrong (a forged cookie never reaches the database).
 */
export function verifiedToken(cookieValue: string | undefined, secret: string): string | null {
  if (!cookieValue) return null;
  const dot = cookieValue.lastIndexOf('.');
  if (dot < 1) return null;
  const token = cookieValue.slice(0, dot);
  const signature = Buffer.from(cookieValue.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}

type SessionActorRow = { id: string; name: string; email: string; locale: string; disabled: boolean; grants: RoleGrant[] };

/**
 * The actor behind the request's session cookie, in one indexed statement: the live session, its account and
 * the account's roles, and (as better-auth does) the session's expiry pushed back once a day while it is used.
 * Anonymous without a valid session or for a disabled account.
 */
export async function resolveActor(auth: Auth, db: Database, request: FastifyRequest): Promise<Actor> {
  const cookie = request.headers.cookie;
  if (!cookie?.includes('technopark.session_token')) return Actor.anonymous();
  const token = verifiedToken(request.cookies[await sessionCookieName(auth)], auth.options.secret as string);
  if (!token) return Actor.anonymous();
  const { expiresIn, updateAge } = sessionTimes;
  const result = await db.execute<SessionActorRow>(sql`
    with live as (select id, user_id, expires_at from sessions where token = ${token} and expires_at > now()),
    refreshed as (
      update sessions set expires_at = now() + make_interval(secs => ${expiresIn}), updated_at = now()
      where id = (select id from live) and (select expires_at from live) <= now() + make_interval(secs => ${expiresIn - updateAge})
      returning id
    )
    select u.id, u.name, u.email, u.locale, u.disabled_at is not null as disabled,
      coalesce((select json_agg(json_build_object('role', r.role, 'scopeType', r.scope_type, 'scopeId', r.scope_id)) from role_assignments r where r.user_id = u.id), '[]'::json) as grants
    from live join users u on u.id = live.user_id`);
  const row = result.rows[0];
  if (!row || row.disabled) return Actor.anonymous();
  return new Actor({ id: row.id, name: row.name, email: row.email, locale: isLocale(row.locale) ? row.locale : 'fr' }, row.grants);
}

export async function actorOfUser(db: Database, userId: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabledAt) return Actor.anonymous();
  const grants = await loadGrants(db, userId);
  return new Actor({ id: user.id, name: user.name, email: user.email, locale: isLocale(user.locale) ? user.locale : 'fr' }, grants);
}
