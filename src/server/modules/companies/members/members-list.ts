import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { CompanyMember, companyMembersQuerySchema } from '../../../../contracts/companies.js';
import { isLocale, type Locale } from '../../../../shared/locales.js';
import type { Executor } from '../../../db/database.js';
import { users } from '../../../platform/auth/schema.js';
import type { ReadContext } from '../../../platform/context.js';
import { likePattern } from '../../../platform/database-errors.js';
import { notFound } from '../../../platform/errors.js';
import type { Column } from '../../../platform/export.js';
import { roleAssignments } from '../../../platform/grants/schema.js';
import { defineList, selectSource } from '../../../platform/lists.js';
import { translate } from '../../../platform/messages.js';
import { companyForActor } from '../access.js';

/**
 * A company's members, read from the platform's role grants on the company and its users: one row per person
 * (holding the admin role makes one an admin), since their first role in it.
 */
type MembersQuery = z.infer<typeof companyMembersQuerySchema>;
export type MembersInput = MembersQuery & { id: string };

const onCompany = (companyId: string) => and(eq(roleAssignments.scopeType, 'company'), eq(roleAssignments.scopeId, companyId)) as SQL;
const isAdmin = sql<boolean>`bool_or(${roleAssignments.role} = 'company_admin')`.mapWith(Boolean);
const since = sql<Date>`min(${roleAssignments.createdAt})`.mapWith(roleAssignments.createdAt);

function membersSelect(ctx: ReadContext, companyId: string, query: Pick<MembersQuery, 'q' | 'role'>, userId?: string) {
  const conditions: SQL[] = [onCompany(companyId)];
  if (userId) conditions.push(eq(roleAssignments.userId, userId));
  if (query.q) conditions.push(or(ilike(users.name, likePattern(query.q)), ilike(users.email, likePattern(query.q))) as SQL);
  const base = ctx.db
    .select({ userId: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, isAdmin, since })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(...conditions))
    .groupBy(users.id, users.name, users.email, users.disabledAt)
    .$dynamic();
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

function memberOrder(query: MembersQuery): SQL[] {
  const direction = query.order === 'desc' ? desc : asc;
  // Sorting by role in ascending order puts the admins first.
  const order =
    query.sort === 'role'
      ? [query.order === 'desc' ? asc(isAdmin) : desc(isAdmin), asc(users.name)]
      : [direction(query.sort === 'email' ? users.email : users.name)];
  return [...order, asc(users.id)];
}

/**
 * The members of a company with their e-mails, for its admins and its park's staff. Reading them is reading
 * personal data (Law 09-08): every page read and every export is recorded, for each member read too.
 */
export const memberList = defineList({
  name: 'company-members',
  source: async (ctx, input: MembersInput) => {
    await companyForActor(ctx, { companyId: input.id, right: 'manageMembers' });
    return selectSource(ctx.db, () => membersSelect(ctx, input.id, input), memberOrder(input));
  },
  present: (_ctx, rows) => rows.map(toMember),
  columns: ({ locale }): Column<CompanyMember>[] => [
    { header: 'export.member.name', value: (member) => member.name },
    { header: 'export.member.email', value: (member) => member.email },
    { header: 'export.member.role', value: (member) => translate(locale, `role.${member.role}`) },
    // The day they joined in the park's time zone (an instant's UTC date is the day before near midnight).
    { header: 'export.member.since', kind: 'date', value: (member) => member.since },
  ],
  personalData: { entityType: 'company', entityId: (input) => input.id, subjects: (_ctx, items) => items.map((member) => member.userId) },
});

/** One member of a company as the list shows them; "not found" when the person holds no role in it. */
export async function companyMember(
  ctx: ReadContext,
  { companyId, userId }: { companyId: string; userId: string },
): Promise<CompanyMember> {
  const [row] = await membersSelect(ctx, companyId, {}, userId);
  if (!row) throw notFound();
  return toMember(row);
}

export type CompanyAdmin = { id: string; name: string; email: string; locale: Locale };

/**
 * How many active company admins the company in `companyId` (a column of the outer query) has, whom a reminder
 * reaches: a scalar subquery, so that a list shows it without a query of its own per page or batch.
 */
export function activeCompanyAdminCount(db: Executor, companyId: SQL | AnyPgColumn): SQL<number> {
  const admins = db
    .select({ total: count() })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.scopeType, 'company'),
        eq(roleAssignments.scopeId, companyId),
        eq(roleAssignments.role, 'company_admin'),
        isNull(users.disabledAt),
      ),
    );
  return sql<number>`(${admins})::int`;
}

/** The active company admins of each of these companies (who reminders are sent to), in one query. */
export async function activeCompanyAdmins(ctx: ReadContext, companyIds: string[]): Promise<Map<string, CompanyAdmin[]>> {
  const result = new Map<string, CompanyAdmin[]>(companyIds.map((id) => [id, []]));
  if (companyIds.length === 0) return result;
  const rows = await ctx.db
    .select({ companyId: roleAssignments.scopeId, id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.scopeType, 'company'),
        inArray(roleAssignments.scopeId, [...new Set(companyIds)]),
        eq(roleAssignments.role, 'company_admin'),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  for (const { companyId, locale, ...admin } of rows) {
    result.get(companyId as string)?.push({ ...admin, locale: isLocale(locale) ? locale : 'fr' });
  }
  return result;
}
