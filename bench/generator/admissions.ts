import { callKinds } from '../../src/contracts/admissions.js';
import { regions } from '../../src/contracts/parks.js';
import type { Row, Tally } from './bulk.js';
import { type CompanyPlan, personName } from './companies.js';
import type { ParkPlan } from './parks.js';
import { addDays, earlier, instantOn, type Random } from './random.js';
import { anchorDate, type GeneratedSize } from './sizes.js';
import type { Staff } from './staff.js';

type Call = { id: string; park: ParkPlan; opens: string; closes: string; criteria: string[]; committee: string[]; applications: number };

const criteria = [
  ['Innovation', 30],
  ['Équipe', 30],
  ['Marché', 20],
  ['Impact', 20],
] as const;
const reviewed = new Set(['under_review', 'admitted', 'waitlisted', 'rejected']);

/**
 * Calls for applications (each park, each year, in windows that share the year), and their applications: one
 * per generated company in the call open when it applied (admitted, rejected or still under review as its history
 * says), and others that led to no company; the reviewed ones scored by the call's committee on every criterion.
 * Answers the call whose ranking the bench reads (the most applications in the year it reports on).
 */
export async function generateAdmissions(
  tally: Tally,
  random: Random,
  size: GeneratedSize,
  parks: ParkPlan[],
  companies: CompanyPlan[],
  staff: Staff,
) {
  const calls = await generateCalls(tally, random, size, parks, staff);
  const counters = new Map<number, number>();
  const reference = (date: string) => {
    const year = Number(date.slice(0, 4));
    const last = (counters.get(year) ?? 0) + 1;
    counters.set(year, last);
    return `${year}-${String(last).padStart(5, '0')}`;
  };
  const windowDays = 365 / size.callsPerParkYear;
  const callOf = (park: ParkPlan, date: string) => {
    const dayOfYear = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${date.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000;
    return calls.get(`${park.id}/${date.slice(0, 4)}/${Math.min(size.callsPerParkYear - 1, Math.floor(dayOfYear / windowDays))}`) as Call;
  };
  let rows = { applications: [] as Row[], assignments: [] as Row[], evaluations: [] as Row[], scores: [] as Row[] };
  const flush = async () => {
    await tally.insert('applications', rows.applications);
    await tally.insert('review_assignments', rows.assignments);
    await tally.insert('evaluations', rows.evaluations);
    await tally.insert('evaluation_scores', rows.scores);
    rows = { applications: [], assignments: [], evaluations: [], scores: [] };
  };
  for (const company of companies) {
    const joined = company.history[0].effectiveDate;
    const call = callOf(company.park, joined);
    const statuses = company.history.map((step) => step.status);
    const admitted = company.history.find((step) => step.status === 'admitted');
    const status = admitted ? 'admitted' : statuses.includes('closed') ? 'rejected' : 'under_review';
    const decided = admitted?.effectiveDate ?? (status === 'rejected' ? company.history[1].effectiveDate : null);
    addApplication(random, rows, call, { ...applicantOf(company), status, submitted: joined, decided, reference: reference(joined) });
    if (random.chance(0.5)) {
      const submitted = addDays(call.opens, random.int(0, 40));
      if (submitted > anchorDate) continue;
      const open = call.closes > anchorDate;
      const other = open
        ? random.pick(['submitted', 'under_review'] as const)
        : random.pick(['rejected', 'rejected', 'waitlisted', 'ineligible', 'withdrawn'] as const);
      const decidedOn = other === 'rejected' || other === 'waitlisted' ? addDays(call.closes.slice(0, 10), 20) : null;
      const applicant = {
        companyId: null,
        userId: null,
        name: `${company.name.split(' ')[0]} Projet ${random.int(1, 9999)}`,
        contact: personName(random),
        email: '',
      };
      addApplication(random, rows, call, { ...applicant, status: other, submitted, decided: decidedOn, reference: reference(submitted) });
    }
    if (rows.scores.length > 20_000) await flush();
  }
  await flush();
  await finishCalls(tally, random, [...calls.values()], counters);
  const ranked = [...calls.values()].filter((call) => call.closes <= anchorDate).sort((a, b) => b.applications - a.applications)[0];
  return { rankingCallId: ranked.id };
}

async function generateCalls(tally: Tally, random: Random, size: GeneratedSize, parks: ParkPlan[], staff: Staff) {
  const calls = new Map<string, Call>();
  const callRows: Row[] = [];
  const criterionRows: Row[] = [];
  const committeeRows: Row[] = [];
  const windowDays = Math.floor(365 / size.callsPerParkYear);
  const firstYear = Number(anchorDate.slice(0, 4)) - size.years;
  for (const park of parks) {
    for (let year = firstYear; year <= Number(anchorDate.slice(0, 4)); year++) {
      for (let k = 0; k < size.callsPerParkYear; k++) {
        const opens = addDays(`${year}-01-01`, k * windowDays);
        if (opens > anchorDate) continue;
        const closes = k === size.callsPerParkYear - 1 ? `${year}-12-31` : addDays(opens, windowDays - 1);
        const id = random.uuid();
        const committee = [...new Set([random.pick(staff.committeeIds), random.pick(staff.committeeIds), random.pick(staff.committeeIds)])];
        const call: Call = { id, park, opens, closes, criteria: criteria.map(() => random.uuid()), committee, applications: 0 };
        calls.set(`${park.id}/${year}/${k}`, call);
        const kind = random.pick(callKinds);
        callRows.push({
          id,
          slug: `${park.slug}-${year}-${k + 1}`,
          title: { fr: `Appel ${kind} ${year} n° ${k + 1}, ${park.city}`, en: `Call ${kind} ${year} no. ${k + 1}, ${park.city}` },
          summary: { fr: `Candidatures au parc de ${park.city}.` },
          kind,
          park_id: park.id,
          opens_at: instantOn(opens, -540),
          closes_at: `${closes}T22:59:00.000Z`,
          published_at: instantOn(addDays(opens, -7)),
          created_by: staff.officerId,
          created_at: instantOn(addDays(opens, -10)),
          updated_at: instantOn(addDays(opens, -7)),
        });
        criteria.forEach(([label, weight], position) => {
          criterionRows.push({ id: call.criteria[position], call_id: id, position, label: { fr: label }, weight });
        });
        for (const userId of committee) committeeRows.push({ call_id: id, user_id: userId, added_at: instantOn(opens) });
      }
    }
  }
  await tally.insert('calls', callRows);
  await tally.insert('call_criteria', criterionRows);
  await tally.insert('call_committee_members', committeeRows);
  return calls;
}

type Applicant = { companyId: string | null; userId: string | null; name: string; contact: string; email: string };

function applicantOf(company: CompanyPlan): Applicant {
  return { companyId: company.id, userId: company.adminUserId, name: company.name, contact: company.adminName, email: company.adminEmail };
}

function addApplication(
  random: Random,
  rows: { applications: Row[]; assignments: Row[]; evaluations: Row[]; scores: Row[] },
  call: Call,
  input: Applicant & { status: string; submitted: string; decided: string | null; reference: string },
) {
  const id = random.uuid();
  call.applications += 1;
  const decision = input.status === 'admitted' || input.status === 'rejected' || input.status === 'waitlisted' ? input.status : null;
  rows.applications.push({
    id,
    call_id: call.id,
    reference: input.reference,
    status: input.status,
    applicant_user_id: input.userId,
    contact_name: input.contact,
    contact_email: input.email || `${input.reference}@applicants.bench.technopark.ma`,
    contact_phone: `+212 6${random.int(10_000_000, 99_999_999)}`,
    company_name: input.name,
    sector: call.park.sectors[0],
    stage: 'startup',
    region: random.chance(0.8) ? call.park.region : random.pick(regions),
    required_area_m2: random.int(10, 120),
    answers: { pitch: `${input.name} : notre projet.`, team_size: random.int(1, 12) },
    decision,
    decided_at: decision && input.decided ? instantOn(input.decided) : null,
    company_id: input.companyId,
    submitted_at: instantOn(input.submitted, 30),
    created_at: instantOn(input.submitted),
    updated_at: instantOn(input.decided ?? input.submitted, 60),
  });
  if (!reviewed.has(input.status)) return;
  for (const member of call.committee) {
    rows.assignments.push({ application_id: id, member_user_id: member, assigned_at: instantOn(input.submitted, 120) });
    if (!random.chance(0.9)) continue;
    const evaluationId = random.uuid();
    rows.evaluations.push({
      id: evaluationId,
      application_id: id,
      member_user_id: member,
      comment: '',
      submitted_at: instantOn(input.submitted, 600),
    });
    for (const criterionId of call.criteria)
      rows.scores.push({ evaluation_id: evaluationId, criterion_id: criterionId, score: random.int(0, 5) });
  }
}

/** The committees' deliberations on the calls that closed, and the reference counters the app continues from. */
async function finishCalls(tally: Tally, random: Random, calls: Call[], counters: Map<number, number>) {
  const deliberations = calls
    .filter((call) => call.applications > 0 && call.closes < anchorDate)
    .map((call) => ({
      id: random.uuid(),
      call_id: call.id,
      held_on: earlier(addDays(call.closes, 10), anchorDate),
      attendees: call.committee,
      minutes: 'Le comité a examiné les candidatures et arrêté le classement.',
      recorded_at: instantOn(call.closes),
    }));
  await tally.insert('deliberations', deliberations);
  await tally.insert(
    'application_reference_counters',
    [...counters.entries()].map(([year, last]) => ({ year, last })),
  );
}
