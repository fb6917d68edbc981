import { inArray } from 'drizzle-orm';
import type { StatusEvent, TransitionBody } from '../../../../contracts/companies.js';
import { users } from '../../../platform/auth/schema.js';
import type { ReadContext, ServiceContext } from '../../../platform/context.js';
import { parkNames } from '../../parks/index.js';
import { companyForActor } from '../access.js';
import { onFields, recordStatusChange, statusHistory } from './history.js';

/** A company's history as people read it, oldest first: who recorded each step, and the park it was in then. */
export async function historyOf(ctx: ReadContext, companyId: string): Promise<StatusEvent[]> {
  return (await historyAndParks(ctx, companyId, [])).history;
}

/** The history and the names of its parks and of `alsoParks` (the company's own), read in one query. */
export async function historyAndParks(
  ctx: ReadContext,
  companyId: string,
  alsoParks: string[],
): Promise<{ history: StatusEvent[]; parkNames: Map<string, string> }> {
  const events = await statusHistory(ctx, companyId);
  const recorderIds = [...new Set(events.map((event) => event.recordedBy).filter((id): id is string => id !== null))];
  const recorders = recorderIds.length
    ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, recorderIds))
    : [];
  const names = new Map(recorders.map((user) => [user.id, user.name]));
  const parkIds = [...new Set([...alsoParks, ...events.map((event) => event.parkId).filter((id): id is string => id !== null)])];
  const parkNamesById = await parkNames(ctx, parkIds);
  const history = events.map((event) => ({
    id: event.id,
    status: event.status,
    effectiveDate: event.effectiveDate,
    reason: event.reason,
    source: event.source,
    parkId: event.parkId,
    parkName: event.parkId ? (parkNamesById.get(event.parkId) ?? null) : null,
    recordedBy: event.recordedBy ? { id: event.recordedBy, name: names.get(event.recordedBy) ?? '' } : null,
    recordedAt: event.recordedAt.toISOString(),
  }));
  return { history, parkNames: parkNamesById };
}

/** A company's history, oldest first, for those who may read the company. */
export async function getCompanyHistory(ctx: ServiceContext, companyId: string): Promise<StatusEvent[]> {
  await companyForActor(ctx, { companyId, right: 'read' });
  return historyOf(ctx, companyId);
}

/** Records a change of status (park staff only): checked against the current status and date, under the row lock. */
export async function recordCompanyTransition(
  ctx: ServiceContext,
  { companyId, transition }: { companyId: string; transition: TransitionBody },
): Promise<StatusEvent> {
  const event = await ctx.db
    .transaction(async (tx) => {
      const inTx = { db: tx, actor: ctx.actor };
      await companyForActor(inTx, { companyId, right: 'recordStatus' });
      return recordStatusChange(inTx, { companyId, step: { ...transition, source: 'manual' } });
    })
    .catch((error) => onFields(error, 'status', ''));
  const history = await historyOf(ctx, companyId);
  return history.find((item) => item.id === event.id) as StatusEvent;
}
