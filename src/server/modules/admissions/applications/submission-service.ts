import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type ApplicantApplication, type SubmitApplicationBody, submittedFieldsSchema } from '../../../../contracts/applications.js';
import { answersSchemaFor } from '../../../../shared/application-answers.js';
import { localToday } from '../../../../shared/calendar.js';
import { applicationConsentText, isApplicationConsentVersion } from '../../../../shared/consent.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { users } from '../../../platform/auth/schema.js';
import type { ReadContext, ServiceContext } from '../../../platform/context.js';
import { violatedUniqueConstraint } from '../../../platform/database-errors.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { createAccount } from '../../people/index.js';
import type { CallRow } from '../calls/access.js';
import { callRow } from '../calls/call-views.js';
import { applications } from '../schema.js';
import { type ApplicantContext, type ApplicationRow, applicationForApplicant } from './applicant-access.js';
import { sendSubmissionConfirmation } from './application-mail.js';
import { allocateApplicationReference } from './application-reference.js';
import { filesOf } from './application-views.js';
import { applicantView, assertCallOpen, assertDraft } from './drafts-service.js';
import { checkEligibility } from './eligibility.js';
import { type FieldIssue, invalidFields } from './field-issues.js';

/**
 * What a submission needs, as field problems: the fixed fields, each following its rule (a draft keeps them as
 * typed), and the answers (files included), required ones given; and the fields as the submitted application keeps them.
 */
async function checkSubmission(ctx: ReadContext, { row, call, today }: { row: ApplicationRow; call: CallRow; today: string }) {
  const issues: (z.core.$ZodIssue | FieldIssue)[] = [];
  const orUndefined = <T>(value: T | null) => value ?? undefined;
  const fields = submittedFieldsSchema.safeParse(
    {
      contactName: row.contactName,
      contactEmail: row.contactEmail,
      contactPhone: row.contactPhone,
      companyName: row.companyName,
      sector: orUndefined(row.sector),
      stage: orUndefined(row.stage),
      region: orUndefined(row.region),
      creationDate: row.creationDate,
      ice: row.ice,
      requiredAreaM2: row.requiredAreaM2,
    },
    { reportInput: true },
  );
  if (!fields.success) issues.push(...fields.error.issues);
  if (row.creationDate === null && row.stage !== null && row.stage !== 'project_holder') {
    issues.push({ path: ['creationDate'], message: 'validation.creation_date_required' });
  }
  if (row.creationDate !== null && row.creationDate > today) issues.push({ path: ['creationDate'], message: 'validation.date_in_future' });
  if (call.kind === 'residency' && row.requiredAreaM2 === null) {
    issues.push({ path: ['requiredAreaM2'], message: 'validation.required_area_required' });
  }
  const files = await filesOf(ctx, row.id);
  const answers: Record<string, unknown> = { ...row.answers };
  for (const question of call.questions.filter((candidate) => candidate.kind === 'file')) {
    answers[question.id] = files.filter((file) => file.questionId === question.id).map((file) => file.id);
  }
  const checked = answersSchemaFor(call.questions, { forSubmission: true }).safeParse(answers, { reportInput: true });
  if (!checked.success) issues.push(...checked.error.issues.map((issue) => ({ ...issue, path: ['answers', ...issue.path] })));
  return { issues, fields: fields.success ? fields.data : null };
}

type NewAccount = NonNullable<SubmitApplicationBody['account']>;

/** The applicant's new account, in the submission's transaction; an e-mail already used asks them to sign in first. */
async function openAccount(ctx: ServiceContext, { account, passwordHash }: { account: NewAccount; passwordHash: string }) {
  const [taken] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, account.email)).limit(1);
  if (taken) throw new AppError('email_taken', [{ path: 'account.email', key: 'validation.sign_in_to_submit' }]);
  return createAccount(ctx, { name: account.name, email: account.email, locale: ctx.locale, passwordHash });
}

/** The account made on submission (the route signs the person in with it). */
export type Submitted = { application: ApplicantApplication; newAccount: { email: string; password: string } | null };

