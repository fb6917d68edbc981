import type { CompanyStage } from '../../../../contracts/companies.js';
import type { LifecycleStatus } from '../../../../shared/company-lifecycle.js';
import { randomSequence } from '../../../platform/demo.js';
import type { CompanyInsert, NewCompany, StatusStep } from '../lifecycle/history.js';
import { demoCompanyId, firstNames, lastNames, namePrefixes, nameSuffixes, type ParkPlan, parkPlans, type Sector } from './demo-data.js';

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return isoDate(value);
}

/** 9 digits for the company, 4 for the establishment, 2 check digits (the real rule is not published). */
function demoIce(n: number): string {
  const company = String(1_500_000 + n).padStart(9, '0');
  return `${company}0000${String((n * 37) % 97).padStart(2, '0')}`;
}

/** The plan being drawn: one random sequence (the demo is the same every time), the companies so far, the names used. */
type Planner = ReturnType<typeof planner>;

function planner(parkIds: Map<string, string>) {
  const random = randomSequence(2001);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  // The demo company accounts' own company keeps its name to itself.
  const usedNames = new Set<string>(['Atlas Cloud']);
  const companies: NewCompany[] = [];

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
      description: {},
      founders: Array.from({ length: founderCount }, (_, index) => ({
        name: `${pick(firstNames)} ${pick(lastNames)}`,
        role: index === 0 ? 'Gérant·e' : 'Associé·e',
      })),
      contacts: [],
    };
  };

  return { random, pick, companies, stageOf, profile };
}

/** A resident of a park: its company's index in the plan, when it entered and the year it is expected to leave by. */
type Resident = { index: number; entered: string; leaveBy: number };

/** The residents who leave in a year (about a quarter, and those past their expected stay); answers those who stay. */
function leavers(p: Planner & { todayYear: number }, residents: Resident[], year: number, dayIn: () => string): Resident[] {
  const staying: Resident[] = [];
  for (const resident of residents) {
    const company = p.companies[resident.index];
    const leaves = year > Number(resident.entered.slice(0, 4)) && (year >= resident.leaveBy || p.random() < 0.17);
    if (!leaves) {
      staying.push(resident);
      continue;
    }
    const left = dayIn();
    if (left <= resident.entered) {
      staying.push(resident);
      continue;
    }
    const roll = p.random();
    const status: LifecycleStatus = roll < 0.84 ? 'alumni' : roll < 0.94 ? 'closed' : 'merged_acquired';
    const reason =
      status === 'alumni' ? 'Départ vers ses propres locaux' : status === 'closed' ? 'Cessation d’activité' : 'Rachat par un groupe';
    company.history.push({ status, effectiveDate: left, reason, source: 'demo' });
    // A few alumni close in later years; merged companies count as surviving.
    if (status === 'alumni' && p.random() < 0.12) {
      const closedYear = year + 1 + Math.floor(p.random() * 6);
      if (closedYear < p.todayYear) {
        company.history.push({ status: 'closed', effectiveDate: `${closedYear}-06-30`, reason: 'Cessation d’activité', source: 'demo' });
      }
    }
  }
  return staying;
}

/** One company entering a park on a day of the year: admitted by a committee since 2008, directly before. */
function entrant(p: Planner, plan: ParkPlan, year: number, entered: string): Resident {
  const sector = p.pick(plan.sectors);
  const stage = p.stageOf();
  const ageYears = stage === 'startup' ? p.random() * 2 : stage === 'tpe' ? 1 + p.random() * 4 : 3 + p.random() * 12;
  const created = addDays(entered, -Math.round(ageYears * 365) - 30);
  const history: StatusStep[] = [];
  if (year >= 2008) {
    const admitted = addDays(entered, -(20 + Math.floor(p.random() * 90)));
    history.push({ status: 'applicant', effectiveDate: addDays(admitted, -30), reason: 'Dossier de candidature', source: 'demo' });
    history.push({ status: 'admitted', effectiveDate: admitted, reason: 'Comité d’attribution des bureaux', source: 'demo' });
  }
  history.push({ status: 'resident', effectiveDate: entered, reason: 'Entrée dans le parc', source: 'demo' });
  p.companies.push({ profile: p.profile(plan, sector, stage, created), history });
  const stay = stage === 'large' ? 8 + Math.floor(p.random() * 8) : 3 + Math.floor(p.random() * 3);
  return { index: p.companies.length - 1, entered, leaveBy: year + stay };
}

