import type { Locale } from '../../../shared/locales.js';
import type { Executor } from '../../db/database.js';
import { accounts, users } from '../../platform/auth/schema.js';

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
