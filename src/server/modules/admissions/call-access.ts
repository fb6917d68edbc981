import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { AppError, notFound } from '../../platform/errors.js';
import { calls } from './schema.js';

type CallRow = typeof calls.$inferSelect;

/** Program officers and network admins run calls; park managers only read those of their parks. */
export function managesCalls(actor: Actor): boolean {
  return actor.has('network_admin', 'program_officer');
}

/** Which calls (and their applications) the actor may read in the officers' pages: an SQL condition on `calls`. */
export function readableCalls(actor: Actor): SQL | undefined {
  if (managesCalls(actor)) return undefined;
  const parkIds = actor.scopeIds('park', 'park_manager');
  return parkIds.length ? inArray(calls.parkId, parkIds) : sql`false`;
}

export function readsCall(actor: Actor, call: Pick<CallRow, 'parkId'>): boolean {
  if (managesCalls(actor)) return true;
  return call.parkId !== null && actor.scopeIds('park', 'park_manager').includes(call.parkId);
}

/**
 * A call as the officers' pages reach it: 404 when the actor may not read it, 403 when they read it
 * but may not change it. `lock` takes the call's row lock (writes to a call and submissions to it
 * are serialized on it).
 */
export async function callForActor(
  db: Executor,
  actor: Actor,
  callId: string,
  options: { manage?: boolean; lock?: boolean } = {},
): Promise<CallRow> {
  const query = db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row || !readsCall(actor, row)) throw notFound();
  if (options.manage && !managesCalls(actor)) throw new AppError('forbidden');
  return row;
}
