import { describe, expect, it } from 'vitest';
import { present, searchChoice, searchText, searchUuid } from './search-params.js';

describe('address parameters', () => {
  it('read a value of the wrong shape as absent, and leave absent ones out', () => {
    expect(searchUuid('3f1c2b9e-0000-4000-8000-000000000000')).toBe('3f1c2b9e-0000-4000-8000-000000000000');
    expect(searchUuid('not-an-id')).toBeUndefined();
    expect(searchUuid(42)).toBeUndefined();
    expect(searchChoice('reports', ['profile', 'reports'] as const)).toBe('reports');
    expect(searchChoice('other', ['profile', 'reports'] as const)).toBeUndefined();
    expect(searchText('/companies', 2000)).toBe('/companies');
    expect(searchText('x'.repeat(2001), 2000)).toBeUndefined();
    expect(present({ tab: undefined, 'reports-page': 2 })).toEqual({ 'reports-page': 2 });
  });
});
