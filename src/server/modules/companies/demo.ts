import type { CompanyStage } from '../../../contracts/companies.js';
import type { sectors as sectorList } from '../../../contracts/parks.js';
import type { LifecycleStatus } from '../../../shared/company-lifecycle.js';
import type { DemoContext } from '../../platform/demo.js';
import { randomSequence } from '../../platform/demo.js';
import { grantRole } from '../../platform/grants/service.js';
import { listParkRefs } from '../parks/index.js';
import { findAccountByEmail } from '../people/index.js';
import { seedDemoReports } from './demo-reports.js';
import { type CompanyInsert, insertCompanies, type StatusStep } from './lifecycle.js';

type Sector = (typeof sectorList)[number];

/** The company of the demo company admin and member accounts (their role is held on this id). */
export const demoCompanyId = '00000000-0000-4000-8000-00000000c001';

/**
 * How each open park filled up and turned over since it opened (REFERENCE-NETWORK.md): residents
 * at capacity after a ramp-up, about a quarter leaving each year, most staying in the community as
 * alumni, a few closing or being acquired; residents are expected to leave after about five years.
 */
type ParkPlan = { slug: string; opened: string; city: string; capacity: number; rampYears: number; sectors: Sector[] };

const parkPlans: ParkPlan[] = [
  {
    slug: 'casablanca',
    opened: '2001-10-01',
    city: 'Casablanca',
    capacity: 240,
    rampYears: 4,
    sectors: ['ict', 'offshoring', 'fintech', 'cultural_creative', 'greentech'],
  },
  { slug: 'rabat', opened: '2012-06-01', city: 'Rabat', capacity: 80, rampYears: 2, sectors: ['ict', 'edtech', 'healthtech', 'fintech'] },
  {
    slug: 'tanger',
    opened: '2015-04-15',
    city: 'Tanger',
    capacity: 100,
    rampYears: 3,
    sectors: ['ict', 'logistics', 'industry', 'offshoring'],
  },
  {
    slug: 'agadir',
    opened: '2021-03-01',
    city: 'Agadir',
    capacity: 70,
    rampYears: 3,
    sectors: ['agritech', 'fisheries', 'tourism', 'ict'],
  },
  {
    slug: 'cite-innovation-souss-massa',
    opened: '2020-01-15',
    city: 'Agadir',
    capacity: 30,
    rampYears: 2,
    sectors: ['agritech', 'greentech', 'ict', 'healthtech'],
  },
];

const namePrefixes = [
  'Atlas',
  'Argan',
  'Anfa',
  'Kasbah',
  'Medina',
  'Zellige',
  'Oasis',
  'Noor',
  'Amal',
  'Tingis',
  'Volubilis',
  'Menara',
  'Sahara',
  'Ifrane',
  'Bouregreg',
  'Souss',
  'Rif',
  'Draa',
  'Tafilalt',
  'Oukaimeden',
  'Toubkal',
  'Chellah',
  'Mogador',
  'Lixus',
  'Dakhla',
  'Saïss',
  'Ziz',
  'Majorelle',
  'Hassan',
  'Andalous',
  'Qarawiyine',
  'Fibule',
  'Tadelakt',
  'Amazigh',
  'Tizi',
  'Asif',
  'Tamount',
  'Ouzoud',
  'Agdal',
  'Maamora',
];
const nameSuffixes: Record<Sector, string[]> = {
  ict: ['Soft', 'Tech', 'Systems', 'Cloud', 'Data', 'Digital', 'Labs', 'IT Services', 'Networks', 'AI'],
  offshoring: ['Outsourcing', 'Contact', 'BPO', 'Services', 'Nearshore'],
  fintech: ['Pay', 'Finance', 'Wallet', 'Fintech', 'Invest'],
  cultural_creative: ['Studio', 'Media', 'Production', 'Design', 'Games', 'Records'],
  greentech: ['Energy', 'Solar', 'Green', 'Water', 'Cleantech'],
  agritech: ['Agro', 'Farm', 'AgriTech', 'Harvest', 'Irrigation'],
  healthtech: ['Health', 'Medical', 'Care', 'Diagnostics'],
  edtech: ['Learning', 'Academy', 'EdTech', 'Skills'],
  industry: ['Industries', 'Automation', 'Robotics', 'Engineering'],
  logistics: ['Logistics', 'Transit', 'Freight', 'Supply'],
  tourism: ['Travel', 'Tourism', 'Stays', 'Trips'],
  fisheries: ['Blue', 'Marine', 'Ocean', 'Aquaculture'],
};
const firstNames = [
  'Yassine',
  'Salma',
  'Omar',
  'Hajar',
  'Mehdi',
  'Imane',
  'Amine',
  'Kenza',
  'Reda',
  'Sara',
  'Anas',
  'Meryem',
  'Hamza',
  'Nadia',
  'Ayoub',
  'Zineb',
  'Othmane',
  'Loubna',
  'Karim',
  'Ghita',
];
const lastNames = [
  'Alami',
  'Bennani',
  'Berrada',
  'Chraibi',
  'El Fassi',
  'Idrissi',
  'Lahlou',
  'Naciri',
  'Ouazzani',
  'Sqalli',
  'Tazi',
  'Zniber',
  'Amrani',
  'Benjelloun',
  'Kettani',
  'Skalli',
  'Bouzidi',
  'Haddaoui',
  'Mansouri',
  'Raji',
];

