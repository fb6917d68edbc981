import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gt, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  acceptInvitationBodySchema,
  createInvitationBodySchema,
  Invitation,
  invitationsQuerySchema,
} from '../../../contracts/people.js';
import { scopeTypeOfRole } from '../../../contracts/roles.js';
import { isLocale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import { hashPassword } from '../../platform/auth/password.js';
import { users } from '../../platform/auth/schema.js';
import type { ServiceContext } from '../../platform/context.js';
import { likePattern } from '../../platform/database-errors.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Mailer } from '../../platform/mail/service.js';
import { translate } from '../../platform/messages.js';
import { createAccount } from './accounts.js';
import { scopeName } from './grants.js';
import { invitations, roleAssignments } from './schema.js';
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

async function toInvitation(db: Executor, row: InvitationRow, locale: ServiceContext['locale']): Promise<Invitation> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    scopeId: row.scopeId,
    scopeName: await scopeName(db, row.scopeType, row.scopeId, locale),
    locale: isLocale(row.locale) ? row.locale : 'fr',
    status: statusOf(row),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** One page of invitations, or with `limit` every matching one (exports). */
export async function listInvitations(ctx: ServiceContext, query: z.infer<typeof invitationsQuerySchema>, limit?: number) {
  const now = new Date();
  const conditions: SQL[] = [];
  if (query.status === 'accepted') conditions.push(isNotNull(invitations.acceptedAt));
  if (query.status === 'revoked') conditions.push(isNotNull(invitations.revokedAt));
  if (query.status === 'pending' || query.status === 'expired') {
    conditions.push(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
    conditions.push(query.status === 'pending' ? gt(invitations.expiresAt, now) : lte(invitations.expiresAt, now));
  }
  if (query.q) conditions.push(sql`(${invitations.email} || ' ' || ${invitations.name}) ilike ${likePattern(query.q)}`);
  const where = conditions.length ? and(...conditions) : undefined;
  const direction = query.order === 'desc' ? desc : asc;
  const column = { createdAt: invitations.createdAt, email: invitations.email, name: invitations.name }[query.sort];
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(invitations)
      .where(where)
      .orderBy(direction(column), asc(invitations.id))
      .limit(limit ?? query.pageSize)
      .offset(limit ? 0 : (query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(invitations).where(where),
  ]);
  const items = await Promise.all(rows.map((row) => toInvitation(ctx.db, row, ctx.locale)));
  return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
}

export async function createInvitation(
  ctx: ServiceContext,
  mailer: Mailer,
  publicUrl: string,
  input: z.infer<typeof createInvitationBodySchema>,
): Promise<Invitation> {
  const token = randomBytes(32).toString('base64url');
  const row = await ctx.db.transaction(async (tx) => {
    await checkScope(tx, input.role, input.scopeId);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new AppError('email_taken');
    const [created] = await tx
      .insert(invitations)
      .values({
        ...input,
        scopeType: scopeTypeOfRole[input.role],
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + invitationLifetimeMs),
        invitedBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'invitation.create', entityType: 'invitation', entityId: created.id, after: created });
    await mailer.send(tx, {
      to: input.email,
      subject: translate(input.locale, 'mail.invitation.subject'),
      text: translate(input.locale, 'mail.invitation.body', {
        name: input.name,
        inviter: ctx.actor.user?.name ?? 'Technopark',
        role: translate(input.locale, `role.${input.role}`),
        url: `${publicUrl}/invitation?token=${token}`,
      }),
      locale: input.locale,
      kind: 'invitation',
      containsSecret: true,
    });
    return created;
  });
  return toInvitation(ctx.db, row, ctx.locale);
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
    scopeName: await scopeName(ctx.db, row.scopeType, row.scopeId, ctx.locale),
    locale: isLocale(row.locale) ? row.locale : 'fr',
  };
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
    const user = await createAccount(tx, {
      name: input.name,
      email: invitation.email,
      locale: isLocale(invitation.locale) ? invitation.locale : 'fr',
      passwordHash,
    });
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
