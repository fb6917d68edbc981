import { describe, expect, it } from 'vitest';
import { daysUntil, fromCasablancaLocal, toCasablancaLocal } from './casablanca-time.js';

describe('Casablanca local time for call dates', () => {
  it('reads a local time as UTC+1 most of the year', () => {
    expect(fromCasablancaLocal('2026-01-15T23:59')).toBe('2026-01-15T22:59:00.000Z');
    expect(toCasablancaLocal('2026-01-15T22:59:00.000Z')).toBe('2026-01-15T23:59');
  });

  it('reads a local time as UTC+0 during Ramadan', () => {
    // Ramadan 1447 runs from about 18 February to 19 March 2026; Morocco sets its clock back meanwhile.
    expect(fromCasablancaLocal('2026-03-05T12:00')).toBe('2026-03-05T12:00:00.000Z');
    expect(toCasablancaLocal('2026-03-05T12:00:00.000Z')).toBe('2026-03-05T12:00');
  });

  it('goes back and forth around the year', () => {
    for (const local of ['2026-06-30T08:15', '2026-10-01T00:00', '2027-12-31T23:59']) {
      expect(toCasablancaLocal(fromCasablancaLocal(local) as string)).toBe(local);
    }
    expect(fromCasablancaLocal('31/03/2026')).toBeNull();
  });

  it('counts the days left, a started day counting', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    expect(daysUntil('2026-01-01T12:00:00Z', now)).toBe(1);
    expect(daysUntil('2026-01-11T10:00:00Z', now)).toBe(10);
    expect(daysUntil('2025-12-31T10:00:00Z', now)).toBe(0);
  });
});
