import { revenueBands } from '../../src/contracts/companies.js';
import type { Row } from './bulk.js';
import { memberDuring, type Span } from './histories.js';
import { addDays, earlier, instantOn, type Random } from './random.js';
import { anchorDate, reportingYear } from './sizes.js';

const exportCountries = ['FR', 'ES', 'SN', 'CI', 'US', 'DE', 'TN', 'MR'];

function periodOf(year: number, quarter: number | null) {
  if (quarter === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const month = (quarter - 1) * 3 + 1;
  const last = ['03-31', '06-30', '09-30', '12-31'][quarter - 1];
  return { from: `${year}-${String(month).padStart(2, '0')}-01`, to: `${year}-${last}` };
}

type Company = { id: string; creationDate: string; spans: Span[]; adminUserId: string; quarterly: boolean };

/**
 * A company's periodic reports: a yearly report for most years it was a member (by the same rule as the
 * reporting status), quarterly ones for the companies that file them, only for periods that have ended, from
 * its creation year on; a few corrected (version 2 supersedes version 1).
 */
export function drawReports(random: Random, company: Company): Row[] {
  const rows: Row[] = [];
  const firstYear = Number(company.creationDate.slice(0, 4));
  const anchorYear = Number(anchorDate.slice(0, 4));
  const members = company.spans.filter((span) => span.status === 'resident' || span.status === 'non_resident_member');
  if (members.length === 0) return rows;
  const startYear = Math.max(firstYear, Number(members[0].from.slice(0, 4)));
  let employees = random.int(1, 8);
  for (let year = startYear; year <= anchorYear; year++) {
    const periods: (number | null)[] = [null];
    if (company.quarterly) periods.push(1, 2, 3, 4);
    for (const quarter of periods) {
      const { from, to } = periodOf(year, quarter);
      if (to >= anchorDate || !memberDuring(company.spans, from, to)) continue;
      // The year the bench reads is half filed, so that its reporting status has both kinds of rows.
      if (!random.chance(year === reportingYear && quarter === null ? 0.55 : 0.85)) continue;
      employees = Math.max(0, employees + random.int(-2, 4));
      const submitted = addDays(to, random.int(10, 120));
      const row = reportRow(random, company, { year, quarter, employees, submitted: earlier(submitted, anchorDate) });
      rows.push(row);
      if (random.chance(0.03)) {
        rows.push({
          ...row,
          id: random.uuid(),
          version: 2,
          supersedes_id: row.id,
          employees: employees + 1,
          submitted_at: instantOn(row.submittedDate as string, 600),
        });
      }
    }
  }
  for (const row of rows) delete row.submittedDate;
  return rows;
}

function reportRow(
  random: Random,
  company: Company,
  period: { year: number; quarter: number | null; employees: number; submitted: string },
): Row {
  const exports = random.chance(0.3);
  const onBehalf = random.chance(0.1);
  return {
    id: random.uuid(),
    company_id: company.id,
    year: period.year,
    quarter: period.quarter,
    version: 1,
    employees: period.employees,
    interns: random.int(0, 4),
    founders: random.int(1, 4),
    revenue_band: random.pick(revenueBands),
    exports,
    export_countries: exports ? [random.pick(exportCountries)] : [],
    export_share_percent: exports ? random.int(5, 80) : null,
    fundings: random.chance(0.15) ? [{ amountCentimes: random.int(5, 500) * 10_000_00, source: 'Innov Invest', type: 'grant' }] : [],
    ip_filed: random.chance(0.1) ? 1 : 0,
    products_launched: random.int(0, 2),
    comment: '',
    submitted_by: onBehalf ? null : company.adminUserId,
    on_behalf: onBehalf,
    submitted_at: instantOn(period.submitted),
    submittedDate: period.submitted,
  };
}
