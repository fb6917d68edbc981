import { companyStages, legalForms } from '../../src/contracts/companies.js';
import { sectors } from '../../src/contracts/parks.js';
import { checkHistory } from '../../src/server/modules/companies/lifecycle/history.js';
import type { Row, Tally } from './bulk.js';
import { drawHistory, type Step, spansOf } from './histories.js';
import type { ParkPlan } from './parks.js';
import { addDays, daysBetween, instantOn, type Random } from './random.js';
import { drawReports } from './reports.js';
import { anchorDate, type GeneratedSize } from './sizes.js';

/** What the admissions part needs of a generated company. */
export type CompanyPlan = {
  id: string;
  park: ParkPlan;
  name: string;
  sector: string;
  stage: string;
  creationDate: string;
  ice: string;
  adminUserId: string;
  adminName: string;
  adminEmail: string;
  history: Step[];
};

const prefixes = [
  'Atlas',
  'Noor',
  'Sahara',
  'Argan',
  'Medina',
  'Oasis',
  'Rif',
  'Zagora',
  'Amal',
  'Tafilalt',
  'Souss',
  'Marina',
  'Kasbah',
  'Cedre',
];
const suffixes = ['Tech', 'Soft', 'Data', 'Labs', 'Green', 'Agri', 'Health', 'Pay', 'Logic', 'Cloud', 'Mobility', 'Energy', 'Bio', 'Media'];
const firstNames = [
  'Yassine',
  'Salma',
  'Omar',
  'Imane',
  'Karim',
  'Nadia',
  'Mehdi',
  'Hajar',
  'Anas',
  'Sara',
  'Youssef',
  'Khadija',
  'Amine',
  'Meryem',
];
const lastNames = [
  'Alaoui',
  'Bennani',
  'El Idrissi',
  'Tazi',
  'Berrada',
  'Chraibi',
  'Fassi',
  'Amrani',
  'Lahlou',
  'Kettani',
  'Ouazzani',
  'Sqalli',
];

/** Companies are drawn and written this many at a time, with their people, histories and reports. */
const batchSize = 2_000;

export function personName(random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}

/**
 * The companies, each in a park open when it applied, with its lifecycle history (checked by the app's own
 * rules, `checkHistory`), its company admin and members (accounts and role grants), and its reports.
 */
export async function generateCompanies(tally: Tally, random: Random, size: GeneratedSize, parks: ParkPlan[]): Promise<CompanyPlan[]> {
  const start = addDays(anchorDate, -365 * size.years);
  const plans: CompanyPlan[] = [];
  for (let first = 0; first < size.companies; first += batchSize) {
    const batch = { companies: [] as Row[], users: [] as Row[], grants: [] as Row[], events: [] as Row[], reports: [] as Row[] };
    for (let index = first; index < Math.min(size.companies, first + batchSize); index++) {
      plans.push(drawCompany(random, index, start, parks, batch));
    }
    await tally.insert('users', batch.users);
    await tally.insert('companies', batch.companies);
    await tally.insert('role_assignments', batch.grants);
    await tally.insert('company_status_events', batch.events);
    await tally.insert('company_reports', batch.reports);
  }
  return plans;
}

type Batch = { companies: Row[]; users: Row[]; grants: Row[]; events: Row[]; reports: Row[] };

function drawCompany(random: Random, index: number, start: string, parks: ParkPlan[], batch: Batch): CompanyPlan {
  const park = random.pick(parks);
  const earliest = park.openingDate > start ? park.openingDate : start;
  const joined = addDays(earliest, random.int(0, Math.max(0, daysBetween(earliest, anchorDate) - 20)));
  const history = drawHistory(random, joined);
  checkHistory(null, history, 'history');
  const sector = random.chance(0.6) ? random.pick(park.sectors) : random.pick(sectors);
  const brand = `${random.pick(prefixes)} ${random.pick(suffixes)} ${index + 1}`;
  const stage = random.pick(companyStages);
  const creationDate = addDays(joined, -random.int(0, 1100));
  const ice = String(200_000_000_000_000 + index);
  const id = random.uuid();
  const slug = brand.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  batch.companies.push({
    id,
    legal_name: `${brand} SARL`,
    brand_name: brand,
    legal_form: random.pick(legalForms),
    ice,
    rc_number: String(100_000 + index),
    rc_court: park.city,
    creation_date: creationDate,
    sectors: [sector],
    stage,
    park_id: park.id,
    // The current status as the history ends (rebuildStatusProjection confirms it and writes the spans).
    status: history.at(-1)?.status,
    status_since: history.at(-1)?.effectiveDate,
    website: `https://www.${slug}.ma`,
    email: `contact@${slug}.ma`,
    phone: `+212 5${random.int(20, 29)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
    address: `${random.int(1, 300)} rue ${random.int(1, 90)}, ${park.city}`,
    description: { fr: `${brand} : une entreprise du secteur ${sector}.` },
    founders: [{ name: personName(random), role: 'CEO' }],
    created_at: instantOn(joined),
    updated_at: instantOn(history.at(-1)?.effectiveDate ?? joined),
  });
  history.forEach((step, order) => {
    batch.events.push({
      id: random.uuid(),
      company_id: id,
      status: step.status,
      effective_date: step.effectiveDate,
      reason: '',
      park_id: park.id,
      source: order < 2 ? 'admission' : 'import',
      recorded_at: instantOn(step.effectiveDate, order),
    });
  });
  const admin = { id: random.uuid(), name: personName(random), email: `c${index + 1}-admin@bench.technopark.ma` };
  const people = [{ ...admin, role: 'company_admin' }];
  for (let m = random.int(0, 2); m > 0; m--) {
    people.push({ id: random.uuid(), name: personName(random), email: `c${index + 1}-m${m}@bench.technopark.ma`, role: 'company_member' });
  }
  for (const person of people) {
    batch.users.push({ id: person.id, name: person.name, email: person.email, email_verified: true, created_at: instantOn(joined) });
    batch.grants.push({
      id: random.uuid(),
      user_id: person.id,
      role: person.role,
      scope_type: 'company',
      scope_id: id,
      created_at: instantOn(joined),
    });
  }
  batch.reports.push(
    ...drawReports(random, { id, creationDate, spans: spansOf(history), adminUserId: admin.id, quarterly: random.chance(0.25) }),
  );
  return {
    id,
    park,
    name: brand,
    sector,
    stage,
    creationDate,
    ice,
    adminUserId: admin.id,
    adminName: admin.name,
    adminEmail: admin.email,
    history,
  };
}
