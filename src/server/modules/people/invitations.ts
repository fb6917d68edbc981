import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  acceptInvitationBodySchema,
  createInvitationBodySchema,
  Invitation,
  invitationsQuerySchema,
} from '../../../contracts/people.js';
import { type Role, type ScopeType, scopeTypeOfRole } from '../../../contracts/roles.js';
import { isLocale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import { hashPassword } from '../../platform/auth/password.js';
import { users } from '../../platform/auth/schema.js';
import { inTransaction, type ReadContext, type ServiceContext } from '../../platform/context.js';
import { likePattern, violatedUniqueConstraint } from '../../platform/database-errors.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Column } from '../../platform/export.js';
import { roleAssignments } from '../../platform/grants/schema.js';
import { scopeName } from '../../platform/grants/service.js';
import { defineList, selectSource } from '../../platform/lists.js';
import { translate } from '../../platform/messages.js';
import { createAccount } from './accounts.js';
import { invitations } from './schema.js';
import { checkScope } from './service.js';

const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

type InvitationRow = typeof invitations.$inferSelect;

function statusOf(row: InvitationRow, now = new Date()): Invitation['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

async function toInvitation(ctx: ServiceContext, row: InvitationRow): Promise<Invitation> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    scopeId: row.scopeId,
    scopeName: await scopeName(ctx, row.scopeType, row.scopeId),
    locale: isLocale(row.locale) ? row.locale : 'fr',
    status: statusOf(row),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

type InvitationsQuery = z.infer<typeof invitationsQuerySchema>;

function invitationFilters(query: InvitationsQuery): SQL | undefined {
  const now = new Date();
  const conditions: SQL[] = [];
  if (query.status === 'accepted') conditions.push(isNotNull(invitations.acceptedAt));
  if (query.status === 'revoked') conditions.push(isNotNull(invitations.revokedAt));
  if (query.status === 'pending' || query.status === 'expired') {
    conditions.push(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
    conditions.push(query.status === 'pending' ? gt(invitations.expiresAt, now) : lte(invitations.expiresAt, now));
  }
  if (query.q) conditions.push(sql`(${invitations.email} || ' ' || ${invitations.name}) ilike ${likePattern(query.q)}`);
  return conditions.length ? and(...conditions) : undefined;
}

/** Every invitation with its status (pending, accepted, expired, revoked). */
export const invitationList = defineList({
  name: 'invitations',
  source: (ctx, query: InvitationsQuery) => {
    const direction = query.order === 'desc' ? desc : asc;
    const column = { createdAt: invitations.createdAt, email: invitations.email, name: invitations.name }[query.sort];
    return selectSource(ctx.db, () => ctx.db.select().from(invitations).where(invitationFilters(query)).$dynamic(), [
      direction(column),
      asc(invitations.id),
    ]);
  },
  present: (ctx, rows) => Promise.all(rows.map((row) => toInvitation(ctx, row))),
  columns: ({ locale }): Column<Invitation>[] => [
    { header: 'export.user.name', value: (invitation) => invitation.name },
    { header: 'export.user.email', value: (invitation) => invitation.email },
    {
      header: 'export.user.roles',
      value: (invitation) => translate(locale, `role.${invitation.role}`) + (invitation.scopeName ? ` (${invitation.scopeName})` : ''),
    },
    { header: 'export.user.status', value: (invitation) => translate(locale, `invitation.${invitation.status}`) },
    { header: 'export.invitation.expiresAt', kind: 'instant', value: (invitation) => invitation.expiresAt },
  ],
  // Names and e-mails of people invited (most without an account yet): page reads and exports are logged.
  personalData: { entityType: 'invitation' },
});

/**
 * Invites someone by e-mail with a role: the invitation and its e-mail in one transaction (the link is valid 7
 * days). One open invitation per address and scope, held by the database even when many are sent at once; an
 * expired one is closed by the new one.
 */
export async function createInvitation(
  ctx: ServiceContext,
  input: z.infer<typeof createInvitationBodySchema>,
  options: { existingAccount: 'refuse' | 'invite' } = { existingAccount: 'refuse' },
): Promise<Invitation> {
  const token = randomBytes(32).toString('base64url');
  const scopeType = scopeTypeOfRole[input.role];
  const row = await ctx.db
    .transaction(async (tx) => {
      await checkScope(inTransaction(ctx, tx), { role: input.role, scopeId: input.scopeId });
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      // Network admins, who see every account, are told; a company's admins invite without learning it.
      if (existing && options.existingAccount === 'refuse') throw new AppError('email_taken');
      await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(sql`lower(${invitations.email})`, input.email.toLowerCase()),
            eq(invitations.scopeType, scopeType),
            sql`${invitations.scopeId} is not distinct from ${input.scopeId ?? null}`,
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            lte(invitations.expiresAt, new Date()),
          ),
        );
      const [created] = await tx
        .insert(invitations)
        .values({
          ...input,
          scopeType,
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + invitationLifetimeMs),
          invitedBy: ctx.actor.userId,
        })
        .returning();
      await recordAudit(tx, ctx.actor, { action: 'invitation.create', entityType: 'invitation', entityId: created.id, after: created });
      const role = translate(input.locale, `role.${input.role}`);
      const scope = await scopeName({ db: tx, locale: input.locale }, scopeType, created.scopeId);
      await ctx.mailer.queue(tx, {
        to: input.email,
        subject: translate(input.locale, 'mail.invitation.subject'),
        text: translate(input.locale, 'mail.invitation.body', {
          name: input.name,
          inviter: ctx.actor.user?.name ?? 'Technopark',
          role: scope ? translate(input.locale, 'mail.invitation.roleIn', { role, scope }) : role,
          url: `${ctx.publicUrl}/invitation?token=${token}`,
        }),
        locale: input.locale,
        kind: 'invitation',
        containsSecret: true,
      });
      return created;
    })
    .catch((error: unknown) => {
      if (violatedUniqueConstraint(error) === 'invitations_open_per_scope_idx') {
        throw new AppError('conflict', [{ path: 'email', key: 'validation.invitation_pending' }]);
      }
      throw error;
    });
  return toInvitation(ctx, row);
}

