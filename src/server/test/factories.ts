import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../contracts/roles.js';
import { scopeTypeOfRole } from '../../contracts/roles.js';
import type { Database } from '../db/database.js';
import { buildings, floors, parks, spaces } from '../modules/parks/schema.js';
import { createAccount } from '../modules/people/accounts.js';
import { hashPassword } from '../platform/auth/password.js';
import { roleAssignments } from '../platform/grants/schema.js';
import type { App } from '../platform/http.js';

export const testPassword = 'correct-horse-battery';
export const origin = 'http://localhost:3000';

let sequence = 0;
const next = () => ++sequence;

// One hash for every test person: argon2 is slow on purpose.
let sharedHash: Promise<string> | null = null;

export async function buildPerson(
  db: Database,
  options: { role?: Role; scopeIds?: (string | null)[]; email?: string; name?: string; locale?: 'fr' | 'ar' | 'en' } = {},
) {
  sharedHash ??= hashPassword(testPassword);
  const n = next();
  const email = options.email ?? `person${n}-${Math.random().toString(36).slice(2, 8)}@example.ma`;
  const { id } = await createAccount(
    { db },
    {
      name: options.name ?? `Person ${n}`,
      email,
      locale: options.locale ?? 'fr',
      passwordHash: await sharedHash,
    },
  );
  if (options.role) {
    for (const scopeId of options.scopeIds ?? [null]) {
      await db.insert(roleAssignments).values({ userId: id, role: options.role, scopeType: scopeTypeOfRole[options.role], scopeId });
    }
  }
  return { id, email };
}

export async function signIn(app: App, email: string, password = testPassword): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { origin }, payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return cookieOf(response);
}

export function cookieOf(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  return lines.map((line) => line.split(';')[0]).join('; ');
}

/** A signed-in person holding a role; returns their id and session cookie. */
export async function signedIn(app: App, db: Database, role?: Role, scopeIds?: (string | null)[]) {
  const person = await buildPerson(db, { role, scopeIds });
  return { ...person, cookie: await signIn(app, person.email) };
}

/** An HTTP client bound to one session (or none), sending JSON from our own origin. */
export function client(app: App, cookie?: string, locale = 'fr') {
  const send = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { origin, 'accept-language': locale, ...(cookie ? { cookie } : {}) },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload: unknown = {}) => send('POST', url, payload),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    delete: (url: string) => send('DELETE', url),
  };
}

export async function buildPark(db: Database, overrides: Partial<typeof parks.$inferInsert> = {}) {
  const n = next();
  const [park] = await db
    .insert(parks)
    .values({
      slug: `park-${n}`,
      name: { fr: `Parc ${n}`, ar: `حديقة ${n}`, en: `Park ${n}` },
      city: { fr: `Ville ${n}` },
      region: 'casablanca_settat',
      latitude: 33.5,
      longitude: -7.6,
      status: 'open',
      openingDate: '2010-01-01',
      ...overrides,
    })
    .returning();
  return park;
}

export async function buildFloor(db: Database, parkId: string) {
  const n = next();
  const [building] = await db
    .insert(buildings)
    .values({ parkId, code: `B${n}`, name: { fr: `Bâtiment ${n}` } })
    .returning();
  const [floor] = await db.insert(floors).values({ buildingId: building.id, level: 0, name: 'RDC' }).returning();
  return { building, floor };
}

export async function buildSpace(db: Database, parkId: string, floorId: string, overrides: Partial<typeof spaces.$inferInsert> = {}) {
  const n = next();
  const [space] = await db
    .insert(spaces)
    .values({ parkId, floorId, code: `S-${n}`, name: { fr: `Bureau ${n}` }, kind: 'office', areaM2: 20, leasable: true, ...overrides })
    .returning();
  return space;
}
