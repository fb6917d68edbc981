import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Question } from '../../../contracts/admissions.js';
import type { CompanyStage } from '../../../contracts/companies.js';
import type { regions as regionList, sectors as sectorList } from '../../../contracts/parks.js';
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../platform/access.js';
import type { ServiceContext } from '../../platform/context.js';
import { type DemoAccount, type DemoContext, randomSequence } from '../../platform/demo.js';
import { grantRole } from '../../platform/grants/service.js';
import { insertCompanies, insertCompany } from '../companies/index.js';
import { listParkRefs } from '../parks/index.js';
import { createAccount, findAccountByEmail } from '../people/index.js';
import { allocateApplicationReference } from './application-reference.js';
import { checkEligibility } from './eligibility.js';
import {
  applications,
  callCommitteeMembers,
  callCriteria,
  calls,
  deliberations,
  evaluationScores,
  evaluations,
  reviewAssignments,
  waitingListEntries,
} from './schema.js';

type Sector = (typeof sectorList)[number];
type Region = (typeof regionList)[number];

const day = 86_400_000;

/** The demo applicant: submitted an application to the open call and follows it under "My applications". */
export const demoApplicantEmail = 'applicant@technopark.demo';

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * day).toISOString().slice(0, 10);
}

/** Casablanca office hours: a local date at 10:00 (UTC+1, close enough for demo instants). */
function instant(date: string, hour = 10): Date {
  return new Date(`${date}T${String(hour - 1).padStart(2, '0')}:00:00Z`);
}

export const demoCallQuestions: Question[] = [
  {
    id: 'pitch',
    kind: 'long_text',
    label: { fr: 'Présentez votre projet en quelques lignes', ar: 'قدموا مشروعكم في بضعة أسطر', en: 'Present your project in a few lines' },
    required: true,
    maxLength: 3000,
  },
  {
    id: 'team_size',
    kind: 'number',
    label: { fr: "Nombre de personnes dans l'équipe", ar: 'عدد أعضاء الفريق', en: 'People in the team' },
    required: true,
    min: 1,
    max: 200,
  },
  {
    id: 'innovation',
    kind: 'choice',
    label: { fr: "Nature de l'innovation", ar: 'طبيعة الابتكار', en: 'Kind of innovation' },
    required: true,
    options: [
      { value: 'product', label: { fr: 'Produit ou service', ar: 'منتوج أو خدمة', en: 'Product or service' } },
      { value: 'process', label: { fr: 'Procédé', ar: 'طريقة إنتاج', en: 'Process' } },
      { value: 'business_model', label: { fr: "Modèle d'affaires", ar: 'نموذج أعمال', en: 'Business model' } },
    ],
  },
  {
    id: 'market',
    kind: 'long_text',
    label: { fr: 'Marché visé et premiers clients', ar: 'السوق المستهدفة والزبناء الأوائل', en: 'Target market and first customers' },
    required: false,
    maxLength: 2000,
  },
  {
    id: 'business_plan',
    kind: 'file',
    label: { fr: "Plan d'affaires (PDF)", ar: 'مخطط الأعمال (PDF)', en: 'Business plan (PDF)' },
    required: false,
  },
];

const demoCriteria = [
  { label: { fr: 'Équipe', ar: 'الفريق', en: 'Team' }, weight: 25 },
  { label: { fr: 'Innovation', ar: 'الابتكار', en: 'Innovation' }, weight: 25 },
  { label: { fr: 'Marché', ar: 'السوق', en: 'Market' }, weight: 20 },
  { label: { fr: 'Adéquation aux secteurs du parc', ar: 'الملاءمة مع قطاعات الحديقة', en: 'Fit with the park’s sectors' }, weight: 15 },
  { label: { fr: 'Impact régional', ar: 'الأثر الجهوي', en: 'Regional impact' }, weight: 15 },
];

type Applicant = {
  company: string;
  contact: string;
  email: string;
  locale: 'fr' | 'ar' | 'en';
  sector: Sector;
  stage: CompanyStage;
  region: Region;
  created: string | null;
  area: number;
  pitch: string;
  team: number;
  innovation: 'product' | 'process' | 'business_model';
};

