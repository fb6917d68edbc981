import { eq } from 'drizzle-orm';
import { localToday } from '../../shared/calendar.js';
import { Actor } from '../platform/access.js';
import { auditLog } from '../platform/audit/schema.js';
import { recordAudit } from '../platform/audit/service.js';
import { hashPassword } from '../platform/auth/password.js';
import type { ServiceContext } from '../platform/context.js';
import { type DemoAccount, demoPassword } from '../platform/demo.js';
import type { ModuleDefinition } from '../platform/module.js';

/**
 * Loads the demo network once, in one transaction: every module's demo part in list order. A second start
 * finds the record of the first load (with the accounts it made) and changes nothing.
 */
export async function seedDemoNetwork(ctx: ServiceContext, modules: readonly ModuleDefinition[]) {
  const [loaded] = await ctx.db.select({ after: auditLog.after }).from(auditLog).where(eq(auditLog.action, 'demo.load')).limit(1);
  if (loaded) {
    const recorded = (loaded.after as { accounts?: unknown } | null)?.accounts;
    return { password: demoPassword, accounts: Array.isArray(recorded) ? (recorded as DemoAccount[]) : [] };
  }
  const passwordHash = await hashPassword(demoPassword);
  const today = localToday();
  const accounts: DemoAccount[] = [];
  await ctx.db.transaction(async (tx) => {
    const seedCtx = { ...ctx, db: tx, actor: Actor.anonymous() };
    for (const module of modules) accounts.push(...((await module.demo?.({ ctx: seedCtx, today, passwordHash })) ?? []));
    await recordAudit(tx, seedCtx.actor, {
      action: 'demo.load',
      entityType: 'network',
      entityId: 'demo',
      after: { modules: modules.map((module) => module.name), accounts },
    });
  });
  return { password: demoPassword, accounts };
}
