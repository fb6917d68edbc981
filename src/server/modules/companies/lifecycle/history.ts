import { desc, eq, type SQL, sql } from 'drizzle-orm';
import { localToday } from '../../../../shared/calendar.js';
import { canFollow, type LifecycleStatus } from '../../../../shared/company-lifecycle.js';
import { preparedQuery } from '../../../db/prepared.js';
import { recordAudit, recordAudits } from '../../../platform/audit/service.js';
import type { DbContext, WriteContext } from '../../../platform/context.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { companies, companyStatusEvents, companyStatusSpans } from '../schema.js';
import { currentOf, projectAppended, projectNewHistories } from './projection.js';

/**
 * A company's dated lifecycle (SPEC §3.2): the rules a history follows, the one way companies are created
 * (with the first steps of their history), transitions under the row lock (both projected: `projection.ts`), and
 * the SQL of a status held during a period. Writes run in the caller's transaction (`ctx.db`).
 */
export type CompanyRow = typeof companies.$inferSelect;
/** A company's profile as written by people and imports; its current status comes from its history. */
export type CompanyInsert = Omit<typeof companies.$inferInsert, 'createdAt' | 'updatedAt' | 'status' | 'statusSince'>;
export type StatusEventRow = typeof companyStatusEvents.$inferSelect;
export type StatusEventSource = StatusEventRow['source'];

/** One step of a company's history as given by a person, an admission decision or an import. */
export type StatusStep = { status: LifecycleStatus; effectiveDate: string; reason?: string; source?: StatusEventSource };

/** A new company: its profile and the first steps of its history. */
export type NewCompany = { profile: CompanyInsert; history: StatusStep[] };

/** What a write of the lifecycle needs of the context: the transaction it joins and who acts. */

/** The latest event first: by effective date, then by when it was recorded. */
const latestFirst = [desc(companyStatusEvents.effectiveDate), desc(companyStatusEvents.recordedAt), desc(companyStatusEvents.id)];

/**
 * Checks a sequence of steps that follows `from`: each status may follow the one before, dates never
 * go back and are not in the future. `path` names the field for the error.
 */
export function checkHistory(from: { status: LifecycleStatus; effectiveDate: string } | null, steps: StatusStep[], path: string): void {
  const today = localToday();
  let previous = from;
  steps.forEach((step, index) => {
    const where = steps.length > 1 ? `${path}.${index}` : path;
    if (step.effectiveDate > today) throw invalidField(`${where}.effectiveDate`, 'validation.date_in_future');
    if (previous && step.effectiveDate < previous.effectiveDate) {
      throw invalidField(`${where}.effectiveDate`, 'validation.date_before_previous_status', { date: previous.effectiveDate });
    }
    if (!canFollow(previous?.status ?? null, step.status)) {
      throw new AppError('invalid_transition', [
        {
          path: `${where}.status`,
          key: 'validation.status_cannot_follow',
          params: { from: previous ? `lifecycle.${previous.status}` : '-', to: `lifecycle.${step.status}` },
        },
      ]);
    }
    previous = step;
  });
}

/** Errors of the lifecycle rules name their own fields (`from`); this puts them on the fields of a request body (`to`). */
export function onFields(error: unknown, from: string, to: string): never {
  if (error instanceof AppError && error.fields.length) {
    const rename = (path: string) => {
      if (path === from) return to;
      if (path.startsWith(`${from}.`)) return to ? `${to}.${path.slice(from.length + 1)}` : path.slice(from.length + 1);
      return path;
    };
    throw new AppError(
      error.code,
      error.fields.map((field) => ({ ...field, path: rename(field.path) })),
    );
  }
  throw error;
}

/**
 * When a step is recorded. Steps of one date are ordered by this, so it must follow the order they were
 * given in: now() is the transaction's start (equal for every step of one insert, and earlier than a
 * transaction that took the lock first), so the clock is read at the insert, plus the step's rank.
 */
function recordedInOrder(order: number): SQL {
  return sql`clock_timestamp() + interval '${sql.raw(String(Math.trunc(order)))} microseconds'`;
}

/**
 * Creates many companies with their histories in a few multi-row statements, with the same checks and one
 * audit record per company. Every path that creates companies (the form, an admission, an import, the demo)
 * goes through here. `path` names the history field in errors; with several companies the index of the
 * failing one is added.
 */
