import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { newPasswordSchema } from '../../contracts/auth.js';
import { readConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open.js';
import { createAccount } from '../modules/people/accounts.js';
import { Actor } from '../platform/access.js';
import { recordAudit } from '../platform/audit/service.js';
import { hashPassword } from '../platform/auth/password.js';
import { users } from '../platform/auth/schema.js';
import { roleAssignments } from '../platform/grants/schema.js';

/**
 * Creates the first network administrator of a production install (no demo data there):
 *   npm run create-admin -- --email admin@example.ma --name "Admin Name"
 * The password comes from ADMIN_PASSWORD or is asked for. Stop the server first when on PGlite.
 */
async function createAdmin() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string', default: 'fr' } },
  });
  if (!values.email || !values.name) throw new Error('usage: npm run create-admin -- --email <e-mail> --name "<full name>"');
  const email = values.email.toLowerCase();
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    // With no terminal (a script, a container) the question would wait forever and end the process as if it worked.
    if (!process.stdin.isTTY) throw new Error('no terminal to ask the password on: set ADMIN_PASSWORD');
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    password = await prompt.question('Password (10 characters or more): ');
    prompt.close();
  }
  if (!newPasswordSchema.safeParse(password).success) throw new Error('the password must have 10 to 128 characters');

  const config = readConfig(process.env);
  const database = await openConfiguredDatabase(config);
  try {
    const passwordHash = await hashPassword(password);
    await database.db.transaction(async (tx) => {
      const [existing] = await tx.select().from(users).where(eq(users.email, email));
      if (existing) throw new Error(`an account already exists for ${email}: give it the role from the admin pages`);
      const locale = values.locale === 'ar' || values.locale === 'en' ? values.locale : 'fr';
      const user = await createAccount({ db: tx }, { name: values.name as string, email, locale, passwordHash });
      await tx.insert(roleAssignments).values({ userId: user.id, role: 'network_admin', scopeType: 'network', scopeId: null });
      const actor = new Actor({ id: user.id, name: user.name, email, locale }, []);
      await recordAudit(tx, actor, {
        action: 'admin.create',
        entityType: 'user',
        entityId: user.id,
        after: { email, role: 'network_admin' },
      });
    });
    console.log(`Network administrator ${email} created.`);
  } finally {
    await database.close();
  }
}

createAdmin().catch((error) => {
  console.error(`create-admin: ${(error as Error).message}`);
  process.exit(1);
});
