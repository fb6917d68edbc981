import { localToday } from '../../shared/calendar.js';

export const currentYear = Number(localToday().slice(0, 4));
export const lastYear = currentYear - 1;

/** A complete, valid report for a period. */
export function reportBody(overrides: Record<string, unknown> = {}) {
  return {
    year: lastYear,
    employees: 12,
    interns: 3,
    founders: 2,
    revenueBand: '2m_10m',
    exports: true,
    exportCountries: ['FR', 'SN'],
    exportSharePercent: 35,
    fundings: [
      { amountCentimes: 50_000_000, source: 'Innov Invest', type: 'grant' },
      { amountCentimes: 123_456, source: 'Banque Populaire', type: 'loan' },
    ],
    ipFiled: 1,
    productsLaunched: 2,
    comment: 'Année de croissance',
    ...overrides,
  };
}

/** The figures only, as a correction sends them. */
export function correctionBody(overrides: Record<string, unknown> = {}) {
  const { year: _year, ...figures } = reportBody(overrides);
  return figures;
}
