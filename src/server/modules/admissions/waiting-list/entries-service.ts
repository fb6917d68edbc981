import { eq } from 'drizzle-orm';
import type { AllocateBody, WithdrawBody } from '../../../../contracts/reviews.js';
import { localToday } from '../../../../shared/calendar.js';
import { recordAudit } from '../../../platform/audit/service.js';
import type { ServiceContext } from '../../../platform/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../../platform/errors.js';
import { waitingListEntries } from '../schema.js';
import { waitingListRights } from './access.js';

type NewEntry = Omit<typeof waitingListEntries.$inferInsert, 'id' | 'status' | 'closedOn' | 'note' | 'createdAt'>;

/**
 * Puts an admitted company on a park's waiting list, in the caller's transaction; a company already waiting in
 * this park keeps its earlier place (nothing is added). Answers the entry made, if any.
 */
export async function addToWaitingList(ctx: ServiceContext, entry: NewEntry) {
  const [created] = await ctx.db.insert(waitingListEntries).values(entry).onConflictDoNothing().returning();
  if (created) {
    await recordAudit(ctx.db, ctx.actor, {
      action: 'waiting_list.add',
      entityType: 'waiting_list_entry',
      entityId: created.id,
      after: created,
    });
  }
  return created ?? null;
}

/** Closes a waiting entry (allocated a unit, or withdrawn): only a waiting entry, dated between its request and today. */
async function closeEntry(
  ctx: ServiceContext,
  { id, change }: { id: string; change: { status: 'allocated' | 'withdrawn'; closedOn: string; note: string; datePath: string } },
) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(waitingListEntries).where(eq(waitingListEntries.id, id)).for('update');
    if (!before) throw notFound();
    const rights = waitingListRights(ctx.actor, before.parkId);
    if (!rights.read) throw notFound();
    if (!rights.manage) throw forbidden();
    if (before.status !== 'waiting') throw new AppError('not_editable');
    if (change.closedOn > localToday()) throw invalidField(change.datePath, 'validation.date_in_future');
    if (change.closedOn < before.requestedOn) {
      throw invalidField(change.datePath, 'validation.date_before_request', { date: before.requestedOn });
    }
    const [after] = await tx
      .update(waitingListEntries)
      .set({ status: change.status, closedOn: change.closedOn, note: change.note })
      .where(eq(waitingListEntries.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: `waiting_list.${change.status}`,
      entityType: 'waiting_list_entry',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** A unit was allocated to the company: it leaves the queue. */
export async function allocateEntry(ctx: ServiceContext, { id, allocation }: { id: string; allocation: Required<AllocateBody> }) {
  await closeEntry(ctx, {
    id,
    change: { status: 'allocated', closedOn: allocation.allocatedOn, note: allocation.note, datePath: 'allocatedOn' },
  });
}

/** The company no longer waits (the note says why). */
export async function withdrawEntry(ctx: ServiceContext, { id, withdrawal }: { id: string; withdrawal: WithdrawBody }) {
  await closeEntry(ctx, {
    id,
    change: { status: 'withdrawn', closedOn: withdrawal.withdrawnOn, note: withdrawal.note, datePath: 'withdrawnOn' },
  });
}