export async function addCompanies(ctx: WriteContext, input: { companies: NewCompany[]; path?: string }): Promise<CompanyRow[]> {
  const { companies: items, path = 'companies' } = input;
  items.forEach((item, index) => {
    const where = items.length > 1 ? `${path}.${index}` : path;
    if (item.history.length === 0) throw invalidField(where, 'validation.required');
    checkHistory(null, item.history, where);
  });
  const created: CompanyRow[] = [];
  for (let start = 0; start < items.length; start += 300) {
    const chunk = items.slice(start, start + 300);
    const rows = await ctx.db
      .insert(companies)
      .values(chunk.map((item) => ({ ...item.profile, ...currentOf(item.history) })))
      .returning();
    const events = await ctx.db
      .insert(companyStatusEvents)
      .values(
        rows.flatMap((company, index) =>
          chunk[index].history.map((step, order) => ({
            companyId: company.id,
            status: step.status,
            effectiveDate: step.effectiveDate,
            reason: step.reason ?? '',
            source: step.source ?? ('manual' as const),
            parkId: company.parkId,
            recordedBy: ctx.actor.user?.id ?? null,
            recordedAt: recordedInOrder(order),
          })),
        ),
      )
      .returning();
    // Returned in the order given (one multi-row insert): each company's steps together, in their order.
    await projectNewHistories(ctx.db, events);
    await recordAudits(
      ctx.db,
      ctx.actor,
      rows.map((company) => ({
        action: 'company.create',
        entityType: 'company',
        entityId: company.id,
        after: { ...company, history: events.filter((event) => event.companyId === company.id) },
      })),
    );
    created.push(...rows);
  }
  return created;
}

/** One company with the first steps of its history (errors name the field `history`). */
export async function addCompany(ctx: WriteContext, input: NewCompany): Promise<CompanyRow> {
  const [company] = await addCompanies(ctx, { companies: [input], path: 'history' });
  return company;
}

/** The company that holds an ICE, if any (an admission links to it rather than creating a second one). */
export async function companyWithIce(ctx: DbContext, ice: string): Promise<CompanyRow | null> {
  const [company] = await ctx.db.select().from(companies).where(eq(companies.ice, ice)).limit(1);
  return company ?? null;
}

/** Locks the company row for the rest of the transaction (`ctx.db`), so that two changes never interleave. */
export async function lockCompany(ctx: DbContext, companyId: string): Promise<CompanyRow> {
  const [company] = await ctx.db.select().from(companies).where(eq(companies.id, companyId)).for('update');
  if (!company) throw notFound();
  return company;
}

/** The latest event of a company's history: its current status. */
export async function currentStatusEvent(ctx: DbContext, companyId: string): Promise<StatusEventRow | null> {
  const [event] = await ctx.db
    .select()
    .from(companyStatusEvents)
    .where(eq(companyStatusEvents.companyId, companyId))
    .orderBy(...latestFirst)
    .limit(1);
  return event ?? null;
}

/** Adds one transition to a company's history (row-locked; checked against the current status and date). */
export async function recordStatusChange(ctx: WriteContext, input: { companyId: string; step: StatusStep }): Promise<StatusEventRow> {
  const { companyId, step } = input;
  const company = await lockCompany(ctx, companyId);
  const current = await currentStatusEvent(ctx, companyId);
  checkHistory(current, [step], 'status');
  const [event] = await ctx.db
    .insert(companyStatusEvents)
    .values({
      companyId,
      status: step.status,
      effectiveDate: step.effectiveDate,
      reason: step.reason ?? '',
      source: step.source ?? 'manual',
      parkId: company.parkId,
      recordedBy: ctx.actor.user?.id ?? null,
      // Taken after the row lock: a transaction that waited records after the one it waited for.
      recordedAt: recordedInOrder(0),
    })
    .returning();
  await projectAppended(ctx.db, event);
  await recordAudit(ctx.db, ctx.actor, {
    action: 'company.status',
    entityType: 'company',
    entityId: companyId,
    before: current ? { status: current.status, effectiveDate: current.effectiveDate } : null,
    after: { status: event.status, effectiveDate: event.effectiveDate, reason: event.reason },
  });
  return event;
}

/** A company's history, oldest first. */
const historyOfCompany = preparedQuery('status_history_of_company', (db) =>
  db
    .select()
    .from(companyStatusEvents)
    .where(eq(companyStatusEvents.companyId, sql.placeholder('companyId')))
    .orderBy(companyStatusEvents.effectiveDate, companyStatusEvents.recordedAt, companyStatusEvents.id),
);

export async function statusHistory(ctx: DbContext, companyId: string): Promise<StatusEventRow[]> {
  return historyOfCompany(ctx.db).execute({ companyId });
}

/**
 * SQL condition on `companies`: the company held one of these statuses at some point between `from` and
 * `to` (local dates, both included), read from the history's intervals. A status lasts from its effective date
 * until the next event's, so one replaced on its own day never held (periodic reporting asks who was a member
 * during a period). The outer company is named in full (`companies`, not aliased), so the condition also works
 * in a select list.
 */
export function heldStatusDuring(statuses: readonly LifecycleStatus[], from: string, to: string) {
  const wanted = sql.join(
    statuses.map((status) => sql`${status}`),
    sql`, `,
  );
  return sql`exists (select 1 from ${companyStatusSpans} s where s.company_id = "companies"."id" and s.status in (${wanted}) and s."from" <= ${to}::date and (s.until is null or s.until > greatest(s."from", ${from}::date)))`;
}
