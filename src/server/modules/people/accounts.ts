import { eq, sql } from 'drizzle-orm';
import { isLocale, type Locale } from '../../../shared/locales.js';
import { accounts, users } from '../../platform/auth/schema.js';
import type { DbContext } from '../../platform/context.js';

/**
 * Creates a person with an e-mail/password credential in better-auth's tables, inside the
 * caller's transaction (better-auth's own sign-up cannot join our transactions).
 */
export async function createAccount(
  ctx: DbContext,
  input: { name: string; email: string; locale: Locale; passwordHash: string },
): Promise<typeof users.$inferSelect> {
  const id = crypto.randomUUID();
  const [user] = await ctx.db
    .insert(users)
    .values({ id, name: input.name, email: input.email, emailVerified: true, locale: input.locale })
    .returning();
  await ctx.db
    .insert(accounts)
    .values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: input.passwordHash });
  return user;
}

export type Account = { id: string; name: string; email: string; locale: Locale };

/** A person's account by e-mail (e-mails are kept in lower case), e.g. to add them to a company directly. */
export async function findAccountByEmail(ctx: DbContext, email: string): Promise<Account | null> {
  const [row] = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ? { ...row, locale: isLocale(row.locale) ? row.locale : 'fr' } : null;
}
