import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromLocal, offsetAt, startOfLocalDay, toLocalDate, toLocalDateTime, toLocalParts } from './morocco-time.js';

/** What Node (whose ICU is right for Morocco) reads on the clock of Casablanca, as yyyy-mm-ddThh:mm. */
const nodeClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Africa/Casablanca',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
function nodeLocal(instant: string | number): string {
  const parts = Object.fromEntries(nodeClock.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

describe('the clock of Casablanca', () => {
  it('is UTC+1 in winter and in summer, UTC+0 during Ramadan, as Node says', () => {
    const cases = [
      { instant: '2026-01-15T16:00:00.000Z', local: '2026-01-15T17:00', offset: 60 }, // winter
      { instant: '2026-07-15T16:00:00.000Z', local: '2026-07-15T17:00', offset: 60 }, // summer
      { instant: '2026-10-15T16:00:00.000Z', local: '2026-10-15T17:00', offset: 60 }, // after 2026-09-20 (Chromium 156 says UTC+0)
      { instant: '2027-02-20T16:00:00.000Z', local: '2027-02-20T16:00', offset: 0 }, // Ramadan 1448
    ];
    for (const { instant, local, offset } of cases) {
      expect(offsetAt(instant)).toBe(offset);
      expect(toLocalDateTime(instant)).toBe(local);
      expect(nodeLocal(instant)).toBe(local);
      expect(fromLocal(local)).toBe(instant);
    }
    expect(toLocalParts('2027-07-15T23:30:00Z')).toEqual({ year: 2027, month: 7, day: 16, hour: 0, minute: 30, second: 0, offset: 60 });
    expect(toLocalDate('2027-07-15T23:30:00Z')).toBe('2027-07-16');
    expect(toLocalDate('2027-02-20T23:30:00Z')).toBe('2027-02-20');
  });

  it('goes back an hour when Ramadan 1448 begins (2027-02-07, 03:00 → 02:00): a repeated time is its first occurrence', () => {
    expect(offsetAt('2027-02-07T01:59:59.999Z')).toBe(60);
    expect(offsetAt('2027-02-07T02:00:00Z')).toBe(0);
    expect(toLocalDateTime('2027-02-07T01:59:00Z')).toBe('2027-02-07T02:59');
    expect(toLocalDateTime('2027-02-07T02:00:00Z')).toBe('2027-02-07T02:00');
    // 02:30 happens twice: at 01:30 UTC (UTC+1), then at 02:30 UTC (UTC+0).
    expect(nodeLocal('2027-02-07T01:30:00Z')).toBe('2027-02-07T02:30');
    expect(nodeLocal('2027-02-07T02:30:00Z')).toBe('2027-02-07T02:30');
    expect(fromLocal('2027-02-07T02:30')).toBe('2027-02-07T01:30:00.000Z');
    expect(fromLocal('2027-02-07T01:59')).toBe('2027-02-07T00:59:00.000Z');
    expect(fromLocal('2027-02-07T03:00')).toBe('2027-02-07T03:00:00.000Z');
  });

  it('goes forward an hour when Ramadan ends (2027-03-14, 02:00 → 03:00): a skipped time moves on by the hour', () => {
    expect(offsetAt('2027-03-14T01:59:59.999Z')).toBe(0);
    expect(offsetAt('2027-03-14T02:00:00Z')).toBe(60);
    expect(nodeLocal('2027-03-14T01:59:00Z')).toBe('2027-03-14T01:59');
    expect(nodeLocal('2027-03-14T02:00:00Z')).toBe('2027-03-14T03:00');
    expect(fromLocal('2027-03-14T01:59')).toBe('2027-03-14T01:59:00.000Z');
    expect(fromLocal('2027-03-14T03:00')).toBe('2027-03-14T02:00:00.000Z');
    // 02:30 never shows on the clock that night: read as 03:30.
    expect(fromLocal('2027-03-14T02:30')).toBe('2027-03-14T02:30:00.000Z');
    expect(toLocalDateTime('2027-03-14T02:30:00Z')).toBe('2027-03-14T03:30');
  });

  it('agrees with Node on any instant, and reads its own local times back', () => {
    const minutes = fc.integer({ min: Date.parse('2000-01-01T00:00Z') / 60_000, max: Date.parse('2088-01-01T00:00Z') / 60_000 });
    fc.assert(
      fc.property(minutes, (minute) => {
        const instant = minute * 60_000;
        const local = toLocalDateTime(instant);
        expect(local).toBe(nodeLocal(instant));
        const back = fromLocal(local) as string;
        expect(toLocalDateTime(back)).toBe(local);
        // The same instant, or its earlier twin when the time is repeated.
        expect([0, 60 * 60_000]).toContain(instant - Date.parse(back));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is no local date and time', () => {
    for (const text of ['31/03/2026', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01T10:60', '', '2026-01-01']) {
      expect(fromLocal(text)).toBeNull();
    }
    expect(fromLocal('2026-01-15 17:00:30')).toBe('2026-01-15T16:00:30.000Z');
  });

  it('starts a local day at midnight on the park’s clock', () => {
    expect(startOfLocalDay('2026-07-15')).toBe('2026-07-14T23:00:00.000Z');
    expect(startOfLocalDay('2027-02-20')).toBe('2027-02-20T00:00:00.000Z');
    expect(startOfLocalDay('2026-02-30')).toBeNull();
  });
});
