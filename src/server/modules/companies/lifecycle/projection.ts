import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { companies, companyStatusEvents, companyStatusSpans } from '../schema.js';

/**
 * The projections of a company's history (`company_status_events` stays the truth): the current status on the
 * company row and the history as intervals (`company_status_spans`). Every history write projects its events in
 * its transaction (`projectNewHistories`, `projectAppended`); `rebuildStatusProjection` recomputes both from the history (bulk loads, repairs), and
 * `statusProjectionDrift` lists where they differ from it (tests, checks).
 */

type StatusEventRow = typeof companyStatusEvents.$inferSelect;

/** A new company's current status, for its row: the last step of its first history. */
export function currentOf(history: { status: StatusEventRow['status']; effectiveDate: string }[]) {
  const current = history[history.length - 1];
  return { status: current.status, statusSince: current.effectiveDate };
}

/**
 * Projects the first histories of new companies, each in the order recorded (their rows already carry
 * `currentOf`): each event lasts until the next one of its company, the last one is open.
 */
export async function projectNewHistories(db: Executor, events: StatusEventRow[]): Promise<void> {
  const spans = events.map((event, index) => {
    const next = events[index + 1];
    return {
      eventId: event.id,
      companyId: event.companyId,
      status: event.status,
      from: event.effectiveDate,
      until: next?.companyId === event.companyId ? next.effectiveDate : null,
    };
  });
  for (let start = 0; start < spans.length; start += 1000) await db.insert(companyStatusSpans).values(spans.slice(start, start + 1000));
}

/**
 * Projects one event appended to a company's history (never earlier than its current status: the history rules
 * guarantee it, under the company's row lock): the open span ends where it starts, and it is the current status.
 */
export async function projectAppended(db: Executor, event: StatusEventRow): Promise<void> {
  await db
    .update(companyStatusSpans)
    .set({ until: event.effectiveDate })
    .where(and(eq(companyStatusSpans.companyId, event.companyId), isNull(companyStatusSpans.until)));
  await db
    .insert(companyStatusSpans)
    .values({ eventId: event.id, companyId: event.companyId, status: event.status, from: event.effectiveDate });
  await db.update(companies).set({ status: event.status, statusSince: event.effectiveDate }).where(eq(companies.id, event.companyId));
}

/** The spans as the history says they are: each event until the next one of its company. */
const spansOfHistory = sql`select ${companyStatusEvents.id} as event_id, ${companyStatusEvents.companyId} as company_id, ${companyStatusEvents.status} as status, ${companyStatusEvents.effectiveDate} as "from",
  lead(${companyStatusEvents.effectiveDate}) over (partition by ${companyStatusEvents.companyId} order by ${companyStatusEvents.effectiveDate}, ${companyStatusEvents.recordedAt}, ${companyStatusEvents.id}) as until
  from ${companyStatusEvents}`;

/** Recomputes both projections from the history, in the caller's transaction (after a bulk load of events). */
export async function rebuildStatusProjection(db: Executor): Promise<void> {
  await db.execute(sql`delete from ${companyStatusSpans}`);
  await db.execute(sql`insert into ${companyStatusSpans} (event_id, company_id, status, "from", until) ${spansOfHistory}`);
  await db.execute(
    sql`update ${companies} set status = s.status, status_since = s."from" from ${companyStatusSpans} s where s.company_id = ${companies.id} and s.until is null and (${companies.status} is distinct from s.status or ${companies.statusSince} is distinct from s."from")`,
  );
}

export type ProjectionDrift = { companyId: string; what: 'current' | 'spans' };

/** Where the projections differ from the history (none, when every write went through `projectEvents`). */
export async function statusProjectionDrift(db: Executor): Promise<ProjectionDrift[]> {
  const result = await db.execute<{ company_id: string; what: 'current' | 'spans' }>(sql`
    with truth as (${spansOfHistory}),
    spans as (
      (select event_id, company_id, status, "from", until from truth except select event_id, company_id, status, "from", until from ${companyStatusSpans})
      union all
      (select event_id, company_id, status, "from", until from ${companyStatusSpans} except select event_id, company_id, status, "from", until from truth)
    )
    select distinct company_id::text, 'spans' as what from spans
    union all
    select c.id::text, 'current' from ${companies} c left join truth t on t.company_id = c.id and t.until is null
    where t.event_id is null or c.status is distinct from t.status or c.status_since is distinct from t."from"
    order by 1, 2`);
  return result.rows.map((row) => ({ companyId: row.company_id, what: row.what }));
}