const applicants: Applicant[] = [
  {
    company: 'Darija Voice',
    contact: 'Hajar Skalli',
    email: 'hajar@darijavoice.ma',
    locale: 'fr',
    sector: 'ict',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2025-02-10',
    area: 18,
    pitch: 'Reconnaissance vocale en darija pour les centres d’appels.',
    team: 4,
    innovation: 'product',
  },
  {
    company: 'Sanad Santé',
    contact: 'Youssef Naciri',
    email: 'youssef@sanadsante.ma',
    locale: 'ar',
    sector: 'healthtech',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2024-09-01',
    area: 24,
    pitch: 'منصة لتتبع مرضى الأمراض المزمنة عن بعد.',
    team: 6,
    innovation: 'product',
  },
  {
    company: 'Bladi Pay',
    contact: 'Ghita Benjelloun',
    email: 'ghita@bladipay.ma',
    locale: 'fr',
    sector: 'fintech',
    stage: 'startup',
    region: 'rabat_sale_kenitra',
    created: '2025-06-15',
    area: 20,
    pitch: 'Paiement mobile pour les petits commerçants.',
    team: 5,
    innovation: 'business_model',
  },
  {
    company: 'Argan Data',
    contact: 'Anas Tazi',
    email: 'anas@argandata.ma',
    locale: 'en',
    sector: 'agritech',
    stage: 'startup',
    region: 'souss_massa',
    created: '2024-04-20',
    area: 16,
    pitch: 'Satellite data for argan and olive growers.',
    team: 3,
    innovation: 'process',
  },
  {
    company: 'Zellige Games',
    contact: 'Kenza Alami',
    email: 'kenza@zelligegames.ma',
    locale: 'fr',
    sector: 'cultural_creative',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2023-11-05',
    area: 30,
    pitch: 'Jeux vidéo inspirés du patrimoine marocain.',
    team: 8,
    innovation: 'product',
  },
  {
    company: 'Noor Solar Tech',
    contact: 'Reda Mansouri',
    email: 'reda@noorsolartech.ma',
    locale: 'fr',
    sector: 'greentech',
    stage: 'tpe',
    region: 'casablanca_settat',
    created: '2022-03-14',
    area: 40,
    pitch: 'Pompes solaires connectées pour l’irrigation.',
    team: 11,
    innovation: 'product',
  },
  {
    company: 'Tadelakt Studio',
    contact: 'Sara El Fassi',
    email: 'sara@tadelakt.ma',
    locale: 'ar',
    sector: 'cultural_creative',
    stage: 'startup',
    region: 'marrakech_safi',
    created: '2025-01-08',
    area: 14,
    pitch: 'استوديو تصميم رقمي للصناعة التقليدية.',
    team: 3,
    innovation: 'business_model',
  },
  {
    company: 'Cloud Medina',
    contact: 'Othmane Bouzidi',
    email: 'othmane@cloudmedina.ma',
    locale: 'fr',
    sector: 'ict',
    stage: 'sme',
    region: 'casablanca_settat',
    created: '2009-05-02',
    area: 60,
    pitch: 'Hébergement cloud souverain pour les administrations.',
    team: 35,
    innovation: 'process',
  },
  {
    company: 'Oasis Learn',
    contact: 'Loubna Haddaoui',
    email: 'loubna@oasislearn.ma',
    locale: 'en',
    sector: 'edtech',
    stage: 'startup',
    region: 'draa_tafilalet',
    created: '2025-03-30',
    area: 14,
    pitch: 'Offline-first learning tablets for rural schools.',
    team: 4,
    innovation: 'product',
  },
  {
    company: 'Bab Logistics',
    contact: 'Hamza Raji',
    email: 'hamza@bablogistics.ma',
    locale: 'fr',
    sector: 'logistics',
    stage: 'startup',
    region: 'tanger_tetouan_al_hoceima',
    created: '2024-07-19',
    area: 22,
    pitch: 'Mutualisation du dernier kilomètre pour le e-commerce.',
    team: 7,
    innovation: 'business_model',
  },
  {
    company: 'Kasbah AI',
    contact: 'Zineb Kettani',
    email: 'zineb@kasbahai.ma',
    locale: 'fr',
    sector: 'ict',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2025-08-01',
    area: 18,
    pitch: 'Assistants d’IA pour les cabinets comptables.',
    team: 5,
    innovation: 'product',
  },
  {
    company: 'Mogador Blue',
    contact: 'Ayoub Sqalli',
    email: 'ayoub@mogadorblue.ma',
    locale: 'ar',
    sector: 'fisheries',
    stage: 'startup',
    region: 'marrakech_safi',
    created: '2024-12-12',
    area: 20,
    pitch: 'تتبع سلسلة التبريد لمنتجات الصيد البحري.',
    team: 4,
    innovation: 'process',
  },
  {
    company: 'Anfa Robotics',
    contact: 'Amine Zniber',
    email: 'amine@anfarobotics.ma',
    locale: 'fr',
    sector: 'industry',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2024-02-26',
    area: 45,
    pitch: 'Bras robotisés à bas coût pour les PME industrielles.',
    team: 9,
    innovation: 'product',
  },
  {
    company: 'Atlas Health Lab',
    contact: 'Nadia Idrissi',
    email: 'nadia@atlashealthlab.ma',
    locale: 'fr',
    sector: 'healthtech',
    stage: 'startup',
    region: 'casablanca_settat',
    created: '2025-05-05',
    area: 25,
    pitch: 'Analyses médicales à domicile avec résultats en ligne.',
    team: 6,
    innovation: 'business_model',
  },
  {
    company: 'Ifrane Cyber',
    contact: 'Omar Ouazzani',
    email: 'omar@ifranecyber.ma',
    locale: 'en',
    sector: 'ict',
    stage: 'startup',
    region: 'fes_meknes',
    created: '2025-09-09',
    area: 16,
    pitch: 'Managed security monitoring for SMEs.',
    team: 4,
    innovation: 'product',
  },
];

