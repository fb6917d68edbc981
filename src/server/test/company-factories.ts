import type { Database } from '../db/database.js';
import { addCompany, type CompanyInsert, type CompanyRow, type StatusStep } from '../modules/companies/index.js';
import { Actor } from '../platform/access.js';

let sequence = 0;

/** A valid ICE unique to this test run: 15 digits, never all zeros. */
export function uniqueIce(): string {
  sequence += 1;
  const random = Math.floor(Math.random() * 1_000_000)
    .toString()
    .padStart(6, '0');
  return `1${random}${sequence.toString().padStart(8, '0')}`.slice(0, 15);
}

/**
 * A company inserted through `addCompany` (the one way companies are created), with its history.
 * Default history: resident since 2020-01-15. Recorded by the system (no user).
 */
export async function buildCompany(
  db: Database,
  overrides: Partial<CompanyInsert> = {},
  history: StatusStep[] = [{ status: 'resident', effectiveDate: '2020-01-15', reason: 'Test company' }],
): Promise<CompanyRow> {
  sequence += 1;
  const n = sequence;
  return db.transaction((tx) =>
    addCompany(
      { db: tx, actor: Actor.anonymous() },
      {
        profile: {
          legalName: `Société ${n} SARL`,
          brandName: `Brand ${n}`,
          legalForm: 'sarl',
          ice: uniqueIce(),
          stage: 'startup',
          sectors: ['ict'],
          ...overrides,
        },
        history,
      },
    ),
  );
}
