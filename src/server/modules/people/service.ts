import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { grantRoleBodySchema, Person, peopleQuerySchema, updatePersonBodySchema } from '../../../contracts/people.js';
import { type Role, scopeTypeOfRole } from '../../../contracts/roles.js';
import { isLocale, type Locale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import { recordAudit } from '../../platform/audit/service.js';
import { sessions, users } from '../../platform/auth/schema.js';
import { inTransaction, type ServiceContext } from '../../platform/context.js';
import { likePattern } from '../../platform/database-errors.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import type { Column } from '../../platform/export.js';
import { roleAssignments } from '../../platform/grants/schema.js';
import { describeGrants, grantRole, scopeExists } from '../../platform/grants/service.js';
import { defineList, selectSource } from '../../platform/lists.js';
import { translate } from '../../platform/messages.js';
import { recordPersonalDataRead } from '../../platform/personal-data/access-log.js';

type UserRow = typeof users.$inferSelect;

function localeOf(row: UserRow): Locale {
  return isLocale(row.locale) ? row.locale : 'fr';
}

export async function updateMe(ctx: ServiceContext, input: { name?: string; locale?: Locale }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, ctx.actor.userId));
    const [after] = await tx
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(users.id, ctx.actor.userId))
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'user.update_self', entityType: 'user', entityId: after.id, before, after });
  });
}

type PeopleQuery = z.infer<typeof peopleQuerySchema>;

