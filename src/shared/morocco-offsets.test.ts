import { describe, expect, it } from 'vitest';
import { icuOffset } from '../../scripts/icu-offset.js';
import { moroccoOffsetChanges, moroccoTableStart } from './morocco-offsets.js';
import { offsetAt } from './morocco-time.js';

/**
 * The table the app ships against Node's own time-zone database (ICU, which is right for Morocco): when a tz update
 * changes Morocco's clock, this fails until `npx tsx scripts/build-morocco-offsets.ts` writes the table again.
 */
const minute = 60_000;
const hour = 60 * minute;
describe('the table of Morocco’s UTC offsets', () => {
  it('changes exactly when Node’s time-zone database says', () => {
    expect(moroccoOffsetChanges.length).toBeGreaterThan(150);
    let previous = offsetAt(Date.parse(moroccoTableStart));
    for (const [at, offset] of moroccoOffsetChanges) {
      const instant = Date.parse(at);
      expect([at, icuOffset(instant - minute), icuOffset(instant)]).toEqual([at, previous, offset]);
      expect(offsetAt(instant - 1)).toBe(previous);
      expect(offsetAt(instant)).toBe(offset);
      previous = offset;
    }
  });

  it('agrees with Node every six hours from 2000 to 2087, so that no change is missing', () => {
    const mismatches: string[] = [];
    for (let at = Date.parse('2000-01-01T01:00:00Z'); at < Date.parse('2088-01-01T00:00:00Z'); at += 6 * hour) {
      const expected = icuOffset(at);
      if (offsetAt(at) !== expected) mismatches.push(`${new Date(at).toISOString()}: ${offsetAt(at)} ≠ ${expected}`);
      if (mismatches.length > 5) break;
    }
    expect(mismatches).toEqual([]);
  });

  it('stays at UTC+1 after the table ends, as Node does', () => {
    for (let year = 2088; year <= 2100; year += 1) {
      for (const month of [0, 3, 6, 9]) {
        const at = Date.UTC(year, month, 15, 12);
        expect([year, month, icuOffset(at)]).toEqual([year, month, 60]);
        expect(offsetAt(at)).toBe(60);
      }
    }
  });
});
