import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateApplication,
  isSpreadFlagged,
  type MemberScores,
  memberWeightedScore,
  rankApplications,
  type WeightedCriterion,
} from './scoring.js';

const team = { id: 'team', weight: 2 };
const innovation = { id: 'innovation', weight: 1 };
const market = { id: 'market', weight: 3 };
const grid = [team, innovation, market];

const scored = (memberId: string, scores: Record<string, number>): MemberScores => ({
  memberId,
  conflict: false,
  scores: new Map(Object.entries(scores)),
});

describe('a member weighted score', () => {
  it('is Σ weight·score / Σ weight', () => {
    // (2·4 + 1·1 + 3·5) / 6 = 24 / 6
    expect(
      memberWeightedScore(
        grid,
        new Map([
          ['team', 4],
          ['innovation', 1],
          ['market', 5],
        ]),
      ),
    ).toBe(4);
    // (2·3 + 1·0 + 3·2) / 6 = 12 / 6
    expect(
      memberWeightedScore(
        grid,
        new Map([
          ['team', 3],
          ['innovation', 0],
          ['market', 2],
        ]),
      ),
    ).toBe(2);
  });

  it('leaves out a criterion the member could not score (added to the grid afterwards) instead of counting a zero', () => {
    expect(
      memberWeightedScore(
        grid,
        new Map([
          ['team', 4],
          ['innovation', 1],
        ]),
      ),
    ).toBeCloseTo(3, 12);
    expect(memberWeightedScore(grid, new Map())).toBeNull();
  });
});

describe('an application aggregate', () => {
  it('is the mean of the members weighted scores, with per-criterion means and the spread', () => {
    const aggregate = aggregateApplication(grid, [
      scored('a', { team: 4, innovation: 1, market: 5 }), // 4
      scored('b', { team: 3, innovation: 0, market: 2 }), // 2
      scored('c', { team: 5, innovation: 2, market: 4 }), // (10+2+12)/6 = 4
    ]);
    expect(aggregate.score).toBeCloseTo(10 / 3, 12);
    expect(aggregate.spread).toBe(2);
    expect(aggregate.criterionMeans).toEqual([
      { criterionId: 'team', mean: 4 },
      { criterionId: 'innovation', mean: 1 },
      { criterionId: 'market', mean: 11 / 3 },
    ]);
    expect(aggregate.scoredCount).toBe(3);
    expect(aggregate.weightedScores.get('b')).toBe(2);
  });

  it('leaves out members with a conflict and members who have not scored yet', () => {
    const aggregate = aggregateApplication(grid, [
      scored('a', { team: 4, innovation: 1, market: 5 }),
      { memberId: 'conflicted', conflict: true, scores: null },
      { memberId: 'late', conflict: false, scores: null },
    ]);
    expect(aggregate.score).toBe(4);
    expect(aggregate.spread).toBe(0);
    expect(aggregate).toMatchObject({ scoredCount: 1, conflictCount: 1 });
  });

  it('has no score, spread nor means before anyone scored', () => {
    const aggregate = aggregateApplication(grid, [{ memberId: 'late', conflict: false, scores: null }]);
    expect(aggregate.score).toBeNull();
    expect(aggregate.spread).toBeNull();
    expect(aggregate.criterionMeans.every((criterion) => criterion.mean === null)).toBe(true);
  });
});

describe('the spread flag', () => {
  it('is raised only above the threshold', () => {
    expect(isSpreadFlagged(2, 1.5)).toBe(true);
    expect(isSpreadFlagged(1.5, 1.5)).toBe(false);
    expect(isSpreadFlagged(1, 1.5)).toBe(false);
    expect(isSpreadFlagged(null, 0)).toBe(false);
  });

  it('is not raised by rounding noise at exactly the threshold', () => {
    // 0.7 − 0.4 is 0.29999999999999993 in floating point, 0.1 + 0.2 is 0.30000000000000004.
    expect(isSpreadFlagged(0.1 + 0.2, 0.3)).toBe(false);
    const aggregate = aggregateApplication(
      [{ id: 'x', weight: 10 }],
      [scored('a', { x: 1 }), scored('b', { x: 4 })].map((member) => ({
        ...member,
        scores: new Map([...(member.scores ?? [])].map(([id, value]) => [id, value / 10])),
      })),
    );
    expect(isSpreadFlagged(aggregate.spread, 0.3)).toBe(false);
  });
});

describe('the ranking', () => {
  it('orders by score, shares the rank of ties ordered by reference, and lists unscored files last without a rank', () => {
    const ranked = rankApplications([
      { id: '1', reference: '2026-0004', score: 3 },
      { id: '2', reference: '2026-0002', score: null },
      { id: '3', reference: '2026-0003', score: 4.5 },
      { id: '4', reference: '2026-0001', score: 3 },
      { id: '5', reference: '2026-0005', score: 2 },
      { id: '6', reference: '2026-0000', score: null },
    ]);
    expect(ranked.map((item) => [item.reference, item.rank])).toEqual([
      ['2026-0003', 1],
      ['2026-0001', 2],
      ['2026-0004', 2],
      ['2026-0005', 4],
      ['2026-0000', null],
      ['2026-0002', null],
    ]);
  });

  it('keeps a tie whose scores differ only by rounding noise', () => {
    const a = aggregateApplication(
      [team, innovation, market],
      [scored('x', { team: 1, innovation: 2, market: 3 }), scored('y', { team: 3, innovation: 3, market: 1 })],
    );
    const b = aggregateApplication(
      [team, innovation, market],
      [scored('x', { team: 3, innovation: 3, market: 1 }), scored('y', { team: 1, innovation: 2, market: 3 })],
    );
    const ranked = rankApplications([
      { id: 'a', reference: 'B', score: a.score },
      { id: 'b', reference: 'A', score: (b.score as number) + 1e-15 },
    ]);
    expect(ranked.map((item) => item.rank)).toEqual([1, 1]);
    expect(ranked.map((item) => item.reference)).toEqual(['A', 'B']);
  });
});

