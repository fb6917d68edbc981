import { describe, expect, it } from 'vitest';
import { canFollow, isOperating, lifecycleStatuses, lifecycleTransitions } from './company-lifecycle.js';
import { isValidIce, normalizeIce } from './identifiers.js';

describe('company lifecycle', () => {
  it('moves applicant → admitted → resident → alumni, never back to applicant', () => {
    expect(canFollow(null, 'applicant')).toBe(true);
    expect(canFollow('applicant', 'admitted')).toBe(true);
    expect(canFollow('admitted', 'resident')).toBe(true);
    expect(canFollow('resident', 'alumni')).toBe(true);
    expect(canFollow('alumni', 'resident')).toBe(true);
    for (const from of lifecycleStatuses) expect(canFollow(from, 'applicant')).toBe(false);
  });

  it('ends at closed or merged/acquired, and counts merged companies as operating', () => {
    expect(lifecycleTransitions.closed).toEqual([]);
    expect(lifecycleTransitions.merged_acquired).toEqual([]);
    expect(isOperating('merged_acquired')).toBe(true);
    expect(isOperating('closed')).toBe(false);
  });
});

describe('ICE', () => {
  it('has exactly 15 digits, spaces allowed while typing', () => {
    expect(isValidIce('001525836000078')).toBe(true);
    expect(isValidIce('001 525 836 000 078')).toBe(true);
    expect(normalizeIce('001 525.836 000078')).toBe('001525836000078');
    expect(isValidIce('00152583600007')).toBe(false);
    expect(isValidIce('0015258360000781')).toBe(false);
    expect(isValidIce('00152583600007A')).toBe(false);
    expect(isValidIce('000000000000000')).toBe(false);
  });
});
