import type { LifecycleStatus } from '../../src/shared/company-lifecycle.js';
import { addDays, type Random } from './random.js';
import { anchorDate } from './sizes.js';

export type Step = { status: LifecycleStatus; effectiveDate: string };

/** A status held from its date until the next step's (exclusive), or still (null). */
export type Span = { status: LifecycleStatus; from: string; until: string | null };

const memberStatuses = new Set<LifecycleStatus>(['resident', 'non_resident_member']);

/**
 * A company's lifecycle from the day it applied, by the rules of `src/shared/company-lifecycle.ts`: applicant,
 * admitted, resident or followed remotely (sometimes both in turn), then alumni, closed or merged/acquired, a few
 * alumni coming back. Dates go strictly forward and stop at the anchor date: the history never reaches the future.
 */
export function drawHistory(random: Random, joined: string): Step[] {
  const steps: Step[] = [];
  let date = joined;
  const add = (status: LifecycleStatus, afterDays: number): boolean => {
    const next = steps.length === 0 ? date : addDays(date, Math.max(1, afterDays));
    if (next > anchorDate) return false;
    date = next;
    steps.push({ status, effectiveDate: next });
    return true;
  };
  add('applicant', 0);
  if (random.chance(0.06)) {
    add('closed', random.int(60, 400));
    return steps;
  }
  if (!add('admitted', random.int(20, 90))) return steps;
  let member: LifecycleStatus = random.chance(0.8) ? 'resident' : 'non_resident_member';
  if (!add(member, random.int(1, 60))) return steps;
  for (let stay = 0; stay < 3; stay++) {
    if (random.chance(0.25)) {
      member = member === 'resident' ? 'non_resident_member' : 'resident';
      if (!add(member, random.int(200, 900))) return steps;
    }
    const roll = random.next();
    const exit: LifecycleStatus = roll < 0.65 ? 'alumni' : roll < 0.9 ? 'closed' : 'merged_acquired';
    if (!add(exit, random.int(365, 365 * 5))) return steps;
    if (exit !== 'alumni') return steps;
    if (random.chance(0.1)) {
      add('closed', random.int(200, 2000));
      return steps;
    }
    if (!random.chance(0.08)) return steps;
    member = 'resident';
    if (!add(member, random.int(365, 365 * 3))) return steps;
  }
  return steps;
}

export function spansOf(steps: Step[]): Span[] {
  return steps.map((step, index) => ({ status: step.status, from: step.effectiveDate, until: steps[index + 1]?.effectiveDate ?? null }));
}

/**
 * Whether the company held a member status at some point between `from` and `to` (both included), as the
 * reporting status asks it: a status replaced on its own day never held.
 */
export function memberDuring(spans: Span[], from: string, to: string): boolean {
  return spans.some(
    (span) =>
      memberStatuses.has(span.status) && span.from <= to && (span.until === null || span.until > (span.from > from ? span.from : from)),
  );
}
