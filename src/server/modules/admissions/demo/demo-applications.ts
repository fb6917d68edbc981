import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { applicationConsentText, currentApplicationConsentVersion } from '../../../../shared/consent.js';
import type { ServiceContext } from '../../../platform/context.js';
import { grantRole } from '../../../platform/grants/service.js';
import { addCompany } from '../../companies/index.js';
import { createAccount } from '../../people/index.js';
import { allocateApplicationReference } from '../applications/application-reference.js';
import { checkEligibility } from '../applications/eligibility.js';
import type { CallRow } from '../calls/access.js';
import { applications, evaluationScores, evaluations, reviewAssignments, waitingListEntries } from '../schema.js';
import { type Applicant, applicants, type Stage, stages } from './demo-applicants.js';
import { addDays, instant } from './demo-dates.js';

/** The demo applicant: submitted an application to the open call and follows it under "My applications". */
export const demoApplicantEmail = 'applicant@technopark.demo';

type Seed = {
  call: CallRow;
  criteria: { id: string }[];
  today: string;
  casablanca: string;
  committeeIds: string[];
  officerId: string;
  passwordHash: string;
  random: () => number;
};
type ApplicationRow = typeof applications.$inferSelect;

function baseOf(call: CallRow, applicant: Applicant, index: number) {
  return {
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
    answers: { pitch: applicant.pitch, team_size: applicant.team, innovation: applicant.innovation, market: '' },
  };
}

const decidedStages = new Set<Stage>(['admitted', 'waitlisted', 'rejected']);

function statusOf(stage: Stage) {
  if (stage === 'submitted_old_company') return 'submitted';
  if (stage.startsWith('review_')) return 'under_review';
  return stage as 'submitted' | 'ineligible' | 'admitted' | 'waitlisted' | 'rejected' | 'withdrawn';
}

function decisionReasonOf(stage: Stage): string {
  if (stage === 'rejected') return 'Le marché visé est déjà très concurrentiel et le projet ne se distingue pas assez.';
  if (stage === 'waitlisted') return 'Dossier solide : il sera admis dès qu’une place se libère dans cette session.';
  return '';
}

/** A submitted application (its applicant's account made on submission), checked and decided as its stage says. */
async function insertSubmitted(
  ctx: ServiceContext,
  { seed, applicant, index, stage, email }: { seed: Seed; applicant: Applicant; index: number; stage: Stage; email: string },
) {
  const { call, today, officerId } = seed;
  const user = await createAccount(ctx, { name: applicant.contact, email, locale: applicant.locale, passwordHash: seed.passwordHash });
  const submittedOn = addDays(today, -45 + index * 2);
  const submittedAt = instant(submittedOn, 11);
  const reference = await allocateApplicationReference(ctx, { submittedAt });
  const oldCompany = stage === 'submitted_old_company';
  const creationDate = oldCompany ? '2009-05-02' : applicant.created;
  const facts = { sector: applicant.sector, stage: applicant.stage, region: applicant.region, creationDate };
  const checked = stage !== 'submitted' && !oldCompany && stage !== 'withdrawn';
  const decided = decidedStages.has(stage);
  const decidedOn = addDays(today, -6);
  const [application] = await ctx.db
    .insert(applications)
    .values({
      ...baseOf(call, applicant, index),
      creationDate,
      reference,
      status: statusOf(stage),
      applicantUserId: user.id,
      submittedAt,
      consent: {
        version: currentApplicationConsentVersion,
        locale: applicant.locale,
        text: applicationConsentText(applicant.locale),
        givenAt: submittedAt.toISOString(),
      },
      eligibilityProblems: checkEligibility(call.eligibility, facts, submittedOn),
      eligibilityNote: stage === 'ineligible' ? 'Activité de négoce sans composante innovante.' : '',
      eligibilityCheckedAt: checked ? instant(addDays(submittedOn, 3)) : null,
      eligibilityCheckedBy: checked ? officerId : null,
      decision: decided ? (stage as 'admitted' | 'waitlisted' | 'rejected') : null,
      decisionReason: decisionReasonOf(stage),
      decidedAt: decided ? instant(decidedOn, 16) : null,
      decidedBy: decided ? officerId : null,
    })
    .returning();
  return { application, userId: user.id, submittedOn, decidedOn };
}

/** Who has scored: everyone on decided and scored files, two far apart on the split one, one on the partial one, the two without a conflict on the conflict one. */
function scorersOf(stage: Stage): number[] {
  if (stage === 'review_new') return [];
  if (stage === 'review_partial') return [0];
  if (stage === 'review_conflict' || stage === 'review_split') return [0, 1];
  return [0, 1, 2];
}

