import { eq } from 'drizzle-orm';
import type { Question } from '../../contracts/admissions.js';
import type { Database } from '../db/database.js';
import { allocateApplicationReference } from '../modules/admissions/applications/application-reference.js';
import { applications, callCommitteeMembers, callCriteria, calls } from '../modules/admissions/schema.js';

let sequence = 0;
const day = 24 * 60 * 60 * 1000;

/** The three questions of a factory call: a required long text, a required bounded number, an optional choice. */
export const factoryQuestions: Question[] = [
  {
    id: 'pitch',
    kind: 'long_text',
    label: { fr: 'Présentez votre projet', ar: 'قدموا مشروعكم', en: 'Present your project' },
    required: true,
    maxLength: 2000,
  },
  {
    id: 'team_size',
    kind: 'number',
    label: { fr: "Taille de l'équipe", ar: 'حجم الفريق', en: 'Team size' },
    required: true,
    min: 1,
    max: 500,
  },
  {
    id: 'funding',
    kind: 'choice',
    label: { fr: 'Financement obtenu', ar: 'التمويل المحصل عليه', en: 'Funding raised' },
    required: false,
    options: [
      { value: 'none', label: { fr: 'Aucun', ar: 'لا شيء', en: 'None' } },
      { value: 'grant', label: { fr: 'Subvention', ar: 'منحة', en: 'Grant' } },
      { value: 'equity', label: { fr: 'Capital', ar: 'رأس المال', en: 'Equity' } },
    ],
  },
];

/** Answers that satisfy `factoryQuestions`. */
export const factoryAnswers = { pitch: 'Une plateforme de traçabilité agricole.', team_size: 4, funding: 'grant' };

type CallOverrides = Partial<typeof calls.$inferInsert> & {
  /** Members of the selection committee (users who should hold the committee_member role). */
  committeeUserIds?: string[];
  criteria?: { label: { fr: string; ar?: string; en?: string }; weight: number }[];
};

/**
 * A published call open since ten days and closing in twenty, with two weighted criteria (team ×2,
 * innovation ×1), the three `factoryQuestions`, a 0–5 scale, and the given committee.
 */
export async function buildCall(db: Database, overrides: CallOverrides = {}) {
  sequence += 1;
  const n = sequence;
  const { committeeUserIds = [], criteria: criteriaInput, ...callOverrides } = overrides;
  const now = Date.now();
  return db.transaction(async (tx) => {
    const [call] = await tx
      .insert(calls)
      .values({
        slug: `call-${n}-${Math.random().toString(36).slice(2, 7)}`,
        title: { fr: `Appel ${n}`, ar: `إعلان ${n}`, en: `Call ${n}` },
        summary: { fr: `Résumé de l'appel ${n}` },
        description: { fr: `Description de l'appel ${n}` },
        kind: 'incubation',
        opensAt: new Date(now - 10 * day),
        closesAt: new Date(now + 20 * day),
        publishedAt: new Date(now - 10 * day),
        questions: factoryQuestions,
        ...callOverrides,
      })
      .returning();
    const criteria = await tx
      .insert(callCriteria)
      .values(
        (
          criteriaInput ?? [
            { label: { fr: 'Équipe', ar: 'الفريق', en: 'Team' }, weight: 2 },
            { label: { fr: 'Innovation', ar: 'الابتكار', en: 'Innovation' }, weight: 1 },
          ]
        ).map((criterion, position) => ({ callId: call.id, position, label: criterion.label, weight: criterion.weight })),
      )
      .returning();
    if (committeeUserIds.length) {
      await tx.insert(callCommitteeMembers).values(committeeUserIds.map((userId) => ({ callId: call.id, userId })));
    }
    return { ...call, criteria, committeeUserIds };
  });
}

/**
 * A submitted application inserted directly (no e-mail, no eligibility check), with a reference allocated
 * like a real submission. Pass `status: 'draft'` for a draft (it then has no reference).
 */
export async function buildApplication(db: Database, callId: string, overrides: Partial<typeof applications.$inferInsert> = {}) {
  sequence += 1;
  const n = sequence;
  const status = overrides.status ?? 'submitted';
  return db.transaction(async (tx) => {
    const submittedAt = status === 'draft' ? null : (overrides.submittedAt ?? new Date());
    const reference = status === 'draft' ? '' : await allocateApplicationReference({ db: tx }, { submittedAt: submittedAt ?? new Date() });
    const [application] = await tx
      .insert(applications)
      .values({
        callId,
        reference,
        status,
        locale: 'fr',
        contactName: `Candidat ${n}`,
        contactEmail: `applicant${n}-${Math.random().toString(36).slice(2, 7)}@example.ma`,
        contactPhone: '+212 600 000 000',
        companyName: `Startup ${n}`,
        sector: 'ict',
        stage: 'startup',
        region: 'casablanca_settat',
        creationDate: '2024-03-01',
        answers: factoryAnswers,
        submittedAt,
        ...overrides,
      })
      .returning();
    return application;
  });
}

/** Reads an application back (tests check what was written). */
export async function readApplication(db: Database, id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}
