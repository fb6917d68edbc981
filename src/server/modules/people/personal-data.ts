import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.js';
import { roleAssignments } from '../../platform/grants/schema.js';
import { translate } from '../../platform/messages.js';
import type { PersonalDataHolder } from '../../platform/personal-data/holders.js';
import { invitations } from './schema.js';
import { assertCompaniesKeepAnAdmin, assertNetworkKeepsAnAdmin, companiesAdministeredBy } from './service.js';

async function emailOf(db: Parameters<PersonalDataHolder['collect']>[0]['db'], userId: string): Promise<string | null> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return user?.email ?? null;
}

/**
 * People hold the person's invitations (sent to their address) and their roles: the export lists the
 * invitations; erasure takes the roles away (the network and each company keep an admin) and retires the
 * invitations' name and address.
 */
export const peoplePersonalData: PersonalDataHolder = {
  async collect(ctx, userId) {
    const email = await emailOf(ctx.db, userId);
    if (!email) return [];
    const rows = await ctx.db
      .select()
      .from(invitations)
      .where(eq(sql`lower(${invitations.email})`, email.toLowerCase()))
      .orderBy(asc(invitations.createdAt));
    return [
      {
        title: 'privacy.section.invitations',
        columns: [
          { key: 'name', header: 'privacy.field.name' },
          { key: 'email', header: 'privacy.field.email' },
          { key: 'role', header: 'privacy.field.role' },
          { key: 'createdAt', header: 'privacy.field.createdAt' },
          { key: 'acceptedAt', header: 'privacy.field.acceptedAt' },
        ],
        rows: rows.map((row) => ({
          name: row.name,
          email: row.email,
          role: translate(ctx.locale, `role.${row.role}`),
          createdAt: row.createdAt.toISOString(),
          acceptedAt: row.acceptedAt?.toISOString() ?? null,
        })),
      },
    ];
  },
  async erase(ctx, userId) {
    const email = await emailOf(ctx.db, userId);
    await assertNetworkKeepsAnAdmin(ctx.db, userId, { onlyIfHeld: true });
    await assertCompaniesKeepAnAdmin(ctx.db, userId, await companiesAdministeredBy(ctx.db, userId));
    await ctx.db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
    if (email) {
      const lower = email.toLowerCase();
      const now = new Date();
      await ctx.db
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(sql`lower(${invitations.email})`, lower), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
      await ctx.db
        .update(invitations)
        .set({ name: translate(ctx.locale, 'privacy.erasedName'), email: `erased-${userId}@erased.invalid` })
        .where(eq(sql`lower(${invitations.email})`, lower));
    }
    return [];
  },
};