/** The committee's assignments (a conflict declared on one file) and the members' scores, around a level for each stage. */
async function scoreApplication(
  ctx: ServiceContext,
  { seed, application, stage, submittedOn }: { seed: Seed; application: ApplicationRow; stage: Stage; submittedOn: string },
) {
  const { committeeIds, criteria, random } = seed;
  await ctx.db.insert(reviewAssignments).values(
    committeeIds.map((memberUserId, member) => ({
      applicationId: application.id,
      memberUserId,
      assignedAt: instant(addDays(submittedOn, 3)),
      conflictDeclaredAt: stage === 'review_conflict' && member === 2 ? instant(addDays(submittedOn, 5)) : null,
      conflictReason: stage === 'review_conflict' && member === 2 ? 'Ancien associé de la fondatrice.' : '',
    })),
  );
  const level = stage === 'admitted' ? 4.3 : stage === 'waitlisted' ? 3.4 : stage === 'rejected' ? 2.1 : 3.6;
  for (const member of scorersOf(stage)) {
    const bias = stage === 'review_split' ? (member === 0 ? 1.3 : -1.4) : (random() - 0.5) * 0.8;
    const [evaluation] = await ctx.db
      .insert(evaluations)
      .values({
        applicationId: application.id,
        memberUserId: committeeIds[member],
        comment: member === 0 ? 'Équipe motivée, besoin de préciser le modèle économique.' : '',
        submittedAt: instant(addDays(submittedOn, 6 + member), 15),
      })
      .returning();
    await ctx.db.insert(evaluationScores).values(
      criteria.map((criterion) => ({
        evaluationId: evaluation.id,
        criterionId: criterion.id,
        score: Math.max(0, Math.min(5, Math.round(level + bias + (random() - 0.5)))),
        comment: '',
      })),
    );
  }
}

/** The admitted applicant's company (its admin is the applicant), waiting for an office in Casablanca. */
async function admitDemoApplication(
  ctx: ServiceContext,
  input: { seed: Seed; applicant: Applicant; application: ApplicationRow; userId: string; submittedOn: string; decidedOn: string },
) {
  const { seed, applicant, application, submittedOn, decidedOn } = input;
  const company = await addCompany(ctx, {
    profile: {
      legalName: `${applicant.company} SARL`,
      brandName: applicant.company,
      legalForm: 'sarl',
      creationDate: applicant.created,
      sectors: [applicant.sector],
      stage: applicant.stage,
      parkId: seed.casablanca,
      email: applicant.email,
    },
    history: [
      { status: 'applicant', effectiveDate: submittedOn, reason: `Candidature ${application.reference}`, source: 'admission' },
      { status: 'admitted', effectiveDate: decidedOn, reason: 'Comité d’attribution des bureaux', source: 'admission' },
    ],
  });
  await ctx.db.update(applications).set({ companyId: company.id }).where(eq(applications.id, application.id));
  await grantRole(ctx, { userId: input.userId, role: 'company_admin', scopeId: company.id });
  await ctx.db.insert(waitingListEntries).values({
    parkId: seed.casablanca,
    companyId: company.id,
    applicationId: application.id,
    requiredAreaM2: applicant.area,
    requestedOn: decidedOn,
  });
}

/** One application of the open call at each stage of the flow, with the committee's scores and the decisions taken. */
export async function seedDemoApplications(ctx: ServiceContext, seed: Seed): Promise<void> {
  let accounts = 0;
  for (const [index, stage] of stages.entries()) {
    const applicant = applicants[index];
    if (stage === 'draft') {
      const token = randomBytes(24).toString('base64url');
      await ctx.db.insert(applications).values({
        ...baseOf(seed.call, applicant, index),
        status: 'draft',
        answers: { pitch: applicant.pitch },
        draftTokenHash: createHash('sha256').update(token).digest('hex'),
      });
      continue;
    }
    // Everyone who submitted has an account (created on submission); the first one is a demo account.
    const email = accounts === 0 ? demoApplicantEmail : applicant.email;
    accounts += 1;
    const submitted = await insertSubmitted(ctx, { seed, applicant, index, stage, email });
    if (!stage.startsWith('review_') && !decidedStages.has(stage)) continue;
    await scoreApplication(ctx, { seed, application: submitted.application, stage, submittedOn: submitted.submittedOn });
    if (stage === 'admitted') await admitDemoApplication(ctx, { seed, applicant, ...submitted });
  }
}
