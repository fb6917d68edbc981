import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Grant, Me } from '../../../contracts/auth.js';
import { type Role, type RoleGrant, type ScopeType, scopeTypeOfRole } from '../../../contracts/roles.js';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../access.js';
import { recordAudit } from '../audit/service.js';
import type { ReadContext, ServiceContext } from '../context.js';
import { AppError } from '../errors.js';
import { scopeResolver } from '../scopes.js';
import { roleAssignments } from './schema.js';

/**
 * Role grants: who holds which role on which scope. The access layer reads them for every request; the
 * people pages grant network-wide roles, and the modules that own a kind of scope (a company's members,
 * later a partner's staff) grant roles on their own scopes through these functions.
 */
export type GrantRow = typeof roleAssignments.$inferSelect;

export async function loadGrants(db: Executor, userId: string): Promise<RoleGrant[]> {
  return db
    .select({ role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
}

/** Whether the scope exists, by the resolver of its kind (a kind no module resolves has none). */
export async function scopeExists(ctx: ReadContext, scopeType: ScopeType, id: string): Promise<boolean> {
  const resolver = scopeResolver(scopeType);
  return resolver ? (await resolver.names(ctx, [id])).has(id) : false;
}

export async function scopeName(ctx: ReadContext, scopeType: ScopeType, id: string | null): Promise<string | null> {
  const resolver = scopeResolver(scopeType);
  if (!id || !resolver) return null;
  return (await resolver.names(ctx, [id])).get(id) ?? null;
}

/** The grants of several people with the names of their scopes in the reader's language. */
export async function describeGrants(ctx: ReadContext, userIds: string[]): Promise<Map<string, Grant[]>> {
  const result = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return result;
  const rows = await ctx.db
    .select()
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.createdAt));
  const names = new Map<string, string>();
  const types = new Set(rows.map((row) => row.scopeType));
  for (const scopeType of types) {
    const resolver = scopeResolver(scopeType);
    const ids = [...new Set(rows.filter((row) => row.scopeType === scopeType && row.scopeId).map((row) => row.scopeId as string))];
    if (resolver && ids.length) for (const [id, name] of await resolver.names(ctx, ids)) names.set(id, name);
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

/**
 * Gives a person a role on a scope, in the caller's transaction (`ctx.db`), with its audit record. Holding it
 * already is not an error: the answer is then null.
 */
export async function grantRole(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  input: { userId: string; role: Role; scopeId: string | null },
): Promise<GrantRow | null> {
  const [row] = await ctx.db
    .insert(roleAssignments)
    .values({
      userId: input.userId,
      role: input.role,
      scopeType: scopeTypeOfRole[input.role],
      scopeId: input.scopeId,
      createdBy: ctx.actor.user?.id ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (row) await recordAudit(ctx.db, ctx.actor, { action: 'role.grant', entityType: 'user', entityId: input.userId, after: row });
  return row ?? null;
}

/** The people holding a role on one scope (e.g. a company's admins and members). */
export async function roleHolders(ctx: ServiceContext, input: { scopeType: ScopeType; scopeId: string }) {
  return ctx.db
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, grantId: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.scopeType, input.scopeType), eq(roleAssignments.scopeId, input.scopeId)));
}

/** Takes away a person's roles on a scope (all of them, or all but `keep`), each with its audit record. */
export async function revokeRolesOnScope(
  ctx: ServiceContext,
  input: { userId: string; scopeType: ScopeType; scopeId: string; keep?: Role },
): Promise<GrantRow[]> {
  const conditions = [
    eq(roleAssignments.userId, input.userId),
    eq(roleAssignments.scopeType, input.scopeType),
    eq(roleAssignments.scopeId, input.scopeId),
  ];
  if (input.keep) conditions.push(ne(roleAssignments.role, input.keep));
  const removed = await ctx.db
    .delete(roleAssignments)
    .where(and(...conditions))
    .returning();
  for (const grant of removed) {
    await recordAudit(ctx.db, ctx.actor, { action: 'role.revoke', entityType: 'user', entityId: input.userId, before: grant });
  }
  return removed;
}

/** Who is signed in, with every role and the names of its scopes (the answer of sign-in and of /me). */
export async function describeActor(ctx: ReadContext & { actor: Actor }): Promise<Me> {
  const user = ctx.actor.user;
  if (!user) throw new AppError('unauthenticated');
  const grants = await describeGrants(ctx, [user.id]);
  return { user, grants: grants.get(user.id) ?? [] };
}
