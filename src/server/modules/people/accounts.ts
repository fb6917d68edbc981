import { eq, sql } from 'drizzle-orm';
import { isLocale, type Locale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import { accounts, users } from '../../platform/auth/schema.js';
import type { ReadContext } from '../../platform/context.js';

/**
 * Creates a person with an e-mail/password credential in better-auth's tables, inside the
 * caller's transaction (better-auth's own sign-up cannot join our transactions).
 */
export async function createAccount(
  tx: Executor,
  input: { name: string; email: string; locale: Locale; passwordHash: string },
): Promise<typeof users.$inferSelect> {
  const id = crypto.randomUUID();
  const [user] = await tx
    .insert(users)
    .values({ id, name: input.name, email: input.email, emailVerified: true, locale: input.locale })
    .returning();
  await tx
    .insert(accounts)
    .values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: input.passwordHash });
  return user;
}

export type Account = { id: string; name: string; email: string; locale: Locale };

/**
 * A person's account by e-mail (e-mails are kept in lower case), e.g. to add them to a company directly.
 * Takes a read context (`{ db }` is enough); a bare database or transaction is still accepted, the form the
 * admissions module calls it in until it passes its context.
 */
export async function findAccountByEmail(ctx: Pick<ReadContext, 'db'> | Executor, email: string): Promise<Account | null> {
  const db = 'db' in ctx ? ctx.db : ctx;
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ? { ...row, locale: isLocale(row.locale) ? row.locale : 'fr' } : null;
}
