import { afterAll, beforeAll } from 'vitest';
import { localToday } from '../../shared/calendar.js';
import { buildCompany } from './company-factories.js';
import { buildPark, client, signedIn } from './factories.js';
import { createTestContext, type TestContext } from './harness.js';

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

type SignedInPerson = { id: string; email: string; cookie: string };
export type ReportingFixture = {
  t: TestContext;
  parkA: Awaited<ReturnType<typeof buildPark>>;
  parkB: Awaited<ReturnType<typeof buildPark>>;
  networkAdmin: SignedInPerson;
  managerA: SignedInPerson;
  officer: SignedInPerson;
};

/**
 * The setting of a reports test file: a fresh database with two parks (Casablanca, Rabat), a network admin, the
 * manager of the first park and a program officer (made before the file's tests, closed after), and a company
 * with its signed-in admin on demand.
 */
export function reportingFixture() {
  const reporting = {} as ReportingFixture;
  beforeAll(async () => {
    reporting.t = await createTestContext();
    const db = reporting.t.database.db;
    reporting.parkA = await buildPark(db, { name: { fr: 'Technopark Casablanca', ar: 'تكنوبارك الدار البيضاء' } });
    reporting.parkB = await buildPark(db, { name: { fr: 'Technopark Rabat' } });
    reporting.networkAdmin = await signedIn(reporting.t.app, db, 'network_admin');
    reporting.managerA = await signedIn(reporting.t.app, db, 'park_manager', [reporting.parkA.id]);
    reporting.officer = await signedIn(reporting.t.app, db, 'program_officer');
  });
  afterAll(() => reporting.t.close());
  /** A company created in 2018 (in the first park unless told) with its signed-in admin. */
  async function companyWithAdmin(parkId: string | null = reporting.parkA.id, history?: Parameters<typeof buildCompany>[2]) {
    const { t } = reporting;
    const company = await buildCompany(t.database.db, { parkId, creationDate: '2018-03-01' }, history);
    const admin = await signedIn(t.app, t.database.db, 'company_admin', [company.id]);
    return { company, admin, as: client(t.app, admin.cookie) };
  }
  return { reporting, companyWithAdmin };
}
