import { describe, expect, it } from 'vitest';
import { FSI, isolate, isolateAll, PDI, withoutIsolates } from './isolate.js';

describe('isolate', () => {
  it('wraps a value in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE', () => {
    expect(isolate('2026-0001')).toBe('\u20682026-0001\u2069');
    expect(isolate('Atlas Tech S.A.R.L.')).toBe(`${FSI}Atlas Tech S.A.R.L.${PDI}`);
    expect(isolate(12)).toBe(`${FSI}12${PDI}`);
  });

  it('keeps an Arabic sentence in order around the reference it holds', () => {
    const sentence = `الترشيح ${isolate('2026-0001')}`;
    // The reference's characters stay together, between the isolates, right after the Arabic word.
    expect(sentence).toBe('الترشيح \u20682026-0001\u2069');
    expect(withoutIsolates(sentence)).toBe('الترشيح 2026-0001');
  });

  it('leaves nothing and empty values empty, and does not wrap an isolated value twice', () => {
    expect(isolate(null)).toBe('');
    expect(isolate(undefined)).toBe('');
    expect(isolate('')).toBe('');
    expect(isolate(isolate('ghita@example.ma'))).toBe(isolate('ghita@example.ma'));
  });

  it('isolates every string and number of interpolation values but count, which picks the plural', () => {
    const nested = { nested: true };
    expect(isolateAll({ reference: '2026-0001', name: 'Ghita', count: 3, score: 4.5, options: nested })).toEqual({
      reference: `${FSI}2026-0001${PDI}`,
      name: `${FSI}Ghita${PDI}`,
      count: 3,
      score: `${FSI}4.5${PDI}`,
      options: nested,
    });
  });
});
