import { asc, eq, inArray } from 'drizzle-orm';
import type { Grant } from '../../../contracts/auth.js';
import type { RoleGrant, ScopeType } from '../../../contracts/roles.js';
import type { Locale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import { companyNames } from '../companies/names.js';
import { parkNames } from '../parks/service.js';
import { roleAssignments } from './schema.js';

/**
 * How each kind of scope is named and checked. A capability that owns a kind of scope
 * (companies, partners, merchants) adds its resolver here when it lands; until then no
 * role can be granted on that kind of scope through the API.
 */
const scopeResolvers: Partial<Record<ScopeType, (db: Executor, ids: string[], locale: Locale) => Promise<Map<string, string>>>> = {
  park: parkNames,
  company: companyNames,
};

export function canResolveScope(scopeType: ScopeType): boolean {
  return scopeType === 'network' || scopeResolvers[scopeType] !== undefined;
}

export async function scopeExists(db: Executor, scopeType: ScopeType, id: string): Promise<boolean> {
  const resolver = scopeResolvers[scopeType];
  if (!resolver) return false;
  return (await resolver(db, [id], 'fr')).has(id);
}

export async function loadGrants(db: Executor, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .select({ role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  return rows;
}

/** The grants of several people with the names of their scopes in the reader's language. */
export async function describeGrants(db: Executor, userIds: string[], locale: Locale): Promise<Map<string, Grant[]>> {
  const result = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await db
    .select()
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.createdAt));
  const names = new Map<string, string>();
  for (const scopeType of Object.keys(scopeResolvers) as ScopeType[]) {
    const ids = [...new Set(rows.filter((row) => row.scopeType === scopeType && row.scopeId).map((row) => row.scopeId as string))];
    const resolver = scopeResolvers[scopeType];
    if (resolver && ids.length) for (const [id, name] of await resolver(db, ids, locale)) names.set(id, name);
  }
  for (const row of rows) {
    result.get(row.userId)?.push({
      id: row.id,
      role: row.role,
      scopeType: row.scopeType,
      scopeId: row.scopeId,
      scopeName: row.scopeId ? (names.get(row.scopeId) ?? null) : null,
    });
  }
  return result;
}

export async function scopeName(db: Executor, scopeType: ScopeType, id: string | null, locale: Locale): Promise<string | null> {
  const resolver = scopeResolvers[scopeType];
  if (!id || !resolver) return null;
  return (await resolver(db, [id], locale)).get(id) ?? null;
}
