import { and, asc, count, desc, eq, gt, ilike, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CompanyInvitation, CompanyMember, companyMembersQuerySchema } from '../../../contracts/companies.js';
import type { Page } from '../../../contracts/lists.js';
import { isLocale, type Locale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import { users } from '../../platform/auth/schema.js';
import { likePattern } from '../../platform/database-errors.js';
import { notFound } from '../../platform/errors.js';
import { roleAssignments } from '../../platform/grants/schema.js';
import { invitations } from './schema.js';

export type CompanyRole = 'company_admin' | 'company_member';
type MembersQuery = z.infer<typeof companyMembersQuerySchema>;

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

/** Takes away a person's roles in a company (all of them, or all but `keep`), each with its audit record. */
export async function revokeCompanyRoles(tx: Executor, actor: Actor, input: { userId: string; companyId: string; keep?: CompanyRole }) {
  const conditions = [
    eq(roleAssignments.userId, input.userId),
    eq(roleAssignments.scopeType, 'company'),
    eq(roleAssignments.scopeId, input.companyId),
  ];
  if (input.keep) conditions.push(ne(roleAssignments.role, input.keep));
  const removed = await tx
    .delete(roleAssignments)
    .where(and(...conditions))
    .returning();
  for (const grant of removed) {
    await recordAudit(tx, actor, { action: 'role.revoke', entityType: 'user', entityId: input.userId, before: grant });
  }
  return removed;
}

/** A person's account by e-mail (e-mails are kept in lower case), to add them to a company directly. */
export async function findAccountByEmail(db: Executor, email: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ? { ...row, locale: (isLocale(row.locale) ? row.locale : 'fr') as Locale } : null;
}

const isAdmin = sql<boolean>`bool_or(${roleAssignments.role} = 'company_admin')`.mapWith(Boolean);
const since = sql<Date>`min(${roleAssignments.createdAt})`.mapWith(roleAssignments.createdAt);

function membersQuery(db: Executor, companyId: string, query: Pick<MembersQuery, 'q' | 'role'>, userId?: string) {
  const conditions: SQL[] = [eq(roleAssignments.scopeType, 'company'), eq(roleAssignments.scopeId, companyId)];
  if (userId) conditions.push(eq(roleAssignments.userId, userId));
  if (query.q) conditions.push(or(ilike(users.name, likePattern(query.q)), ilike(users.email, likePattern(query.q))) as SQL);
  const base = db
    .select({ userId: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, isAdmin, since })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(...conditions))
    .groupBy(users.id, users.name, users.email, users.disabledAt);
  return query.role ? base.having(query.role === 'company_admin' ? isAdmin : sql`not ${isAdmin}`) : base;
}

type MemberRow = { userId: string; name: string; email: string; disabledAt: Date | null; isAdmin: boolean; since: Date };

function toMember(row: MemberRow): CompanyMember {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.isAdmin ? 'company_admin' : 'company_member',
    since: new Date(row.since).toISOString(),
    disabled: row.disabledAt !== null,
  };
}

/** The members of a company (one row per person; holding the admin role makes one an admin), or with `limit` all of them. */
export async function companyMembersPage(
  db: Executor,
  companyId: string,
  query: MembersQuery,
  limit?: number,
): Promise<Page<CompanyMember>> {
  const direction = query.order === 'desc' ? desc : asc;
  // Sorting by role in ascending order puts the admins first.
  const order =
    query.sort === 'role'
      ? [query.order === 'desc' ? asc(isAdmin) : desc(isAdmin), asc(users.name)]
      : [direction(query.sort === 'email' ? users.email : users.name)];
  const pageSize = limit ?? query.pageSize;
  const rows = await membersQuery(db, companyId, query)
    .orderBy(...order, asc(users.id))
    .limit(pageSize)
    .offset(limit ? 0 : (query.page - 1) * query.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(membersQuery(db, companyId, query).as('members'));
  return { items: rows.map(toMember), total: Number(total), page: query.page, pageSize };
}

export async function companyMember(db: Executor, companyId: string, userId: string): Promise<CompanyMember> {
  const [row] = await membersQuery(db, companyId, {}, userId);
  if (!row) throw notFound();
  return toMember(row);
}

type InvitationRow = typeof invitations.$inferSelect;

function toCompanyInvitation(row: InvitationRow): CompanyInvitation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role === 'company_admin' ? 'company_admin' : 'company_member',
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

function pendingFor(companyId: string): SQL {
  return and(
    eq(invitations.scopeType, 'company'),
    eq(invitations.scopeId, companyId),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, new Date()),
  ) as SQL;
}

/** Invitations to a company that nobody has accepted yet and that are still valid (newest first). */
export async function pendingCompanyInvitations(db: Executor, companyId: string): Promise<CompanyInvitation[]> {
  const rows = await db.select().from(invitations).where(pendingFor(companyId)).orderBy(desc(invitations.createdAt)).limit(100);
  return rows.map(toCompanyInvitation);
}

export async function hasPendingCompanyInvitation(db: Executor, companyId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(pendingFor(companyId), eq(sql`lower(${invitations.email})`, email.toLowerCase())))
    .limit(1);
  return row !== undefined;
}

export async function findCompanyInvitation(db: Executor, invitationId: string): Promise<CompanyInvitation> {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, invitationId)).limit(1);
  if (!row) throw notFound();
  return toCompanyInvitation(row);
}

/** Withdraws a pending invitation to this company (an invitation to another company is "not found"). */
export async function revokeCompanyInvitation(tx: Executor, actor: Actor, companyId: string, invitationId: string): Promise<void> {
  const [before] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), pendingFor(companyId)))
    .for('update');
  if (!before) throw notFound();
  const [after] = await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitationId)).returning();
  await recordAudit(tx, actor, { action: 'invitation.revoke', entityType: 'invitation', entityId: invitationId, before, after });
}