export async function revokeInvitation(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(invitations).where(eq(invitations.id, id)).for('update');
    if (!before) throw notFound();
    if (statusOf(before) !== 'pending') throw new AppError('conflict');
    const [after] = await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, id)).returning();
    await recordAudit(tx, ctx.actor, { action: 'invitation.revoke', entityType: 'invitation', entityId: id, before, after });
  });
}

async function pendingInvitation(db: Executor, token: string, lock: boolean): Promise<InvitationRow> {
  const query = db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || statusOf(row) !== 'pending') throw new AppError('invalid_token');
  return row;
}

export async function previewInvitation(ctx: ServiceContext, token: string) {
  const row = await pendingInvitation(ctx.db, token, false);
  return {
    email: row.email,
    name: row.name,
    role: row.role,
    scopeName: await scopeName(ctx, row.scopeType, row.scopeId),
    locale: isLocale(row.locale) ? row.locale : 'fr',
    // Told to the holder of the link only: whether they confirm with their password or choose one.
    hasAccount: (await accountOf(ctx.db, row.email)) !== null,
  };
}

async function accountOf(db: Executor, email: string) {
  const [account] = await db
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return account ?? null;
}

/** The address an invitation was sent to, for the person confirming it with their password (a disabled account may not). */
export async function invitationEmail(ctx: ServiceContext, token: string): Promise<string> {
  const { email } = await pendingInvitation(ctx.db, token, false);
  if ((await accountOf(ctx.db, email))?.disabledAt) throw new AppError('account_disabled');
  return email;
}

/**
 * Someone with an account accepts an invitation sent to their address (they proved it with their password): the
 * invited role is theirs from now on. The invitation is taken under a row lock, so it is accepted once.
 */
