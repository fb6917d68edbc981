import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { isLocale } from '../../../shared/locales.js';
import type { Database } from '../../db/database.js';
import { Actor } from '../access.js';
import { loadGrants } from '../grants/service.js';
import type { Auth } from './auth.js';
import { users } from './schema.js';

export function requestHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The actor behind the request's session cookie; anonymous without a valid session or for a disabled account. */
export async function resolveActor(auth: Auth, db: Database, request: FastifyRequest): Promise<Actor> {
  if (!request.headers.cookie?.includes('technopark.session_token')) return Actor.anonymous();
  const session = await auth.api.getSession({ headers: requestHeaders(request) });
  if (!session) return Actor.anonymous();
  return actorOfUser(db, session.user.id);
}

export async function actorOfUser(db: Database, userId: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabledAt) return Actor.anonymous();
  const grants = await loadGrants(db, userId);
  return new Actor({ id: user.id, name: user.name, email: user.email, locale: isLocale(user.locale) ? user.locale : 'fr' }, grants);
}
