import { describe, expect, it } from 'vitest';
import type { Eligibility } from '../../../../contracts/calls.js';
import { checkEligibility, companyAgeYears, yearsBefore } from './eligibility.js';

const open: Eligibility = { sectors: [], stages: [], regions: [], maxCompanyAgeYears: null };
const startup = { sector: 'ict', stage: 'startup', region: 'casablanca_settat', creationDate: '2023-03-01' };

describe('automatic eligibility check', () => {
  it('admits anyone when the call sets no rule', () => {
    expect(checkEligibility(open, startup, '2026-03-01')).toEqual([]);
    expect(checkEligibility(open, { sector: null, stage: null, region: null, creationDate: null }, '2026-03-01')).toEqual([]);
  });

  it('names the sector, stage and region outside the call, with what the call admits', () => {
    const rules: Eligibility = {
      sectors: ['greentech', 'agritech'],
      stages: ['project_holder'],
      regions: ['souss_massa'],
      maxCompanyAgeYears: null,
    };
    expect(checkEligibility(rules, startup, '2026-03-01')).toEqual([
      { key: 'eligibility.sector', params: { sector: 'ict', allowed: 'greentech,agritech' } },
      { key: 'eligibility.stage', params: { stage: 'startup', allowed: 'project_holder' } },
      { key: 'eligibility.region', params: { region: 'casablanca_settat', allowed: 'souss_massa' } },
    ]);
    const fitting = { sector: 'agritech', stage: 'project_holder', region: 'souss_massa', creationDate: null };
    expect(checkEligibility(rules, fitting, '2026-03-01')).toEqual([]);
  });

  it('counts the company age on the submission date: the anniversary day is still within the limit, the next is not', () => {
    const rules: Eligibility = { ...open, maxCompanyAgeYears: 3 };
    expect(checkEligibility(rules, startup, '2026-03-01')).toEqual([]);
    expect(checkEligibility(rules, startup, '2026-03-02')).toEqual([
      { key: 'eligibility.company_too_old', params: { creationDate: '2023-03-01', age: '3', max: '3' } },
    ]);
    expect(checkEligibility(rules, { ...startup, creationDate: '2015-06-30' }, '2026-03-02')[0].params?.age).toBe('10');
  });

  it('lets a project holder without a company through the age rule, but not a company that hides its creation date', () => {
    const rules: Eligibility = { ...open, maxCompanyAgeYears: 2 };
    expect(checkEligibility(rules, { ...startup, stage: 'project_holder', creationDate: null }, '2026-03-01')).toEqual([]);
    expect(checkEligibility(rules, { ...startup, creationDate: null }, '2026-03-01')).toEqual([
      { key: 'eligibility.creation_date_unknown' },
    ]);
  });

  it('handles 29 February', () => {
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
    expect(yearsBefore('2028-02-29', 4)).toBe('2024-02-29');
    expect(companyAgeYears('2024-02-29', '2025-02-28')).toBe(0);
    expect(companyAgeYears('2024-02-29', '2025-03-01')).toBe(1);
    const rules: Eligibility = { ...open, maxCompanyAgeYears: 1 };
    expect(checkEligibility(rules, { ...startup, creationDate: '2027-02-28' }, '2028-02-29')).toEqual([]);
    expect(checkEligibility(rules, { ...startup, creationDate: '2027-02-27' }, '2028-02-29')).toHaveLength(1);
  });
});
