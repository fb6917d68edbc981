import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/access.js';
import type { ReadContext } from '../../../platform/context.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { calls } from '../schema.js';

export type CallRow = typeof calls.$inferSelect;

/**
 * Who may do what with a call and everything under it on the officers' side (its applications, the committee's
 * results, the decisions): program officers and network admins run calls (edit and publish them, decide
 * eligibility, assign members, decide, record the minutes); the park managers of the call's park read them.
 * Nobody else sees a call there (committee members reach the files assigned to them by their assignments).
 */
export type CallRights = { read: boolean; manage: boolean };

/** Program officers and network admins run calls, whichever call it is. */
export function managesCalls(actor: Actor): boolean {
  return actor.has('network_admin', 'program_officer');
}

export function callRights(actor: Actor, call: Pick<CallRow, 'parkId'>): CallRights {
  const manage = managesCalls(actor);
  const managesItsPark = call.parkId !== null && actor.scopeIds('park', 'park_manager').includes(call.parkId);
  return { read: manage || managesItsPark, manage };
}

/** The same rule as an SQL condition on `calls`, for lists; undefined when the actor reads every call. */
export function readableCalls(actor: Actor): SQL | undefined {
  if (managesCalls(actor)) return undefined;
  const parkIds = actor.scopeIds('park', 'park_manager');
  return parkIds.length ? inArray(calls.parkId, parkIds) : sql`false`;
}

/**
 * A call as the officers' side reaches it: "not found" when the actor may not read it (its existence is not
 * disclosed), "forbidden" when they read it but lack the right asked. `lock` takes the call's row lock (writes to
 * a call and submissions to it are serialized on it).
 */
export async function callForActor(
  ctx: ReadContext & { actor: Actor },
  input: { callId: string; right?: keyof CallRights; lock?: boolean },
): Promise<CallRow> {
  const query = ctx.db.select().from(calls).where(eq(calls.id, input.callId)).limit(1);
  const [row] = input.lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  const rights = callRights(ctx.actor, row);
  if (!rights.read) throw notFound();
  if (input.right && !rights[input.right]) throw forbidden();
  return row;
}