export async function joinInvitation(ctx: ServiceContext, input: { token: string; userId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const invitation = await pendingInvitation(tx, input.token, true);
    const account = await accountOf(tx, invitation.email);
    if (!account || account.id !== input.userId) throw new AppError('invalid_token');
    const [held] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, account.id),
          eq(roleAssignments.role, invitation.role),
          sql`${roleAssignments.scopeId} is not distinct from ${invitation.scopeId}`,
        ),
      );
    if (!held) {
      await tx.insert(roleAssignments).values({
        userId: account.id,
        role: invitation.role,
        scopeType: invitation.scopeType,
        scopeId: invitation.scopeId,
        createdBy: invitation.invitedBy,
      });
    }
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    const member = new Actor({ id: account.id, name: account.name, email: account.email, locale: 'fr' }, []);
    await recordAudit(tx, member, {
      action: 'invitation.accept',
      entityType: 'user',
      entityId: account.id,
      after: { role: invitation.role, scopeId: invitation.scopeId, existingAccount: true },
    });
  });
}

/** Creates the account, its password and its role in one transaction; the invitation can be used once. */
export async function acceptInvitation(
  ctx: ServiceContext,
  input: z.infer<typeof acceptInvitationBodySchema>,
): Promise<{ userId: string; email: string }> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const invitation = await pendingInvitation(tx, input.token, true);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    if (existing) throw new AppError('email_taken');
    const user = await createAccount(
      { db: tx },
      {
        name: input.name,
        email: invitation.email,
        locale: isLocale(invitation.locale) ? invitation.locale : 'fr',
        passwordHash,
      },
    );
    const userId = user.id;
    await tx.insert(roleAssignments).values({
      userId,
      role: invitation.role,
      scopeType: invitation.scopeType,
      scopeId: invitation.scopeId,
      createdBy: invitation.invitedBy,
    });
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    const newcomer = new Actor({ id: userId, name: user.name, email: user.email, locale: 'fr' }, []);
    await recordAudit(tx, newcomer, {
      action: 'invitation.accept',
      entityType: 'user',
      entityId: userId,
      after: { user, role: invitation.role, scopeId: invitation.scopeId },
    });
    return { userId, email: user.email };
  });
}

/** One scope (a company, later a partner): its kind and its id. */
export type ScopeRef = { scopeType: ScopeType; scopeId: string };

/** An invitation to one scope as the scope's owner shows it (to its admins, beside its members). */
export type ScopeInvitation = { id: string; email: string; name: string; role: Role; expiresAt: string; createdAt: string };

function toScopeInvitation(row: Pick<InvitationRow, 'id' | 'email' | 'name' | 'role' | 'expiresAt' | 'createdAt'>): ScopeInvitation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The invitation as its scope's owner shows it (what `createInvitation` answered, without its scope's name). */
export function scopeInvitationOf(invitation: Invitation): ScopeInvitation {
  return toScopeInvitation({ ...invitation, expiresAt: new Date(invitation.expiresAt), createdAt: new Date(invitation.createdAt) });
}

function pendingOn(scope: ScopeRef): SQL {
  return and(
    eq(invitations.scopeType, scope.scopeType),
    eq(invitations.scopeId, scope.scopeId),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, new Date()),
  ) as SQL;
}

/** Invitations to a scope that nobody has accepted yet and that are still valid, newest first. */
export async function pendingInvitations(ctx: ReadContext, scope: ScopeRef): Promise<ScopeInvitation[]> {
  const rows = await ctx.db.select().from(invitations).where(pendingOn(scope)).orderBy(desc(invitations.createdAt), desc(invitations.id));
  return rows.map(toScopeInvitation);
}

/** Whether an invitation to this scope is already waiting for this e-mail (in any case). */
export async function hasPendingInvitation(ctx: ReadContext, input: ScopeRef & { email: string }): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(pendingOn(input), eq(sql`lower(${invitations.email})`, input.email.toLowerCase())))
    .limit(1);
  return row !== undefined;
}

/**
 * Withdraws a pending invitation to this scope, in the caller's transaction (`ctx.db`), with its audit record;
 * an invitation to another scope, or no longer pending, is "not found".
 */
export async function revokeInvitationOnScope(ctx: ServiceContext, input: ScopeRef & { invitationId: string }): Promise<void> {
  const [before] = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, input.invitationId), pendingOn(input)))
    .for('update');
  if (!before) throw notFound();
  const [after] = await ctx.db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, before.id)).returning();
  await recordAudit(ctx.db, ctx.actor, { action: 'invitation.revoke', entityType: 'invitation', entityId: before.id, before, after });
}
