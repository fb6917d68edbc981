import { eq, inArray } from 'drizzle-orm';
import { isLocale, type Locale } from '../../../../shared/locales.js';
import type { Database } from '../../../db/database.js';
import { Actor } from '../../../platform/access.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { actorOfUser } from '../../../platform/auth/session.js';
import type { ReadContext, ServiceContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { mayReadImport } from '../access.js';
import { companies, companyImports } from '../schema.js';
import type { ImportProblemRecord } from './import-problems.js';
import type { ImportedCompany } from './import-rows.js';

/** An import's record as the services and the background steps (import-check.ts, import-run.ts) share it, and its limits. */
export type ImportRecord = typeof companyImports.$inferSelect;

/** Progress is committed every so many rows, so that a reader polling the import sees it move. */
export const progressEveryRows = 250;
/** Rows kept to show as the preview of what was understood. */
export const previewRows = 20;
/** Problems kept (and shown, and exported); `problemCount` says how many there were in all. */
export const keptProblems = 2000;

/** An import the actor may read (access.ts), optionally locked for the rest of the transaction. */
export async function visibleImport(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  { id, lock = false }: { id: string; lock?: boolean },
): Promise<ImportRecord> {
  const query = ctx.db.select().from(companyImports).where(eq(companyImports.id, id)).limit(1);
  const [record] = lock ? await query.for('update') : await query;
  // Someone else's import is not disclosed.
  if (!record || !mayReadImport(ctx.actor, record)) throw notFound();
  return record;
}

/** Who a background step acts for: the person who sent (or confirmed) the import, with their roles of now. */
export async function actorOf(db: Database, userId: string | null): Promise<Actor> {
  return userId ? actorOfUser(db, userId) : Actor.anonymous();
}

export const canImport = (actor: Actor) => actor.has('network_admin', 'park_manager');

export const localeOf = (record: ImportRecord): Locale => (isLocale(record.locale) ? record.locale : 'fr');

/** The ICE numbers of this list that a company of the network holds already. */
export async function takenIces(ctx: Pick<ReadContext, 'db'>, ices: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let start = 0; start < ices.length; start += 1000) {
    const slice = ices.slice(start, start + 1000);
    const rows = await ctx.db.select({ ice: companies.ice }).from(companies).where(inArray(companies.ice, slice));
    for (const row of rows) if (row.ice) taken.add(row.ice);
  }
  return taken;
}

/** Marks an import failed with its reasons (nothing imported), unless it has ended already. */
export async function markFailed(db: Database, importId: string, problems: ImportProblemRecord[], actor?: Actor): Promise<void> {
  const [found] = await db
    .select({ by: companyImports.confirmedBy, from: companyImports.createdBy })
    .from(companyImports)
    .where(eq(companyImports.id, importId));
  if (!found) return;
  const who = actor ?? (await actorOf(db, found.by ?? found.from));
  await db.transaction(async (tx) => {
    const [record] = await tx.select().from(companyImports).where(eq(companyImports.id, importId)).for('update');
    if (!record || record.status === 'completed' || record.status === 'failed') return;
    await tx
      .update(companyImports)
      .set({
        status: 'failed',
        importedRows: 0,
        problems: problems.slice(0, keptProblems),
        problemCount: problems.length,
        rows: (record.rows as ImportedCompany[]).slice(0, previewRows),
        updatedAt: new Date(),
        finishedAt: new Date(),
      })
      .where(eq(companyImports.id, importId));
    await recordAudit(tx, who, {
      action: 'company_import.fail',
      entityType: 'company_import',
      entityId: importId,
      after: { problems: problems.slice(0, 20).map((problem) => ({ row: problem.row, key: problem.key })) },
    });
  });
}
