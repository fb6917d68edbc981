import { desc, eq } from 'drizzle-orm';
import type { Deliberation, DeliberationBody } from '../../../contracts/reviews.js';
import { localToday } from '../../../shared/calendar.js';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit/service.js';
import { users } from '../../platform/auth/schema.js';
import type { ServiceContext } from '../../platform/context.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { callForOfficer } from './review-data.js';
import { deliberations } from './schema.js';

/** Minutes of a committee's deliberations on a call: recorded by officers, read by whoever reads the ranking. */
export async function listDeliberations(db: Database, actor: Actor, callId: string): Promise<Deliberation[]> {
  await callForOfficer(db, actor, callId);
  const rows = await db
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

export async function recordDeliberation(ctx: ServiceContext, callId: string, body: DeliberationBody): Promise<Deliberation> {
  const id = await ctx.db.transaction(async (tx) => {
    const { canDecide } = await callForOfficer(tx, ctx.actor, callId);
    if (!canDecide) throw new AppError('forbidden');
    if (body.heldOn > localToday()) throw invalidField('heldOn', 'validation.date_in_future');
    const [row] = await tx
      .insert(deliberations)
      .values({ callId, heldOn: body.heldOn, attendees: body.attendees, minutes: body.minutes, recordedBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'deliberation.record', entityType: 'call', entityId: callId, after: row });
    return row.id;
  });
  const all = await listDeliberations(ctx.db, ctx.actor, callId);
  return all.find((deliberation) => deliberation.id === id) as Deliberation;
}