export type DemoCompany = { input: CompanyInsert; history: StatusStep[] };

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return isoDate(value);
}

/** 9 digits for the company, 4 for the establishment, 2 check digits (the real rule is not published). */
function demoIce(n: number): string {
  const company = String(1_500_000 + n).padStart(9, '0');
  return `${company}0000${String((n * 37) % 97).padStart(2, '0')}`;
}

/**
 * The companies of the demo network from 2001 to `today`: every park's residents year by year, with
 * entries, exits to the alumni community, closures and acquisitions, plus remote (non-resident)
 * members since the e-Technopark offer. Dates never pass `today`.
 */
export function planDemoCompanies(parkIds: Map<string, string>, today: string): DemoCompany[] {
  const random = randomSequence(2001);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  // The demo company accounts' own company keeps its name to itself.
  const usedNames = new Set<string>(['Atlas Cloud']);
  const companies: DemoCompany[] = [];
  const todayYear = Number(today.slice(0, 4));

  // Two words while they last, then three ("Atlas Noor Soft"): never the same name twice.
  const makeName = (sector: Sector) => {
    for (let attempt = 0; ; attempt++) {
      const first = pick(namePrefixes);
      const second = attempt < 8 ? '' : ` ${pick(namePrefixes.filter((prefix) => prefix !== first))}`;
      const name = `${first}${second} ${pick(nameSuffixes[sector])}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const stageOf = (): CompanyStage => {
    const roll = random();
    return roll < 0.58 ? 'startup' : roll < 0.8 ? 'tpe' : roll < 0.95 ? 'sme' : 'large';
  };

  const profile = (plan: ParkPlan, sector: Sector, stage: CompanyStage, created: string): CompanyInsert => {
    const n = companies.length + 1;
    const brand = makeName(sector);
    const form =
      stage === 'large' ? 'sa' : random() < 0.55 ? 'sarl' : random() < 0.75 ? 'sarl_au' : pick(['sas', 'sa', 'auto_entrepreneur'] as const);
    const founderCount = stage === 'large' ? 1 : 1 + Math.floor(random() * 3);
    const slug = brand
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '');
    return {
      legalName:
        `${brand} ${form === 'sa' ? 'SA' : form === 'sarl_au' ? 'SARL AU' : form === 'sas' ? 'SAS' : form === 'auto_entrepreneur' ? '' : 'SARL'}`.trim(),
      brandName: brand,
      legalForm: form,
      ice: demoIce(n),
      rcNumber: String(100000 + Math.floor(random() * 500000)),
      rcCourt: plan.city,
      ifNumber: String(10_000_000 + Math.floor(random() * 80_000_000)),
      patente: String(30_000_000 + Math.floor(random() * 60_000_000)),
      cnss: String(1_000_000 + Math.floor(random() * 8_000_000)),
      creationDate: created,
      sectors: random() < 0.2 ? [sector, pick(plan.sectors)].filter((s, i, all) => all.indexOf(s) === i) : [sector],
      stage,
      parkId: parkIds.get(plan.slug) ?? null,
      website: `https://www.${slug}.ma`,
      email: `contact@${slug}.ma`,
      phone: `+212 5${Math.floor(20 + random() * 9)} ${String(Math.floor(random() * 100)).padStart(2, '0')} ${String(Math.floor(random() * 100)).padStart(2, '0')} ${String(Math.floor(random() * 100)).padStart(2, '0')}`,
      address: '',
      description: '',
      founders: Array.from({ length: founderCount }, (_, index) => ({
        name: `${pick(firstNames)} ${pick(lastNames)}`,
        role: index === 0 ? 'Gérant·e' : 'Associé·e',
      })),
      contacts: [],
    };
  };

  for (const plan of parkPlans) {
    const openYear = Number(plan.opened.slice(0, 4));
    // Each resident: its company index and the year it is expected to leave by.
    let residents: { index: number; entered: string; leaveBy: number }[] = [];
    for (let year = openYear; year <= todayYear; year++) {
      const yearStart = year === openYear ? plan.opened : `${year}-01-01`;
      const yearEnd = year === todayYear ? today : `${year}-12-31`;
      const span = Math.max(1, (Date.parse(yearEnd) - Date.parse(yearStart)) / 86_400_000);
      const dayIn = () => addDays(yearStart, Math.floor(random() * span));

      // Leavers: about a quarter a year, and those past their expected stay.
      const staying: typeof residents = [];
      for (const resident of residents) {
        const company = companies[resident.index];
        const leaves = year > Number(resident.entered.slice(0, 4)) && (year >= resident.leaveBy || random() < 0.17);
        if (!leaves) {
          staying.push(resident);
          continue;
        }
        const left = dayIn();
        if (left <= resident.entered) {
          staying.push(resident);
          continue;
        }
        const roll = random();
        const status: LifecycleStatus = roll < 0.84 ? 'alumni' : roll < 0.94 ? 'closed' : 'merged_acquired';
        const reason =
          status === 'alumni' ? 'Départ vers ses propres locaux' : status === 'closed' ? 'Cessation d’activité' : 'Rachat par un groupe';
        company.history.push({ status, effectiveDate: left, reason, source: 'demo' });
        // A few alumni close in later years; merged companies count as surviving.
        if (status === 'alumni' && random() < 0.12) {
          const closedYear = year + 1 + Math.floor(random() * 6);
          if (closedYear < todayYear)
            company.history.push({
              status: 'closed',
              effectiveDate: `${closedYear}-06-30`,
              reason: 'Cessation d’activité',
              source: 'demo',
            });
        }
      }
      residents = staying;

      // Entrants fill the park up to its capacity of the year (ramp-up after opening).
      const target = Math.round(plan.capacity * Math.min(1, (year - openYear + 1) / plan.rampYears));
      const entrants = Math.max(0, target - residents.length) + (year === todayYear ? 0 : Math.floor(random() * 2));
      for (let e = 0; e < entrants; e++) {
        const entered = dayIn();
        const sector = pick(plan.sectors);
        const stage = stageOf();
        const ageYears = stage === 'startup' ? random() * 2 : stage === 'tpe' ? 1 + random() * 4 : 3 + random() * 12;
        const created = addDays(entered, -Math.round(ageYears * 365) - 30);
        const history: StatusStep[] = [];
        // Admission committees decide since the 2008 strategy; earlier entries were direct.
        if (year >= 2008) {
          const admitted = addDays(entered, -(20 + Math.floor(random() * 90)));
          history.push({ status: 'applicant', effectiveDate: addDays(admitted, -30), reason: 'Dossier de candidature', source: 'demo' });
          history.push({ status: 'admitted', effectiveDate: admitted, reason: 'Comité d’attribution des bureaux', source: 'demo' });
        }
        history.push({ status: 'resident', effectiveDate: entered, reason: 'Entrée dans le parc', source: 'demo' });
        companies.push({ input: profile(plan, sector, stage, created), history });
        const stay = stage === 'large' ? 8 + Math.floor(random() * 8) : 3 + Math.floor(random() * 3);
        residents.push({ index: companies.length - 1, entered, leaveBy: year + stay });
      }
    }
  }

  // The company of the demo company accounts: a Casablanca software startup admitted in 2021.
  const casablanca = parkPlans[0];
  const own = profile(casablanca, 'ict', 'startup', '2020-09-14');
  Object.assign(own, {
    id: demoCompanyId,
    legalName: 'Atlas Cloud Software SARL',
    brandName: 'Atlas Cloud',
    legalForm: 'sarl',
    website: 'https://www.atlascloud.ma',
    email: 'contact@atlascloud.ma',
    description: 'Logiciels de gestion en ligne pour les PME marocaines (facturation, paie, stocks).',
    founders: [
      { name: 'Imane Berrada', role: 'Gérante' },
      { name: 'Mehdi Lahlou', role: 'Associé, directeur technique' },
    ],
  });
  companies.push({
    input: own,
    history: [
      { status: 'applicant', effectiveDate: '2021-01-18', reason: 'Dossier de candidature', source: 'demo' },
      { status: 'admitted', effectiveDate: '2021-02-25', reason: 'Comité d’attribution des bureaux', source: 'demo' },
      { status: 'resident', effectiveDate: '2021-04-01', reason: 'Entrée dans le parc', source: 'demo' },
    ],
  });

  // Remote members of the e-Technopark offer: project holders and companies followed without an office.
  const remoteParks = ['casablanca', 'rabat', 'agadir'];
  for (let n = 0; n < 45; n++) {
    const plan = parkPlans.find((p) => p.slug === remoteParks[n % remoteParks.length]) as ParkPlan;
    const joined = addDays('2019-09-01', Math.floor(random() * ((Date.parse(today) - Date.parse('2019-09-01')) / 86_400_000)));
    const sector = pick(plan.sectors);
    const stage: CompanyStage = random() < 0.6 ? 'project_holder' : 'startup';
    const history: StatusStep[] = [
      { status: 'applicant', effectiveDate: addDays(joined, -21), reason: 'Inscription e-Technopark', source: 'demo' },
      { status: 'admitted', effectiveDate: addDays(joined, -7), reason: 'Entretien de sélection', source: 'demo' },
      { status: 'non_resident_member', effectiveDate: joined, reason: 'Membre à distance (e-Technopark)', source: 'demo' },
    ];
    const input = profile(plan, sector, stage, addDays(joined, -Math.round(random() * 400) - 30));
    if (stage === 'project_holder')
      Object.assign(input, { legalForm: null, ice: null, rcNumber: null, ifNumber: null, patente: null, cnss: null, creationDate: null });
    companies.push({ input, history });
  }

  return companies.map((company) => ({ ...company, history: company.history.filter((step) => step.effectiveDate <= today) }));
}

/** The demo company accounts and the role each holds on the demo company. */
const demoCompanyAccounts = [
  { email: 'company.admin@technopark.demo', role: 'company_admin' as const },
  { email: 'company.member@technopark.demo', role: 'company_member' as const },
];

/** The network's companies since 2001 with their history and yearly reports; the demo company's people get their roles. */
export async function seedDemoCompanies({ ctx, today }: DemoContext): Promise<undefined> {
  const parkIds = new Map((await listParkRefs(ctx)).map((park) => [park.slug, park.id]));
  const planned = planDemoCompanies(parkIds, today);
  const created = await insertCompanies(ctx.db, ctx.actor, planned);
  await seedDemoReports(ctx.db, created, planned, today);
  for (const account of demoCompanyAccounts) {
    const person = await findAccountByEmail(ctx.db, account.email);
    if (person) await grantRole(ctx, { userId: person.id, role: account.role, scopeId: demoCompanyId });
  }
  return undefined;
}