function peopleFilters(query: PeopleQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.status === 'active') conditions.push(isNull(users.disabledAt));
  if (query.status === 'disabled') conditions.push(isNotNull(users.disabledAt));
  if (query.role) {
    conditions.push(
      sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${users.id} and ${roleAssignments.role} = ${query.role})`,
    );
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)) as SQL);
  }
  return conditions.length ? and(...conditions) : undefined;
}

async function toPeople(ctx: ServiceContext, rows: UserRow[]): Promise<Person[]> {
  const grants = await describeGrants(
    ctx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    locale: localeOf(row),
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    grants: grants.get(row.id) ?? [],
  }));
}

/** Everybody with an account and their roles; an export of it is audited (Law 09-08: personal data). */
export const peopleList = defineList({
  name: 'people',
  source: (ctx, query: PeopleQuery) => {
    const direction = query.order === 'desc' ? desc : asc;
    const column = { name: users.name, email: users.email, createdAt: users.createdAt }[query.sort];
    return selectSource(ctx.db, () => ctx.db.select().from(users).where(peopleFilters(query)).$dynamic(), [
      direction(column),
      asc(users.id),
    ]);
  },
  present: (ctx, rows) => toPeople(ctx, rows),
  columns: ({ locale }): Column<Person>[] => [
    { header: 'export.user.name', value: (person) => person.name },
    { header: 'export.user.email', value: (person) => person.email },
    {
      header: 'export.user.roles',
      value: (person) =>
        person.grants.map((grant) => translate(locale, `role.${grant.role}`) + (grant.scopeName ? ` (${grant.scopeName})` : '')).join('; '),
    },
    { header: 'export.user.status', value: (person) => translate(locale, person.disabled ? 'value.disabled' : 'value.active') },
    { header: 'export.user.createdAt', kind: 'date', value: (person) => person.createdAt },
  ],
  personalData: { entityType: 'user', subjects: (_ctx, items) => items.map((person) => person.id) },
});

export async function getPerson(ctx: ServiceContext, id: string): Promise<Person> {
  const [row] = await ctx.db.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound();
  const [person] = await toPeople(ctx, [row]);
  return person;
}

/** Law 09-08: reading someone's personal record is itself recorded. */
export async function viewPerson(ctx: ServiceContext, id: string): Promise<Person> {
  const person = await getPerson(ctx, id);
  await recordPersonalDataRead(ctx, { action: 'person.view', entityType: 'user', entityId: id, subjects: [id] });
  return person;
}

/** Locks the network admins' grants and refuses a change that would leave none active. */
export async function assertNetworkKeepsAnAdmin(
  tx: Executor,
  withoutUserId: string,
  options: { onlyIfHeld?: boolean } = {},
): Promise<void> {
  const remaining = await tx
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, 'network_admin'), isNull(users.disabledAt)))
    .for('update');
  // Erasing a person who is no network admin leaves the network's admins as they are.
  if (options.onlyIfHeld && !remaining.some((row) => row.userId === withoutUserId)) return;
  if (!remaining.some((row) => row.userId !== withoutUserId)) throw new AppError('last_network_admin');
}

/**
 * A company that has an active admin keeps one, whichever page the change comes from (the company's members
 * or these people pages): refuses to take away the admin role of `userId` on these companies (a grant removed,
 * the account disabled) when nobody else holds it there. Locks the companies' admin grants, so that two such
 * changes at once cannot both pass.
 */
export async function assertCompaniesKeepAnAdmin(tx: Executor, userId: string, companyIds: string[]): Promise<void> {
  if (companyIds.length === 0) return;
  const admins = await tx
    .select({ userId: roleAssignments.userId, companyId: roleAssignments.scopeId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, 'company_admin'), inArray(roleAssignments.scopeId, companyIds), isNull(users.disabledAt)))
    .for('update', { of: roleAssignments });
  for (const companyId of companyIds) {
    if (!admins.some((admin) => admin.companyId === companyId && admin.userId !== userId)) throw new AppError('last_admin_of_company');
  }
}

/** The companies where a person holds the admin role. */
export async function companiesAdministeredBy(tx: Executor, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ companyId: roleAssignments.scopeId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, 'company_admin')));
  return rows.flatMap((row) => (row.companyId ? [row.companyId] : []));
}

export async function updatePerson(
  ctx: ServiceContext,
  { id, changes: input }: { id: string; changes: z.infer<typeof updatePersonBodySchema> },
) {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw notFound();
    const disabling = input.disabled === true && before.disabledAt === null;
    if (disabling) {
      await assertNetworkKeepsAnAdmin(tx, id);
      await assertCompaniesKeepAnAdmin(tx, id, await companiesAdministeredBy(tx, id));
    }
    const disabledAt = input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? new Date()) : null;
    const [after] = await tx
      .update(users)
      .set({ name: input.name ?? before.name, disabledAt, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    // A disabled account loses its open sessions at once.
    if (disabling) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, ctx.actor, { action: 'user.update', entityType: 'user', entityId: id, before, after });
  });
  return getPerson(ctx, id);
}

/** Checks that a role is held on the right kind of scope, and that the scope exists. */
export async function checkScope(
  ctx: ServiceContext,
  { role, scopeId, path = 'scopeId' }: { role: Role; scopeId: string | null; path?: string },
) {
  const scopeType = scopeTypeOfRole[role];
  if (scopeType === 'network') {
    if (scopeId !== null) throw invalidField(path, 'validation.scope_not_allowed');
    return;
  }
  if (scopeId === null) throw invalidField(path, 'validation.scope_required', { scope: `scope.${scopeType}` });
  if (!(await scopeExists(ctx, scopeType, scopeId))) {
    throw invalidField(path, 'validation.unknown_scope', { scope: `scope.${scopeType}` });
  }
}

/** A network admin gives a person a role on any scope (the scope must exist). */
export async function grantPersonRole(
  ctx: ServiceContext,
  { userId, grant }: { userId: string; grant: z.infer<typeof grantRoleBodySchema> },
) {
  await ctx.db.transaction(async (tx) => {
    const inTx = inTransaction(ctx, tx);
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound();
    await checkScope(inTx, { role: grant.role, scopeId: grant.scopeId });
    await grantRole(inTx, { userId, role: grant.role, scopeId: grant.scopeId });
  });
  return getPerson(ctx, userId);
}

export async function revokeGrant(ctx: ServiceContext, { userId, grantId }: { userId: string; grantId: string }) {
  await ctx.db.transaction(async (tx) => {
    const [grant] = await tx
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.id, grantId), eq(roleAssignments.userId, userId)))
      .for('update');
    if (!grant) throw notFound();
    if (grant.role === 'network_admin') await assertNetworkKeepsAnAdmin(tx, userId);
    if (grant.role === 'company_admin' && grant.scopeId) await assertCompaniesKeepAnAdmin(tx, userId, [grant.scopeId]);
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, grantId));
    await recordAudit(tx, ctx.actor, { action: 'role.revoke', entityType: 'user', entityId: userId, before: grant });
  });
  return getPerson(ctx, userId);
}
