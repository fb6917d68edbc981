import { sql } from 'drizzle-orm';
import { toLocalParts } from '../../../../shared/morocco-time.js';
import type { ReadContext } from '../../../platform/context.js';
import { applicationReferenceCounters } from '../schema.js';

/** The year of an instant in the park's time zone (a reference submitted on 31 December at 23:30 UTC belongs to the next year). */
function localYear(instant: Date): string {
  return String(toLocalParts(instant).year);
}

/**
 * The next human reference: `<year of submission>-<number within the year, across the network>`, e.g. 2026-0007.
 * The year's counter is taken with an upsert, which holds its row lock until the submission commits: concurrent
 * submissions, to one call or to several, are numbered one after the other; the unique index on the reference is
 * the last guard. Call it inside the submission's transaction.
 */
export async function allocateApplicationReference(ctx: Pick<ReadContext, 'db'>, { submittedAt }: { submittedAt: Date }): Promise<string> {
  const year = Number(localYear(submittedAt));
  const [counter] = await ctx.db
    .insert(applicationReferenceCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: applicationReferenceCounters.year, set: { last: sql`${applicationReferenceCounters.last} + 1` } })
    .returning({ last: applicationReferenceCounters.last });
  return `${year}-${String(counter.last).padStart(4, '0')}`;
}
