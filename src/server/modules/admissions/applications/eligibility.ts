import type { Eligibility } from '../../../../contracts/calls.js';

/** What the automatic check found, as a message key of call-messages.ts with raw parameters (codes, dates, numbers). */
export type EligibilityProblem = {
  key:
    | 'eligibility.sector'
    | 'eligibility.stage'
    | 'eligibility.region'
    | 'eligibility.company_too_old'
    | 'eligibility.creation_date_unknown';
  params?: Record<string, string>;
};

export type EligibilityFacts = {
  sector: string | null;
  stage: string | null;
  region: string | null;
  /** yyyy-mm-dd; null for a project holder who has not created a company yet. */
  creationDate: string | null;
};

function parts(isoDate: string): [number, number, number] {
  const [year, month, day] = isoDate.split('-').map(Number);
  return [year, month, day];
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The same calendar day `years` earlier; 29 February becomes 28 February in a common year. */
export function yearsBefore(isoDate: string, years: number): string {
  const [year, month, day] = parts(isoDate);
  const target = year - years;
  const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const safeDay = month === 2 && day === 29 && !isLeap(target) ? 28 : day;
  return `${pad(target, 4)}-${pad(month)}-${pad(safeDay)}`;
}

/** Whole years from a company's creation to a date (its age on that date). */
export function companyAgeYears(creationDate: string, onDate: string): number {
  const [fromYear, fromMonth, fromDay] = parts(creationDate);
  const [toYear, toMonth, toDay] = parts(onDate);
  const beforeAnniversary = toMonth < fromMonth || (toMonth === fromMonth && toDay < fromDay);
  return toYear - fromYear - (beforeAnniversary ? 1 : 0);
}

/**
 * The automatic eligibility check of an application against its call's rules, on the local date of
 * submission. An empty list of sectors, stages or regions admits every one. The program officer reads
 * the problems and decides (and may override them with a note).
 */
export function checkEligibility(rules: Eligibility, facts: EligibilityFacts, submittedOn: string): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  const outside = (allowed: readonly string[], value: string | null) => allowed.length > 0 && (value === null || !allowed.includes(value));
  if (outside(rules.sectors, facts.sector)) {
    problems.push({ key: 'eligibility.sector', params: { sector: facts.sector ?? '', allowed: rules.sectors.join(',') } });
  }
  if (outside(rules.stages, facts.stage)) {
    problems.push({ key: 'eligibility.stage', params: { stage: facts.stage ?? '', allowed: rules.stages.join(',') } });
  }
  if (outside(rules.regions, facts.region)) {
    problems.push({ key: 'eligibility.region', params: { region: facts.region ?? '', allowed: rules.regions.join(',') } });
  }
  if (rules.maxCompanyAgeYears !== null) {
    if (facts.creationDate === null) {
      // A project holder has no company yet, so no age; anyone else must say when theirs was created.
      if (facts.stage !== 'project_holder') problems.push({ key: 'eligibility.creation_date_unknown' });
    } else if (facts.creationDate < yearsBefore(submittedOn, rules.maxCompanyAgeYears)) {
      problems.push({
        key: 'eligibility.company_too_old',
        params: {
          creationDate: facts.creationDate,
          age: String(companyAgeYears(facts.creationDate, submittedOn)),
          max: String(rules.maxCompanyAgeYears),
        },
      });
    }
  }
  return problems;
}