// ——— Properties ———

const scale = fc.record({ min: fc.integer({ min: -5, max: 5 }), width: fc.integer({ min: 1, max: 10 }) });
const gridArbitrary = fc
  .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 })
  .map((weights) => weights.map((weight, index): WeightedCriterion => ({ id: `c${index}`, weight })));

/** A grid, a scale and members who each scored every criterion on it. */
const committeeCase = fc.tuple(gridArbitrary, scale).chain(([criteria, { min, width }]) =>
  fc
    .array(fc.array(fc.integer({ min, max: min + width }), { minLength: criteria.length, maxLength: criteria.length }), {
      minLength: 1,
      maxLength: 8,
    })
    .map((rows) => ({
      criteria,
      min,
      max: min + width,
      members: rows.map((row, index) => scored(`m${index}`, Object.fromEntries(row.map((value, c) => [`c${c}`, value])))),
    })),
);

describe('scoring properties', () => {
  it('a weighted score stays on the scale, and between the member lowest and highest score', () => {
    fc.assert(
      fc.property(committeeCase, ({ criteria, min, max, members }) => {
        for (const member of members) {
          const values = [...(member.scores as Map<string, number>).values()];
          const score = memberWeightedScore(criteria, member.scores as Map<string, number>) as number;
          expect(score).toBeGreaterThanOrEqual(Math.max(min, Math.min(...values)) - 1e-9);
          expect(score).toBeLessThanOrEqual(Math.min(max, Math.max(...values)) + 1e-9);
        }
      }),
    );
  });

  it('multiplying every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(committeeCase, fc.integer({ min: 2, max: 7 }), ({ criteria, members }, factor) => {
        const scaled = criteria.map((criterion) => ({ ...criterion, weight: criterion.weight * factor }));
        expect(aggregateApplication(scaled, members).score).toBeCloseTo(aggregateApplication(criteria, members).score as number, 9);
      }),
    );
  });

  it('the application score lies between the lowest and highest member, the spread is their distance, and member order does not matter', () => {
    fc.assert(
      fc.property(committeeCase, ({ criteria, members }) => {
        const aggregate = aggregateApplication(criteria, members);
        const values = [...aggregate.weightedScores.values()];
        expect(aggregate.score as number).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
        expect(aggregate.score as number).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
        expect(aggregate.spread).toBeCloseTo(Math.max(...values) - Math.min(...values), 12);
        expect(aggregate.spread as number).toBeGreaterThanOrEqual(0);
        const reversed = aggregateApplication(criteria, [...members].reverse());
        expect(
          rankApplications([
            { id: 'a', reference: 'a', score: aggregate.score },
            { id: 'b', reference: 'b', score: reversed.score },
          ])[1].rank,
        ).toBe(1);
      }),
    );
  });

  it('a member with a conflict, or who has not scored, never moves the score', () => {
    fc.assert(
      fc.property(committeeCase, fc.boolean(), ({ criteria, members }, asConflict) => {
        const [first, ...others] = members;
        const withOutsider = aggregateApplication(criteria, [
          ...others,
          asConflict ? { ...first, conflict: true } : { ...first, scores: null },
        ]);
        const without = aggregateApplication(criteria, others);
        expect(withOutsider.score).toEqual(without.score);
        expect(withOutsider.spread).toEqual(without.spread);
      }),
    );
  });

  it('a ranking is a permutation ordered by score, ties share a rank, unscored come last, whatever the input order', () => {
    const entries = fc.uniqueArray(
      fc.record({
        reference: fc.string({ minLength: 1, maxLength: 6 }),
        score: fc.option(fc.integer({ min: 0, max: 8 }).map((n) => n / 2)),
      }),
      { selector: (entry) => entry.reference, maxLength: 20 },
    );
    fc.assert(
      fc.property(entries, (raw) => {
        const items = raw.map((entry, index) => ({ id: String(index), ...entry }));
        const ranked = rankApplications(items);
        expect(rankApplications([...items].reverse())).toEqual(ranked);
        expect(ranked.map((item) => item.id).sort()).toEqual(items.map((item) => item.id).sort());
        ranked.forEach((item, index) => {
          if (index === 0) return;
          const previous = ranked[index - 1];
          if (item.score === null) {
            expect(item.rank).toBeNull();
            if (previous.score === null) expect(previous.reference < item.reference).toBe(true);
            return;
          }
          // Files nobody scored come last: a scored file never follows one.
          expect(typeof previous.score, 'a scored file after an unscored one').toBe('number');
          expect(previous.score as number).toBeGreaterThanOrEqual(item.score);
          if (previous.score === item.score) {
            expect(item.rank).toBe(previous.rank);
            expect(previous.reference < item.reference).toBe(true);
          } else {
            // Competition ranking: the rank is one more than the number of files strictly ahead.
            expect(item.rank).toBe(index + 1);
          }
        });
        if (ranked[0]?.score != null) expect(ranked[0].rank).toBe(1);
      }),
    );
  });
});
