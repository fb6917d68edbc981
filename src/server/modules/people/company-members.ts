import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import { roleAssignments } from './schema.js';

export type CompanyRole = 'company_admin' | 'company_member';

/**
 * Gives a person a role in a company, inside the caller's transaction (an admission makes the applicant
 * the admin of their new company; a company admin adds members). Holding it already is not an error.
 */
export async function grantCompanyRole(tx: Executor, actor: Actor, input: { userId: string; role: CompanyRole; companyId: string }) {
  const [row] = await tx
    .insert(roleAssignments)
    .values({ userId: input.userId, role: input.role, scopeType: 'company', scopeId: input.companyId, createdBy: actor.user?.id ?? null })
    .onConflictDoNothing()
    .returning();
  if (row) await recordAudit(tx, actor, { action: 'role.grant', entityType: 'user', entityId: input.userId, after: row });
  return row ?? null;
}

/** The people holding a role in a company. */
export async function companyRoleHolders(db: Executor, companyId: string) {
  return db
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, grantId: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.scopeType, 'company'), eq(roleAssignments.scopeId, companyId)));
}