type Stage =
  | 'draft'
  | 'submitted'
  | 'submitted_old_company'
  | 'ineligible'
  | 'review_scored'
  | 'review_split'
  | 'review_partial'
  | 'review_conflict'
  | 'review_new'
  | 'admitted'
  | 'waitlisted'
  | 'rejected'
  | 'withdrawn';

/** One application of the open call at each stage of the flow, in this order. */
const stages: Stage[] = [
  'draft',
  'draft',
  'submitted',
  'submitted_old_company',
  'submitted',
  'ineligible',
  'review_scored',
  'review_split',
  'review_partial',
  'review_conflict',
  'review_new',
  'admitted',
  'waitlisted',
  'rejected',
  'withdrawn',
];

/**
 * The open call of the demo (Casablanca's office-allocation committee) with applications at every
 * stage, three committee members' scores (one file with members far apart, one with a declared
 * conflict), the decisions already taken with the companies they created, and the park's waiting list
 * of admitted companies waiting for a unit (30–40 companies, as at the reference park).
 */
export async function seedDemoAdmissions(
  tx: Executor,
  actor: Actor,
  options: {
    ctx: ServiceContext;
    today: string;
    parkIds: Map<string, string>;
    committeeIds: string[];
    officerId: string;
    passwordHash: string;
  },
) {
  const { today, parkIds, committeeIds, officerId, passwordHash } = options;
  const casablanca = parkIds.get('casablanca') as string;
  const random = randomSequence(139);

  const [call] = await tx
    .insert(calls)
    .values({
      slug: 'bureaux-casablanca-2027',
      title: {
        fr: 'Attribution de bureaux — Technopark Casablanca, session 2027',
        ar: 'تخصيص المكاتب — تكنوبارك الدار البيضاء، دورة 2027',
        en: 'Office allocation — Technopark Casablanca, 2027 session',
      },
      summary: {
        fr: 'Startups et TPE innovantes des TIC, des technologies vertes et des industries culturelles et créatives : candidatez pour un bureau au Technopark Casablanca.',
        ar: 'المقاولات الناشئة والصغيرة جدا المبتكرة في تكنولوجيا المعلومات والتكنولوجيا الخضراء والصناعات الثقافية والإبداعية: قدموا ترشيحكم للحصول على مكتب بتكنوبارك الدار البيضاء.',
        en: 'Innovative startups and very small companies in ICT, green tech and the cultural and creative industries: apply for an office at Technopark Casablanca.',
      },
      description: {
        fr: "Le comité d'attribution des bureaux examine chaque dossier sur cinq critères pondérés. Les entreprises admises rejoignent la liste d'attente du parc jusqu'à la libération d'un bureau de la taille demandée. Loyer subventionné de 50 MAD/m²/mois pendant les 18 premiers mois.",
        ar: 'تدرس لجنة تخصيص المكاتب كل ملف وفق خمسة معايير مرجحة. تلتحق المقاولات المقبولة بلائحة انتظار الحديقة إلى حين توفر مكتب بالمساحة المطلوبة. كراء مدعم بقيمة 50 درهما للمتر المربع شهريا خلال الأشهر الثمانية عشر الأولى.',
        en: 'The office-allocation committee reviews each file on five weighted criteria. Admitted companies join the park’s waiting list until an office of the requested size frees up. Subsidised rent of 50 MAD/m²/month for the first 18 months.',
      },
      kind: 'residency',
      parkId: casablanca,
      opensAt: instant(addDays(today, -50), 9),
      closesAt: instant(addDays(today, 45), 18),
      publishedAt: instant(addDays(today, -52)),
      eligibility: {
        sectors: [
          'ict',
          'greentech',
          'cultural_creative',
          'healthtech',
          'fintech',
          'industry',
          'logistics',
          'edtech',
          'agritech',
          'fisheries',
        ],
        stages: ['project_holder', 'startup', 'tpe'],
        regions: [],
        maxCompanyAgeYears: 5,
      },
      questions: demoCallQuestions,
      scoreMin: 0,
      scoreMax: 5,
      spreadThreshold: 1.5,
      createdBy: officerId,
    })
    .returning();
  const criteria = await tx
    .insert(callCriteria)
    .values(demoCriteria.map((criterion, position) => ({ callId: call.id, position, ...criterion })))
    .returning();
  await tx.insert(callCommitteeMembers).values(committeeIds.map((userId) => ({ callId: call.id, userId })));

  const applicantAccounts: string[] = [];
  for (const [index, stage] of stages.entries()) {
    const applicant = applicants[index];
    const submittedOn = addDays(today, -45 + index * 2);
    const answers = { pitch: applicant.pitch, team_size: applicant.team, innovation: applicant.innovation, market: '' };
    const base = {
      callId: call.id,
      locale: applicant.locale,
      contactName: applicant.contact,
      contactEmail: applicant.email,
      contactPhone: `+212 6${String(10_000_000 + index * 7_654_321).slice(0, 8)}`,
      companyName: applicant.company,
      sector: applicant.sector,
      stage: applicant.stage,
      region: applicant.region,
      creationDate: applicant.created,
      requiredAreaM2: applicant.area,
      answers,
    };
    if (stage === 'draft') {
      const token = randomBytes(24).toString('base64url');
      await tx.insert(applications).values({
        ...base,
        status: 'draft',
        answers: { pitch: applicant.pitch },
        draftTokenHash: createHash('sha256').update(token).digest('hex'),
      });
      continue;
    }
    // Everyone who submitted has an account (created on submission); the first one is a demo account.
    const email = applicantAccounts.length === 0 ? demoApplicantEmail : applicant.email;
    const user = await createAccount(tx, { name: applicant.contact, email, locale: applicant.locale, passwordHash });
    applicantAccounts.push(user.id);
    const submittedAt = instant(submittedOn, 11);
    const reference = await allocateApplicationReference(tx, call.id, submittedAt);
    const oldCompany = stage === 'submitted_old_company';
    const problems = checkEligibility(
      call.eligibility,
      {
        sector: applicant.sector,
        stage: applicant.stage,
        region: applicant.region,
        creationDate: oldCompany ? '2009-05-02' : applicant.created,
      },
      submittedOn,
    );
    const checked = stage !== 'submitted' && !oldCompany && stage !== 'withdrawn';
    const decided = stage === 'admitted' || stage === 'waitlisted' || stage === 'rejected';
    const decidedOn = addDays(today, -6);
    const status =
      stage === 'submitted_old_company'
        ? 'submitted'
        : stage.startsWith('review_')
          ? 'under_review'
          : (stage as 'submitted' | 'ineligible' | 'admitted' | 'waitlisted' | 'rejected' | 'withdrawn');
    const [application] = await tx
      .insert(applications)
      .values({
        ...base,
        creationDate: oldCompany ? '2009-05-02' : applicant.created,
        reference,
        status,
        applicantUserId: user.id,
        submittedAt,
        eligibilityProblems: problems,
        eligibilityNote: stage === 'ineligible' ? 'Activité de négoce sans composante innovante.' : '',
        eligibilityCheckedAt: checked ? instant(addDays(submittedOn, 3)) : null,
        eligibilityCheckedBy: checked ? officerId : null,
        decision: decided ? (stage as 'admitted' | 'waitlisted' | 'rejected') : null,
        decisionReason:
          stage === 'rejected'
            ? 'Le marché visé est déjà très concurrentiel et le projet ne se distingue pas assez.'
            : stage === 'waitlisted'
              ? 'Dossier solide : il sera admis dès qu’une place se libère dans cette session.'
              : '',
        decidedAt: decided ? instant(decidedOn, 16) : null,
        decidedBy: decided ? officerId : null,
      })
      .returning();

    const reviewed = stage.startsWith('review_') || decided;
    if (!reviewed) continue;
    await tx.insert(reviewAssignments).values(
      committeeIds.map((memberUserId, member) => ({
        applicationId: application.id,
        memberUserId,
        assignedAt: instant(addDays(submittedOn, 3)),
        conflictDeclaredAt: stage === 'review_conflict' && member === 2 ? instant(addDays(submittedOn, 5)) : null,
        conflictReason: stage === 'review_conflict' && member === 2 ? 'Ancien associé de la fondatrice.' : '',
      })),
    );
    // Who has scored: everyone on decided and scored files, two members far apart on the split one,
    // one member on the partial one, the two members without a conflict on the conflict one.
    const scorers =
      stage === 'review_new'
        ? []
        : stage === 'review_partial'
          ? [0]
          : stage === 'review_conflict'
            ? [0, 1]
            : stage === 'review_split'
              ? [0, 1]
              : [0, 1, 2];
    const level = stage === 'admitted' ? 4.3 : stage === 'waitlisted' ? 3.4 : stage === 'rejected' ? 2.1 : 3.6;
    for (const member of scorers) {
      const bias = stage === 'review_split' ? (member === 0 ? 1.3 : -1.4) : (random() - 0.5) * 0.8;
      const [evaluation] = await tx
        .insert(evaluations)
        .values({
          applicationId: application.id,
          memberUserId: committeeIds[member],
          comment: member === 0 ? 'Équipe motivée, besoin de préciser le modèle économique.' : '',
          submittedAt: instant(addDays(submittedOn, 6 + member), 15),
        })
        .returning();
      await tx.insert(evaluationScores).values(
        criteria.map((criterion) => ({
          evaluationId: evaluation.id,
          criterionId: criterion.id,
          score: Math.max(0, Math.min(5, Math.round(level + bias + (random() - 0.5)))),
          comment: '',
        })),
      );
    }
    if (stage === 'admitted') {
      const company = await insertCompany(
        tx,
        actor,
        {
          legalName: `${applicant.company} SARL`,
          brandName: applicant.company,
          legalForm: 'sarl',
          creationDate: applicant.created,
          sectors: [applicant.sector],
          stage: applicant.stage,
          parkId: casablanca,
          email: applicant.email,
        },
        [
          { status: 'applicant', effectiveDate: submittedOn, reason: `Candidature ${reference}`, source: 'admission' },
          { status: 'admitted', effectiveDate: decidedOn, reason: 'Comité d’attribution des bureaux', source: 'admission' },
        ],
      );
      await tx.update(applications).set({ companyId: company.id }).where(eq(applications.id, application.id));
      await grantRole(options.ctx, { userId: user.id, role: 'company_admin', scopeId: company.id });
      await tx.insert(waitingListEntries).values({
        parkId: casablanca,
        companyId: company.id,
        applicationId: application.id,
        requiredAreaM2: applicant.area,
        requestedOn: decidedOn,
      });
    }
  }

  await tx.insert(deliberations).values({
    callId: call.id,
    heldOn: addDays(today, -6),
    attendees: ['Meryem Tazi', 'Omar Chraibi', 'Latifa Ouazzani', 'Driss Bensouda'],
    minutes:
      "Séance du comité d'attribution des bureaux. Trois dossiers examinés après notation individuelle. Mogador Blue est admise (note pondérée la plus haute, forte adéquation avec les secteurs du parc) et rejoint la liste d'attente du parc pour 20 m². Anfa Robotics est placée en liste d'attente de la session. Atlas Health Lab n'est pas retenue : marché très concurrentiel, différenciation insuffisante.",
    recordedBy: officerId,
  });

  await seedWaitingList(tx, actor, { today, casablanca, random });
  return { callId: call.id };
}