/**
 * Submits a draft, in one transaction that writes nothing unless everything holds: the call is open by
 * the server's clock, the required fields and answers are there, and — for a person not signed in — a
 * new account can be created with an e-mail nobody uses yet. The application then gets its reference,
 * the automatic eligibility check's findings and the confirmation e-mail in the applicant's language.
 */
export async function submitApplication(
  ctx: ApplicantContext,
  { applicationId, submission }: { applicationId: string; submission: SubmitApplicationBody },
): Promise<Submitted> {
  const signedIn = ctx.actor.user;
  const account = signedIn ? undefined : submission.account;
  // Hashing is slow on purpose: done before the transaction so that it holds no lock meanwhile.
  const passwordHash = account ? await hashPassword(account.password) : null;
  const row = await ctx.db
    .transaction(async (tx) => {
      const inTx = { ...ctx, db: tx };
      const before = await applicationForApplicant(inTx, { applicationId, lock: true });
      assertDraft(before);
      // The call's row lock: no officer edits the form, and no other submission takes a reference, meanwhile.
      const call = await callRow(inTx, { callId: before.callId, lock: true });
      if (call.publishedAt === null) throw notFound();
      const now = new Date();
      assertCallOpen(ctx, { call, now });
      const today = localToday(now);
      const { issues, fields } = await checkSubmission(inTx, { row: before, call, today });
      if (!signedIn && !account) issues.push({ path: ['account'], message: 'validation.account_required' });
      // The text the person read is kept word for word; a form opened before the wording changed reads it again.
      if (!isApplicationConsentVersion(submission.consentVersion))
        issues.push({ path: ['consent'], message: 'validation.consent_outdated' });
      if (issues.length || !fields) throw invalidFields(issues);

      let applicantUserId = before.applicantUserId ?? signedIn?.id ?? null;
      let recipient = signedIn ? { name: signedIn.name, email: signedIn.email } : null;
      if (account && passwordHash) {
        const user = await openAccount(inTx, { account, passwordHash });
        applicantUserId = user.id;
        recipient = { name: user.name, email: user.email };
      }
      const eligibilityProblems = checkEligibility(call.eligibility, before, today);
      const reference = await allocateApplicationReference(inTx, { submittedAt: now });
      const [after] = await tx
        .update(applications)
        .set({
          // The fields as their rules read them: trimmed, the ICE as its 15 digits.
          contactName: fields.contactName,
          contactEmail: fields.contactEmail,
          contactPhone: fields.contactPhone,
          companyName: fields.companyName,
          ice: fields.ice,
          status: 'submitted',
          reference,
          submittedAt: now,
          applicantUserId,
          // The person now follows the application through their account; the browser's secret is retired.
          draftTokenHash: null,
          locale: ctx.locale,
          eligibilityProblems,
          consent: isApplicationConsentVersion(submission.consentVersion)
            ? {
                version: submission.consentVersion,
                locale: ctx.locale,
                text: applicationConsentText(ctx.locale, submission.consentVersion),
                givenAt: now.toISOString(),
              }
            : null,
          updatedAt: now,
        })
        .where(eq(applications.id, applicationId))
        .returning();
      await recordAudit(tx, ctx.actor, {
        action: 'application.submit',
        entityType: 'application',
        entityId: applicationId,
        after: { status: 'submitted', reference, applicantUserId, eligibilityProblems, consentVersion: submission.consentVersion },
      });
      await sendSubmissionConfirmation(inTx, {
        application: after,
        call,
        recipient: recipient ?? { name: after.contactName, email: after.contactEmail },
      });
      return after;
    })
    .catch((error: unknown) => {
      // Two submissions racing with one new e-mail: the second meets the unique e-mail of the first.
      if (account && violatedUniqueConstraint(error)?.includes('email')) {
        throw new AppError('email_taken', [{ path: 'account.email', key: 'validation.sign_in_to_submit' }]);
      }
      throw error;
    });
  const application = await applicantView(ctx, row);
  return { application, newAccount: account ? { email: account.email, password: account.password } : null };
}
