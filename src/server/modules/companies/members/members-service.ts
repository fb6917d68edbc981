import type {
  CompanyInvitation,
  CompanyMember,
  CompanyRole,
  InviteMemberBody,
  InviteMemberResult,
} from '../../../../contracts/companies.js';
import { inTransaction, type ServiceContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { grantRole, revokeRolesOnScope, roleHolders } from '../../../platform/grants/service.js';
import {
  createInvitation,
  findAccountByEmail,
  hasPendingInvitation,
  pendingInvitations,
  revokeInvitationOnScope,
  type ScopeInvitation,
  scopeInvitationOf,
} from '../../people/index.js';
import { companyForActor } from '../access.js';
import { lockCompany } from '../lifecycle/history.js';
import { companyMember } from './members-list.js';

/**
 * Company membership: roles on the company held through the platform's grants, invitations through the people
 * module's (with the company as their scope). A company that has a company admin keeps one.
 */
const onCompany = (companyId: string) => ({ scopeType: 'company' as const, scopeId: companyId });

/**
 * Gives a person a role in a company, in the caller's transaction (`ctx.db`), with its audit record (an
 * admission makes the applicant the admin of their new company; a company admin adds members). Holding it
 * already is not an error.
 */
export async function grantCompanyRole(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  { userId, role, companyId }: { userId: string; role: CompanyRole; companyId: string },
) {
  return grantRole(ctx, { userId, role, scopeId: companyId });
}

function toCompanyInvitation(invitation: ScopeInvitation): CompanyInvitation {
  return { ...invitation, role: invitation.role === 'company_admin' ? 'company_admin' : 'company_member' };
}

export async function listCompanyInvitations(ctx: ServiceContext, companyId: string): Promise<CompanyInvitation[]> {
  await companyForActor(ctx, { companyId, right: 'manageMembers' });
  return (await pendingInvitations(ctx, onCompany(companyId))).map(toCompanyInvitation);
}

/**
 * Refuses a change that would leave a company that has an admin without one. Called under the company's row
 * lock, so that two admins removing each other at once cannot both succeed.
 */
async function assertKeepsAnAdmin(ctx: ServiceContext, companyId: string, losingAdmin: string): Promise<void> {
  const holders = await roleHolders(ctx, onCompany(companyId));
  const admins = new Set(holders.filter((holder) => holder.role === 'company_admin').map((holder) => holder.userId));
  if (admins.has(losingAdmin) && admins.size === 1) throw new AppError('last_company_admin');
}

/**
 * Invites a person to a company: always an invitation (the people module's, with the company as scope), whether
 * the address has an account or not, and the same answer either way. Nobody is made a member without following
 * the e-mailed link: a newcomer chooses a password, someone with an account confirms with theirs.
 */
export async function inviteCompanyMember(
  ctx: ServiceContext,
  { companyId, invitation: input }: { companyId: string; invitation: InviteMemberBody },
): Promise<InviteMemberResult> {
  await companyForActor(ctx, { companyId, right: 'manageMembers' });
  const account = await findAccountByEmail(ctx, input.email);
  if (account) {
    const holders = await roleHolders(ctx, onCompany(companyId));
    // Already in the company: the admin could see it on the members page anyway.
    if (holders.some((holder) => holder.userId === account.id)) {
      throw new AppError('conflict', [{ path: 'email', key: 'validation.already_member' }]);
    }
  }
  if (await hasPendingInvitation(ctx, { ...onCompany(companyId), email: input.email })) {
    throw new AppError('conflict', [{ path: 'email', key: 'validation.already_invited' }]);
  }
  const invitation = await createInvitation(ctx, { ...input, scopeId: companyId }, { existingAccount: 'invite' });
  return { outcome: 'invited', member: null, invitation: toCompanyInvitation(scopeInvitationOf(invitation)) };
}

/** Makes a member an admin or an admin a member (never the last admin). */
export async function changeCompanyMemberRole(
  ctx: ServiceContext,
  { companyId, userId, role }: { companyId: string; userId: string; role: CompanyRole },
): Promise<CompanyMember> {
  await ctx.db.transaction(async (tx) => {
    const inTx = inTransaction(ctx, tx);
    await companyForActor(inTx, { companyId, right: 'manageMembers' });
    await lockCompany(inTx, companyId);
    const holders = (await roleHolders(inTx, onCompany(companyId))).filter((holder) => holder.userId === userId);
    if (holders.length === 0) throw new AppError('not_found');
    if (role === 'company_member') await assertKeepsAnAdmin(inTx, companyId, userId);
    await grantCompanyRole(inTx, { userId, role, companyId });
    await revokeRolesOnScope(inTx, { userId, ...onCompany(companyId), keep: role });
  });
  return companyMember(ctx, { companyId, userId });
}

/** Takes a person out of a company (every role they hold in it; never the last admin). */
export async function removeCompanyMember(
  ctx: ServiceContext,
  { companyId, userId }: { companyId: string; userId: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const inTx = inTransaction(ctx, tx);
    await companyForActor(inTx, { companyId, right: 'manageMembers' });
    await lockCompany(inTx, companyId);
    await assertKeepsAnAdmin(inTx, companyId, userId);
    const removed = await revokeRolesOnScope(inTx, { userId, ...onCompany(companyId) });
    if (removed.length === 0) throw new AppError('not_found');
  });
}

export async function withdrawCompanyInvitation(
  ctx: ServiceContext,
  { companyId, invitationId }: { companyId: string; invitationId: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const inTx = inTransaction(ctx, tx);
    await companyForActor(inTx, { companyId, right: 'manageMembers' });
    await revokeInvitationOnScope(inTx, { ...onCompany(companyId), invitationId });
  });
}