/**
 * Casablanca is full: companies admitted by earlier sessions wait for an office of their size, first
 * come first served (REFERENCE-NETWORK.md: 30–40 companies, 3–4 months).
 */
async function seedWaitingList(tx: Executor, actor: Actor, options: { today: string; casablanca: string; random: () => number }) {
  const { today, casablanca, random } = options;
  const names = ['Sahara', 'Menara', 'Chellah', 'Lixus', 'Ziz', 'Agdal', 'Tizi', 'Asif', 'Ouzoud', 'Maamora', 'Toubkal', 'Saïss'];
  // Words the other demo companies do not use, every pair once.
  const kinds = ['Apps', 'Analytics', 'Mobility', 'Secure', 'Vision', 'Connect', 'Sense', 'Bots'];
  const sectors: Sector[] = ['ict', 'fintech', 'cultural_creative', 'greentech', 'healthtech'];
  const planned = Array.from({ length: 33 }, (_, n) => {
    const admitted = addDays(today, -(8 + Math.floor((n * 115) / 33) + Math.floor(random() * 3)));
    const brand = `${names[n % names.length]} ${kinds[(n + Math.floor(n / names.length)) % kinds.length]}`;
    return {
      admitted,
      area: [14, 16, 18, 20, 24, 30, 40, 60][Math.floor(random() * 8)],
      item: {
        input: {
          legalName: `${brand} SARL`,
          brandName: brand,
          legalForm: 'sarl' as const,
          creationDate: addDays(admitted, -Math.round(200 + random() * 900)),
          sectors: [sectors[n % sectors.length]],
          stage: 'startup' as const,
          parkId: casablanca,
        },
        history: [
          {
            status: 'applicant' as const,
            effectiveDate: addDays(admitted, -40),
            reason: 'Dossier de candidature',
            source: 'demo' as const,
          },
          { status: 'admitted' as const, effectiveDate: admitted, reason: 'Comité d’attribution des bureaux', source: 'demo' as const },
        ],
      },
    };
  });
  const created = await insertCompanies(
    tx,
    actor,
    planned.map((entry) => entry.item),
  );
  await tx.insert(waitingListEntries).values(
    created.map((company, index) => ({
      parkId: casablanca,
      companyId: company.id,
      requiredAreaM2: planned[index].area,
      requestedOn: planned[index].admitted,
    })),
  );
}

/** The admissions of the demo: the open call of Casablanca with its committee, applications, scores and waiting list. */
export async function seedDemoCalls({ ctx, today, passwordHash }: DemoContext): Promise<DemoAccount[]> {
  const parkIds = new Map((await listParkRefs(ctx)).map((park) => [park.slug, park.id]));
  const idOf = async (email: string) => (await findAccountByEmail(ctx.db, email))?.id as string;
  const committeeIds = await Promise.all(
    ['committee@technopark.demo', 'committee2@technopark.demo', 'committee3@technopark.demo'].map(idOf),
  );
  await seedDemoAdmissions(ctx.db, ctx.actor, {
    ctx,
    today,
    parkIds,
    committeeIds,
    officerId: await idOf('officer@technopark.demo'),
    passwordHash,
  });
  return [{ email: demoApplicantEmail, role: 'applicant' }];
}
