import type { Question } from '../../../../contracts/admissions.js';
import type { ServiceContext } from '../../../platform/context.js';
import { callCommitteeMembers, callCriteria, calls } from '../schema.js';
import { addDays, instant } from './demo-dates.js';

/** The form of the demo's open call: a pitch, the team, the kind of innovation, the market, a business plan. */
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

/**
 * The open call of the demo: Casablanca's office-allocation committee, published, open since 50 days and
 * closing in 45, with its five weighted criteria and its committee. Answers the call and its grid.
 */
export async function insertDemoCall(
  ctx: ServiceContext,
  { today, casablanca, committeeIds, officerId }: { today: string; casablanca: string; committeeIds: string[]; officerId: string },
) {
  const tx = ctx.db;
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
  return { call, criteria };
}
