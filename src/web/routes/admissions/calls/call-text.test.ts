import { describe, expect, it } from 'vitest';
import { daysUntil, formatList } from './call-text.js';

// The park's clock (local date and time ↔ instant) is tested with its table in src/shared/morocco-time.test.ts.
describe('call dates', () => {
  it('counts the days left, a started day counting', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    expect(daysUntil('2026-01-01T12:00:00Z', now)).toBe(1);
    expect(daysUntil('2026-01-11T10:00:00Z', now)).toBe(10);
    expect(daysUntil('2025-12-31T10:00:00Z', now)).toBe(0);
  });

  it('joins items as the language does', () => {
    expect(formatList(['a', 'b', 'c'], 'fr')).toBe('a, b et c');
    expect(formatList(['a', 'b'], 'en')).toBe('a and b');
  });
});
