import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canFollow, type LifecycleStatus, lifecycleTransitions } from '../../../../shared/company-lifecycle.js';
import { Actor } from '../../../platform/access.js';
import { buildCompany } from '../../../test/company-factories.js';
import { buildPark } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { companies } from '../schema.js';
import { heldStatusDuring, recordStatusChange, type StatusStep } from './history.js';
import { rebuildStatusProjection, statusProjectionDrift } from './projection.js';

let t: TestContext;
let parkId: string;

beforeAll(async () => {
  t = await createTestContext();
  parkId = (await buildPark(t.database.db)).id;
});
afterAll(() => t.close());

const dayOf = (offset: number) => new Date(Date.UTC(2005, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** A history the lifecycle rules accept: each status may follow the one before, dates never go back (same-day steps too). */
const history = fc
  .tuple(
    fc.constantFrom<LifecycleStatus>('applicant', 'admitted', 'resident', 'non_resident_member', 'alumni'),
    fc.array(fc.tuple(fc.nat(40), fc.integer({ min: 0, max: 600 }), fc.constantFrom(0, 0, 0, 1)), { maxLength: 7 }),
    fc.integer({ min: 0, max: 3000 }),
  )
  .map(([first, moves, start]) => {
    const steps: StatusStep[] = [{ status: first, effectiveDate: dayOf(start) }];
    let day = start;
    for (const [choice, gap, sameDay] of moves) {
      const previous = steps[steps.length - 1].status;
      const next = lifecycleTransitions[previous];
      if (next.length === 0) break;
      day += sameDay ? 0 : gap;
      steps.push({ status: next[choice % next.length], effectiveDate: dayOf(day) });
    }
    return steps;
  });

/** What "held one of these statuses during [from, to]" means, read straight from the history (the reference). */
function heldInHistory(steps: StatusStep[], statuses: LifecycleStatus[], from: string, to: string): boolean {
  return steps.some((step, index) => {
    const until = steps[index + 1]?.effectiveDate ?? null;
    const start = step.effectiveDate > from ? step.effectiveDate : from;
    return statuses.includes(step.status) && step.effectiveDate <= to && (until === null || until > start);
  });
}

describe('status projections', () => {
  it('equal what the history says after companies are created and their steps recorded, whatever the history', async () => {
    const db = t.database.db;
    await fc.assert(
      fc.asyncProperty(
        history,
        fc.nat(7),
        fc.integer({ min: 0, max: 7000 }),
        fc.integer({ min: 0, max: 800 }),
        async (steps, split, from, length) => {
          const created = Math.max(1, Math.min(split, steps.length));
          expect(canFollow(null, steps[0].status)).toBe(true);
          const company = await buildCompany(db, { parkId }, steps.slice(0, created));
          for (const step of steps.slice(created)) {
            await db.transaction((tx) => recordStatusChange({ db: tx, actor: Actor.anonymous() }, { companyId: company.id, step }));
          }
          const [row] = await db.select().from(companies).where(eq(companies.id, company.id));
          const last = steps[steps.length - 1];
          expect({ status: row.status, since: row.statusSince }).toEqual({ status: last.status, since: last.effectiveDate });

          const period = { from: dayOf(from), to: dayOf(from + length) };
          const members: LifecycleStatus[] = ['resident', 'non_resident_member'];
          const [{ held }] = (
            await db.execute<{ held: boolean }>(
              sql`select ${heldStatusDuring(members, period.from, period.to)} as held from ${companies} where ${companies.id} = ${company.id}`,
            )
          ).rows;
          expect(held).toBe(heldInHistory(steps, members, period.from, period.to));
        },
      ),
      { numRuns: 40 },
    );
    expect(await statusProjectionDrift(db)).toEqual([]);
  });

  it('are found to differ when written behind the history, and are rebuilt from it', async () => {
    const db = t.database.db;
    const company = await buildCompany(db, { parkId }, [
      { status: 'applicant', effectiveDate: '2020-01-01' },
      { status: 'admitted', effectiveDate: '2020-03-01' },
    ]);
    await db.update(companies).set({ status: 'alumni' }).where(eq(companies.id, company.id));
    await db.execute(sql`update company_status_spans set until = '2020-02-01' where company_id = ${company.id} and status = 'applicant'`);
    expect(await statusProjectionDrift(db)).toEqual([
      { companyId: company.id, what: 'current' },
      { companyId: company.id, what: 'spans' },
    ]);
    await db.transaction((tx) => rebuildStatusProjection(tx));
    expect(await statusProjectionDrift(db)).toEqual([]);
    const [row] = await db.select().from(companies).where(eq(companies.id, company.id));
    expect(row.status).toBe('admitted');
  });
});
