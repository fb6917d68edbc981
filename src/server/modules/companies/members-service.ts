import type { z } from 'zod';
import type {
  CompanyInvitation,
  CompanyMember,
  CompanyRole,
  companyMembersQuerySchema,
  InviteMemberBody,
  InviteMemberResult,
} from '../../../contracts/companies.js';
import type { Page } from '../../../contracts/lists.js';
import type { Executor } from '../../db/database.js';
import { recordAudit } from '../../platform/audit/service.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail/service.js';
import { translate } from '../../platform/messages.js';
import {
  companyMember,
  companyMembersPage,
  companyRoleHolders,
  findAccountByEmail,
  findCompanyInvitation,
  grantCompanyRole,
  hasPendingCompanyInvitation,
  pendingCompanyInvitations,
  revokeCompanyInvitation,
  revokeCompanyRoles,
} from '../people/company-members.js';
import { createInvitation } from '../people/invitations.js';
import { companyForActor } from './access.js';
import { lockCompany } from './lifecycle.js';

type MembersQuery = z.infer<typeof companyMembersQuerySchema>;
export type MailDeps = { mailer: Mailer; publicUrl: string };

/**
 * The members of a company with their e-mails, for its admins and its park's staff. Reading them is
 * reading personal data (Law 09-08): it is recorded like opening a person's record.
 */
export async function listCompanyMembers(
  ctx: ServiceContext,
  companyId: string,
  query: MembersQuery,
  limit?: number,
): Promise<Page<CompanyMember>> {
  await companyForActor(ctx.db, ctx.actor, companyId, 'manageMembers');
  const page = await companyMembersPage(ctx.db, companyId, query, limit);
  await recordAudit(ctx.db, ctx.actor, {
    action: limit ? 'company.members.export' : 'company.members.view',
    entityType: 'company',
    entityId: companyId,
    after: { count: page.items.length },
  });
  return page;
}

export async function listCompanyInvitations(ctx: ServiceContext, companyId: string): Promise<CompanyInvitation[]> {
  await companyForActor(ctx.db, ctx.actor, companyId, 'manageMembers');
  return pendingCompanyInvitations(ctx.db, companyId);
}

/**
 * A company that has a company admin keeps one: refuses a change that would leave none. Called under
 * the company's row lock, so that two admins removing each other at once cannot both succeed.
 */
async function assertKeepsAnAdmin(tx: Executor, companyId: string, losingAdmin: string): Promise<void> {
  const holders = await companyRoleHolders(tx, companyId);
  const admins = new Set(holders.filter((holder) => holder.role === 'company_admin').map((holder) => holder.userId));
  if (admins.has(losingAdmin) && admins.size === 1) throw new AppError('last_company_admin');
}

/**
 * Adds a person to a company. Someone without an account gets an invitation (the people module's, with
 * the company as scope) and chooses a password through the e-mailed link; someone with an account gets
 * the role at once and an e-mail saying so, in their own language.
 */
export async function inviteCompanyMember(
  ctx: ServiceContext,
  mail: MailDeps,
  companyId: string,
  input: InviteMemberBody,
): Promise<InviteMemberResult> {
  const company = await companyForActor(ctx.db, ctx.actor, companyId, 'manageMembers');
  const account = await findAccountByEmail(ctx.db, input.email);
  if (!account) {
    if (await hasPendingCompanyInvitation(ctx.db, companyId, input.email)) {
      throw new AppError('conflict', [{ path: 'email', key: 'validation.already_invited' }]);
    }
    const invitation = await createInvitation(ctx, { ...input, scopeId: companyId });
    return { outcome: 'invited', member: null, invitation: await findCompanyInvitation(ctx.db, invitation.id) };
  }
  await ctx.db.transaction(async (tx) => {
    await lockCompany(tx, companyId);
    const holders = await companyRoleHolders(tx, companyId);
    if (holders.some((holder) => holder.userId === account.id)) {
      throw new AppError('conflict', [{ path: 'email', key: 'validation.already_member' }]);
    }
    await grantCompanyRole(tx, ctx.actor, { userId: account.id, role: input.role, companyId });
    const companyName = company.brandName || company.legalName;
    await mail.mailer.send(tx, {
      to: account.email,
      subject: translate(account.locale, 'mail.companyMemberAdded.subject', { company: companyName }),
      text: translate(account.locale, 'mail.companyMemberAdded.body', {
        name: account.name,
        inviter: ctx.actor.user?.name ?? 'Technopark',
        company: companyName,
        role: translate(account.locale, `role.${input.role}`),
        url: `${mail.publicUrl}/companies/${companyId}`,
      }),
      locale: account.locale,
      kind: 'company_member_added',
    });
  });
  return { outcome: 'granted', member: await companyMember(ctx.db, companyId, account.id), invitation: null };
}

/** Makes a member an admin or an admin a member (never the last admin). */
export async function changeCompanyMemberRole(
  ctx: ServiceContext,
  companyId: string,
  userId: string,
  role: CompanyRole,
): Promise<CompanyMember> {
  await ctx.db.transaction(async (tx) => {
    await companyForActor(tx, ctx.actor, companyId, 'manageMembers');
    await lockCompany(tx, companyId);
    const holders = (await companyRoleHolders(tx, companyId)).filter((holder) => holder.userId === userId);
    if (holders.length === 0) throw new AppError('not_found');
    if (role === 'company_member') await assertKeepsAnAdmin(tx, companyId, userId);
    await grantCompanyRole(tx, ctx.actor, { userId, role, companyId });
    await revokeCompanyRoles(tx, ctx.actor, { userId, companyId, keep: role });
  });
  return companyMember(ctx.db, companyId, userId);
}

/** Takes a person out of a company (every role they hold in it; never the last admin). */
export async function removeCompanyMember(ctx: ServiceContext, companyId: string, userId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await companyForActor(tx, ctx.actor, companyId, 'manageMembers');
    await lockCompany(tx, companyId);
    await assertKeepsAnAdmin(tx, companyId, userId);
    const removed = await revokeCompanyRoles(tx, ctx.actor, { userId, companyId });
    if (removed.length === 0) throw new AppError('not_found');
  });
}

export async function withdrawCompanyInvitation(ctx: ServiceContext, companyId: string, invitationId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await companyForActor(tx, ctx.actor, companyId, 'manageMembers');
    await revokeCompanyInvitation(tx, ctx.actor, companyId, invitationId);
  });
}
