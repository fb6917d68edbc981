import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { grantRole } from '../../platform/grants/service.js';

/**
 * Left only for `admissions/decision-service.ts`, which still imports this file: company membership lives in
 * the companies module now (`grantCompanyRole(ctx, { userId, role, companyId })` from `companies/index.ts`).
 * Delete this file when admissions calls that one.
 */
export async function grantCompanyRole(
  tx: Executor,
  actor: Actor,
  input: { userId: string; role: 'company_admin' | 'company_member'; companyId: string },
) {
  return grantRole({ db: tx, actor }, { userId: input.userId, role: input.role, scopeId: input.companyId });
}
