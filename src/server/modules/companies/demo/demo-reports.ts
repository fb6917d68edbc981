import type { CompanyStage } from '../../../../contracts/companies.js';
import type { ServiceContext } from '../../../platform/context.js';
import { randomSequence } from '../../../platform/demo.js';
import type { CompanyRow, NewCompany } from '../lifecycle/history.js';
import { companyReports } from '../schema.js';
import { demoCompanyId } from './demo-data.js';

type ReportRow = typeof companyReports.$inferInsert;

/** Typical headcount at entry by stage, the yearly growth while supported, and a ceiling. */
const headcountAtEntry: Record<CompanyStage, [number, number]> = {
  project_holder: [0, 1],
  startup: [1, 5],
  tpe: [3, 8],
  sme: [10, 35],
  large: [40, 150],
};
const growthByStage: Record<CompanyStage, [number, number]> = {
  project_holder: [1, 1.2],
  startup: [1.1, 1.35],
  tpe: [1.03, 1.12],
  sme: [1.02, 1.08],
  large: [1, 1.03],
};
const ceilingByStage: Record<CompanyStage, number> = { project_holder: 3, startup: 30, tpe: 12, sme: 120, large: 300 };
const revenueByStage: Record<CompanyStage, ReportRow['revenueBand'][]> = {
  project_holder: ['none'],
  startup: ['none', 'under_500k', 'under_500k', '500k_2m'],
  tpe: ['under_500k', '500k_2m', '500k_2m', '2m_10m'],
  sme: ['2m_10m', '2m_10m', '10m_50m'],
  large: ['10m_50m', 'over_50m', 'over_50m'],
};
const exportCountries = ['FR', 'SN', 'CI', 'ES', 'BE', 'US', 'AE', 'TN', 'CA', 'DE', 'ML', 'GB'];
const funders = [
  { source: 'Réseau Entreprendre Maroc', type: 'honour_loan' as const, range: [5_000_000, 30_000_000] },
  { source: 'Innov Invest (CCG)', type: 'grant' as const, range: [20_000_000, 100_000_000] },
  { source: 'Maroc Numeric Fund', type: 'equity' as const, range: [100_000_000, 500_000_000] },
  { source: 'Banque partenaire', type: 'loan' as const, range: [20_000_000, 200_000_000] },
];

/** The years a company was a member (resident or remote), read from its history. */
function memberYears(history: NewCompany['history'], today: string): number[] {
  const years = new Set<number>();
  let since: string | null = null;
  const close = (until: string) => {
    if (!since) return;
    for (let year = Number(since.slice(0, 4)); year <= Number(until.slice(0, 4)); year++) years.add(year);
    since = null;
  };
  for (const step of history) {
    if (step.status === 'resident' || step.status === 'non_resident_member') since ??= step.effectiveDate;
    else close(step.effectiveDate);
  }
  close(today);
  return [...years];
}

/**
 * Yearly reports of the demo companies since 2019 (the first year reporting went online): most members
 * file, some forget (the reporting page then shows whom to remind); headcount grows with the years
 * spent in the park; about a third export (REFERENCE-NETWORK.md: 25–35%); some raise funding from the
 * partners of the network. The current year is not reported yet.
 */
export async function seedDemoReports(
  ctx: Pick<ServiceContext, 'db'>,
  { created, planned, today }: { created: CompanyRow[]; planned: NewCompany[]; today: string },
) {
  const random = randomSequence(2019);
  const currentYear = Number(today.slice(0, 4));
  const rows: ReportRow[] = [];
  created.forEach((company, index) => {
    const history = planned[index].history;
    const entered = history.find((step) => step.status === 'resident' || step.status === 'non_resident_member');
    if (!entered) return;
    const [low, high] = headcountAtEntry[company.stage];
    const start = low + Math.floor(random() * (high - low + 1));
    const [slow, fast] = growthByStage[company.stage];
    const growth = slow + random() * (fast - slow);
    const exporter = random() < 0.42;
    const countries = exporter ? exportCountries.filter(() => random() < 0.2).slice(0, 3) : [];
    for (const year of memberYears(history, today)) {
      if (year < 2019 || year >= currentYear) continue;
      // The demo company accounts' company always reports; the others mostly do, less so long ago.
      if (company.id !== demoCompanyId && random() > (year >= 2024 ? 0.78 : 0.6)) continue;
      const yearsIn = year - Number(entered.effectiveDate.slice(0, 4));
      const employees = Math.min(ceilingByStage[company.stage], Math.round(start * growth ** yearsIn));
      const funding = random() < 0.08 ? funders[Math.floor(random() * funders.length)] : null;
      const exportsThisYear = exporter && countries.length > 0 && yearsIn >= 1;
      rows.push({
        companyId: company.id,
        year,
        employees,
        interns: Math.floor(random() * (employees / 4 + 2)),
        founders: company.stage === 'large' ? 0 : 1 + Math.floor(random() * 3),
        revenueBand: revenueByStage[company.stage][Math.min(revenueByStage[company.stage].length - 1, Math.floor(yearsIn / 2))],
        exports: exportsThisYear,
        exportCountries: exportsThisYear ? countries : [],
        exportSharePercent: exportsThisYear ? 10 + Math.floor(random() * 50) : null,
        fundings: funding
          ? [
              {
                amountCentimes: Math.round((funding.range[0] + random() * (funding.range[1] - funding.range[0])) / 100_000) * 100_000,
                source: funding.source,
                type: funding.type,
              },
            ]
          : [],
        ipFiled: random() < 0.1 ? 1 : 0,
        productsLaunched: random() < 0.4 ? 1 + Math.floor(random() * 2) : 0,
        submittedAt: new Date(
          `${year + 1}-0${2 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}T10:00:00Z`,
        ),
      });
    }
  });
  for (let start = 0; start < rows.length; start += 500) await ctx.db.insert(companyReports).values(rows.slice(start, start + 500));
  return rows.length;
}