/** A park year by year since it opened: leavers, then entrants filling it up to its capacity of the year (ramp-up). */
function planPark(p: Planner & { todayYear: number; today: string }, plan: ParkPlan): void {
  const openYear = Number(plan.opened.slice(0, 4));
  let residents: Resident[] = [];
  for (let year = openYear; year <= p.todayYear; year++) {
    const yearStart = year === openYear ? plan.opened : `${year}-01-01`;
    const yearEnd = year === p.todayYear ? p.today : `${year}-12-31`;
    const span = Math.max(1, (Date.parse(yearEnd) - Date.parse(yearStart)) / 86_400_000);
    const dayIn = () => addDays(yearStart, Math.floor(p.random() * span));
    residents = leavers(p, residents, year, dayIn);
    const target = Math.round(plan.capacity * Math.min(1, (year - openYear + 1) / plan.rampYears));
    const entrants = Math.max(0, target - residents.length) + (year === p.todayYear ? 0 : Math.floor(p.random() * 2));
    for (let e = 0; e < entrants; e++) residents.push(entrant(p, plan, year, dayIn()));
  }
}

/** The company of the demo company accounts: a Casablanca software startup admitted in 2021. */
function planOwnCompany(p: Planner): void {
  const own = p.profile(parkPlans[0], 'ict', 'startup', '2020-09-14');
  Object.assign(own, {
    id: demoCompanyId,
    legalName: 'Atlas Cloud Software SARL',
    brandName: 'Atlas Cloud',
    legalForm: 'sarl',
    website: 'https://www.atlascloud.ma',
    email: 'contact@atlascloud.ma',
    description: {
      fr: 'Logiciels de gestion en ligne pour les PME marocaines (facturation, paie, stocks).',
      ar: 'برمجيات تدبير عبر الإنترنت للمقاولات الصغرى والمتوسطة المغربية (الفوترة، الأجور، المخزون).',
      en: 'Online management software for Moroccan SMEs (invoicing, payroll, stock).',
    },
    founders: [
      { name: 'Imane Berrada', role: 'Gérante' },
      { name: 'Mehdi Lahlou', role: 'Associé, directeur technique' },
    ],
  });
  p.companies.push({
    profile: own,
    history: [
      { status: 'applicant', effectiveDate: '2021-01-18', reason: 'Dossier de candidature', source: 'demo' },
      { status: 'admitted', effectiveDate: '2021-02-25', reason: 'Comité d’attribution des bureaux', source: 'demo' },
      { status: 'resident', effectiveDate: '2021-04-01', reason: 'Entrée dans le parc', source: 'demo' },
    ],
  });
}

/** Remote members of the e-Technopark offer: project holders and companies followed without an office. */
function planRemoteMembers(p: Planner, today: string): void {
  const remoteParks = ['casablanca', 'rabat', 'agadir'];
  for (let n = 0; n < 45; n++) {
    const plan = parkPlans.find((candidate) => candidate.slug === remoteParks[n % remoteParks.length]) as ParkPlan;
    const joined = addDays('2019-09-01', Math.floor(p.random() * ((Date.parse(today) - Date.parse('2019-09-01')) / 86_400_000)));
    const sector = p.pick(plan.sectors);
    const stage: CompanyStage = p.random() < 0.6 ? 'project_holder' : 'startup';
    const history: StatusStep[] = [
      { status: 'applicant', effectiveDate: addDays(joined, -21), reason: 'Inscription e-Technopark', source: 'demo' },
      { status: 'admitted', effectiveDate: addDays(joined, -7), reason: 'Entretien de sélection', source: 'demo' },
      { status: 'non_resident_member', effectiveDate: joined, reason: 'Membre à distance (e-Technopark)', source: 'demo' },
    ];
    const profile = p.profile(plan, sector, stage, addDays(joined, -Math.round(p.random() * 400) - 30));
    if (stage === 'project_holder') {
      Object.assign(profile, { legalForm: null, ice: null, rcNumber: null, ifNumber: null, patente: null, cnss: null, creationDate: null });
    }
    p.companies.push({ profile, history });
  }
}

/**
 * The companies of the demo network from 2001 to `today`: every park's residents year by year, with
 * entries, exits to the alumni community, closures and acquisitions, plus remote (non-resident)
 * members since the e-Technopark offer. Dates never pass `today`.
 */
export function planDemoCompanies(parkIds: Map<string, string>, today: string): NewCompany[] {
  const p = { ...planner(parkIds), todayYear: Number(today.slice(0, 4)), today };
  for (const plan of parkPlans) planPark(p, plan);
  planOwnCompany(p);
  planRemoteMembers(p, today);
  return p.companies.map((company) => ({ ...company, history: company.history.filter((step) => step.effectiveDate <= today) }));
}
