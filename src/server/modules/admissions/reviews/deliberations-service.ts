import { desc, eq } from 'drizzle-orm';
import type { Deliberation, DeliberationBody } from '../../../../contracts/reviews.js';
import { localToday } from '../../../../shared/calendar.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { users } from '../../../platform/auth/schema.js';
import { inTransaction, type ServiceContext } from '../../../platform/context.js';
import { invalidField } from '../../../platform/errors.js';
import { callForActor } from '../calls/access.js';
import { deliberations } from '../schema.js';

/** Minutes of a committee's deliberations on a call: recorded by officers, read by whoever reads the ranking. */
export async function listDeliberations(ctx: ServiceContext, callId: string): Promise<Deliberation[]> {
  await callForActor(ctx, { callId });
  const rows = await ctx.db
    .select({ deliberation: deliberations, recordedByName: users.name })
    .from(deliberations)
    .leftJoin(users, eq(users.id, deliberations.recordedBy))
    .where(eq(deliberations.callId, callId))
    .orderBy(desc(deliberations.heldOn), desc(deliberations.recordedAt));
  return rows.map(({ deliberation, recordedByName }) => ({
    id: deliberation.id,
    callId: deliberation.callId,
    heldOn: deliberation.heldOn,
    attendees: deliberation.attendees,
    minutes: deliberation.minutes,
    recordedByName,
    recordedAt: deliberation.recordedAt.toISOString(),
  }));
}

export async function recordDeliberation(
  ctx: ServiceContext,
  { callId, deliberation: body }: { callId: string; deliberation: DeliberationBody },
): Promise<Deliberation> {
  const id = await ctx.db.transaction(async (tx) => {
    await callForActor(inTransaction(ctx, tx), { callId, right: 'manage' });
    if (body.heldOn > localToday()) throw invalidField('heldOn', 'validation.date_in_future');
    const [row] = await tx
      .insert(deliberations)
      .values({ callId, heldOn: body.heldOn, attendees: body.attendees, minutes: body.minutes, recordedBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'deliberation.record', entityType: 'call', entityId: callId, after: row });
    return row.id;
  });
  const all = await listDeliberations(ctx, callId);
  return all.find((deliberation) => deliberation.id === id) as Deliberation;
}
