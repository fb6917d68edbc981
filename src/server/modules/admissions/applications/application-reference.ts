import { and, eq, sql } from 'drizzle-orm';
import { toLocalParts } from '../../../../shared/morocco-time.js';
import type { ReadContext } from '../../../platform/context.js';
import { applications, calls } from '../schema.js';

/** The year of an instant in the park's time zone (a reference submitted on 31 December at 23:30 UTC belongs to the next year). */
function localYear(instant: Date): string {
  return String(toLocalParts(instant).year);
}

/**
 * The next human reference of a call: `<year of submission>-<number within the call>`, e.g. 2026-0007.
 * Takes the call's row lock, so concurrent submissions to one call are numbered one after the other;
 * the unique index (call, reference) is the last guard. Call it inside the submission's transaction.
 */
export async function allocateApplicationReference(
  ctx: Pick<ReadContext, 'db'>,
  { callId, submittedAt }: { callId: string; submittedAt: Date },
): Promise<string> {
  const tx = ctx.db;
  await tx.select({ id: calls.id }).from(calls).where(eq(calls.id, callId)).for('update');
  const [{ highest }] = await tx
    .select({
      highest: sql<number>`coalesce(max(nullif(split_part(${applications.reference}, '-', 2), '')::int), 0)::int`,
    })
    .from(applications)
    .where(and(eq(applications.callId, callId), sql`${applications.reference} ~ '^[0-9]{4}-[0-9]+$'`));
  return `${localYear(submittedAt)}-${String(Number(highest) + 1).padStart(4, '0')}`;
}
