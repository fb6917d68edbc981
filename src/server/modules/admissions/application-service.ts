import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Question } from '../../../contracts/admissions.js';
import {
  type ApplicantApplication,
  type ApplicationFile,
  type applicationDraftBodySchema,
  type MyApplication,
  type myApplicationsQuerySchema,
  type StartedDraft,
  type SubmitApplicationBody,
  submittedFieldsSchema,
  type uploadApplicationFileBodySchema,
} from '../../../contracts/calls.js';
import { answersSchemaFor, maxFilesPerQuestion } from '../../../shared/application-answers.js';
import { formatInstant, localToday } from '../../../shared/calendar.js';
import type { Database, Executor } from '../../db/database.js';
import { recordAudit } from '../../platform/audit/service.js';
import { hashPassword } from '../../platform/auth/password.js';
import { users } from '../../platform/auth/schema.js';
import type { ServiceContext } from '../../platform/context.js';
import { violatedUniqueConstraint } from '../../platform/database-errors.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodeUpload, deleteStoredFile, readStoredFile, type StoredFile, storeFile } from '../../platform/files/service.js';
import type { Mailer } from '../../platform/mail/service.js';
import { createAccount } from '../people/accounts.js';
import { sendSubmissionConfirmation } from './application-mail.js';
import { allocateApplicationReference } from './application-reference.js';
import { type ApplicationRow, filesOf, toApplicantApplication, withdrawableStatuses } from './application-views.js';
import { findPublishedCall } from './call-service.js';
import { type CallRow, callPhase, toPublicCall } from './call-views.js';
import { checkEligibility } from './eligibility.js';
import { type FieldIssue, invalidFields } from './field-issues.js';
import { applicationFiles, applications, calls } from './schema.js';

/** The header in which the browser sends back the secret of a draft started without an account. */
export const draftTokenHeader = 'x-draft-token';

type DraftInput = z.infer<typeof applicationDraftBodySchema>;
/** Who asks about an application: the session's person and/or the draft's secret from the browser. */
export type ApplicantContext = ServiceContext & { draftToken: string | undefined };

export function hashDraftToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function holdsToken(row: ApplicationRow, token: string | undefined): boolean {
  if (!token || !row.draftTokenHash) return false;
  const given = Buffer.from(hashDraftToken(token), 'hex');
  const kept = Buffer.from(row.draftTokenHash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}

/**
 * An application as its applicant reaches it: by the draft's secret token, or signed in as the person
 * it is bound to. Anyone else gets 404, so that an application's existence is not revealed.
 */
async function applicationForApplicant(db: Executor, ctx: ApplicantContext, applicationId: string, lock = false) {
  const query = db.select().from(applications).where(eq(applications.id, applicationId)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  const owner = ctx.actor.user !== null && row.applicantUserId === ctx.actor.user.id;
  if (!owner && !holdsToken(row, ctx.draftToken)) throw notFound();
  return row;
}

async function callOf(db: Executor, callId: string, lock = false): Promise<CallRow> {
  const query = db.select().from(calls).where(eq(calls.id, callId)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

/** Applications are taken from the opening until before the deadline, by the server's clock. */
function assertCallOpen(call: CallRow, ctx: ServiceContext, now: Date): void {
  const phase = callPhase(call, now);
  if (phase === 'upcoming') {
    throw new AppError('call_not_open', [
      { path: 'opensAt', key: 'validation.call_opens_on', params: { date: formatInstant(call.opensAt, ctx.locale) } },
    ]);
  }
  if (phase === 'closed') {
    throw new AppError('deadline_passed', [
      { path: 'closesAt', key: 'validation.deadline_passed', params: { date: formatInstant(call.closesAt, ctx.locale) } },
    ]);
  }
}

function assertDraft(row: ApplicationRow): void {
  if (row.status !== 'draft') throw new AppError('not_editable');
}

const answerableInForm = (questions: Question[]) => questions.filter((question) => question.kind !== 'file');

/**
 * The draft's answers after a partial save: named questions change, `null` clears one, others stay.
 * File questions are answered by uploads, never here.
 */
function mergeAnswers(call: CallRow, current: Record<string, unknown>, patch: Record<string, unknown> | undefined) {
  const merged: Record<string, unknown> = { ...current };
  for (const [questionId, value] of Object.entries(patch ?? {})) {
    if (value === null) delete merged[questionId];
    else merged[questionId] = value;
  }
  const result = answersSchemaFor(answerableInForm(call.questions), { forSubmission: false }).safeParse(merged, { reportInput: true });
  if (!result.success) throw invalidFields(result.error.issues, ['answers']);
  // Unanswered questions are left out rather than kept as undefined.
  return JSON.parse(JSON.stringify(result.data)) as Record<string, unknown>;
}

function draftFields(input: DraftInput) {
  const { answers: _answers, ...fields } = input;
  return fields;
}

async function applicantView(db: Executor, ctx: ServiceContext, row: ApplicationRow): Promise<ApplicantApplication> {
  return toApplicantApplication(db, row, await toPublicCall(db, await callOf(db, row.callId)), ctx.locale);
}

/**
 * Starts an application to an open call. No account is needed: the answer carries a secret token, given
 * once (only its hash is kept), that the browser sends back with each request. A signed-in person's
 * draft is also bound to their account.
 */
export async function startDraft(ctx: ServiceContext, slug: string, input: DraftInput): Promise<StartedDraft> {
  const token = randomBytes(32).toString('base64url');
  const row = await ctx.db.transaction(async (tx) => {
    const call = await findPublishedCall(tx, slug);
    assertCallOpen(call, ctx, new Date());
    const user = ctx.actor.user;
    const [created] = await tx
      .insert(applications)
      .values({
        callId: call.id,
        status: 'draft',
        locale: ctx.locale,
        applicantUserId: user?.id ?? null,
        draftTokenHash: hashDraftToken(token),
        contactName: user?.name ?? '',
        contactEmail: user?.email ?? '',
        ...draftFields(input),
        answers: mergeAnswers(call, {}, input.answers),
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'application.start',
      entityType: 'application',
      entityId: created.id,
      after: { callId: call.id },
    });
    return created;
  });
  return { application: await applicantView(ctx.db, ctx, row), draftToken: token };
}

export async function getApplicantApplication(ctx: ApplicantContext, applicationId: string): Promise<ApplicantApplication> {
  return applicantView(ctx.db, ctx, await applicationForApplicant(ctx.db, ctx, applicationId));
}

/** Saves what the applicant changed; the draft's language follows the one they fill it in. */
export async function saveDraft(ctx: ApplicantContext, applicationId: string, input: DraftInput): Promise<ApplicantApplication> {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await applicationForApplicant(tx, ctx, applicationId, true);
    assertDraft(before);
    const call = await callOf(tx, before.callId);
    assertCallOpen(call, ctx, new Date());
    const [after] = await tx
      .update(applications)
      .set({ ...draftFields(input), answers: mergeAnswers(call, before.answers, input.answers), locale: ctx.locale, updatedAt: new Date() })
      .where(eq(applications.id, applicationId))
      .returning();
    // Drafts are saved often: the audit keeps which fields changed, not their personal content.
    await recordAudit(tx, ctx.actor, {
      action: 'application.save_draft',
      entityType: 'application',
      entityId: applicationId,
      after: { fields: Object.keys(draftFields(input)), answers: Object.keys(input.answers ?? {}) },
    });
    return after;
  });
  return applicantView(ctx.db, ctx, row);
}

export async function uploadApplicationFile(
  ctx: ApplicantContext,
  applicationId: string,
  input: z.infer<typeof uploadApplicationFileBodySchema>,
): Promise<ApplicationFile> {
  return ctx.db.transaction(async (tx) => {
    const application = await applicationForApplicant(tx, ctx, applicationId, true);
    assertDraft(application);
    const call = await callOf(tx, application.callId);
    assertCallOpen(call, ctx, new Date());
    const question = call.questions.find((candidate) => candidate.id === input.questionId);
    if (question?.kind !== 'file') throw new AppError('validation', [{ path: 'questionId', key: 'validation.not_a_file_question' }]);
    const already = (await filesOf(tx, applicationId)).filter((file) => file.questionId === input.questionId);
    if (already.length >= maxFilesPerQuestion) {
      throw new AppError('validation', [{ path: 'file', key: 'validation.too_many_files', params: { max: String(maxFilesPerQuestion) } }]);
    }
    const content = decodeUpload(input.file.content, 'file.content');
    const stored = await storeFile(tx, ctx.actor, { name: input.file.name, content, accept: 'document', path: 'file.content' });
    await tx.insert(applicationFiles).values({ applicationId, questionId: input.questionId, fileId: stored.id });
    await tx.update(applications).set({ updatedAt: new Date() }).where(eq(applications.id, applicationId));
    await recordAudit(tx, ctx.actor, {
      action: 'application.add_file',
      entityType: 'application',
      entityId: applicationId,
      after: { questionId: input.questionId, fileId: stored.id, mediaType: stored.mediaType, size: stored.size },
    });
    return { ...stored, questionId: input.questionId, createdAt: stored.createdAt.toISOString() };
  });
}

async function fileOfApplication(db: Executor, applicationId: string, fileId: string) {
  const [link] = await db
    .select()
    .from(applicationFiles)
    .where(and(eq(applicationFiles.applicationId, applicationId), eq(applicationFiles.fileId, fileId)))
    .limit(1);
  if (!link) throw notFound();
  return link;
}

export async function removeApplicationFile(ctx: ApplicantContext, applicationId: string, fileId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const application = await applicationForApplicant(tx, ctx, applicationId, true);
    assertDraft(application);
    const link = await fileOfApplication(tx, applicationId, fileId);
    await tx.delete(applicationFiles).where(eq(applicationFiles.id, link.id));
    await deleteStoredFile(tx, fileId);
    await tx.update(applications).set({ updatedAt: new Date() }).where(eq(applications.id, applicationId));
    await recordAudit(tx, ctx.actor, {
      action: 'application.remove_file',
      entityType: 'application',
      entityId: applicationId,
      before: { questionId: link.questionId, fileId },
    });
  });
}

/** One of the applicant's own files (never public: their token or their session). */
export async function readApplicantFile(ctx: ApplicantContext, applicationId: string, fileId: string): Promise<StoredFile> {
  await applicationForApplicant(ctx.db, ctx, applicationId);
  await fileOfApplication(ctx.db, applicationId, fileId);
  return readStoredFile(ctx.db, fileId);
}

/** The fixed fields a submission needs, and the required answers (files included), as field problems. */
async function submissionProblems(tx: Executor, row: ApplicationRow, call: CallRow, today: string) {
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
  const files = await filesOf(tx, row.id);
  const answers: Record<string, unknown> = { ...row.answers };
  for (const question of call.questions.filter((candidate) => candidate.kind === 'file')) {
    answers[question.id] = files.filter((file) => file.questionId === question.id).map((file) => file.id);
  }
  const checked = answersSchemaFor(call.questions, { forSubmission: true }).safeParse(answers, { reportInput: true });
  if (!checked.success) issues.push(...checked.error.issues.map((issue) => ({ ...issue, path: ['answers', ...issue.path] })));
  return issues;
}

export type SubmissionDeps = { mailer: Mailer; publicUrl: string };
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
  deps: SubmissionDeps,
  applicationId: string,
  body: SubmitApplicationBody,
): Promise<Submitted> {
  const signedIn = ctx.actor.user;
  const account = signedIn ? undefined : body.account;
  // Hashing is slow on purpose: done before the transaction so that it holds no lock meanwhile.
  const passwordHash = account ? await hashPassword(account.password) : null;
  const row = await ctx.db
    .transaction(async (tx) => {
      const before = await applicationForApplicant(tx, ctx, applicationId, true);
      assertDraft(before);
      // The call's row lock: no officer edits the form, and no other submission takes a reference, meanwhile.
      const call = await callOf(tx, before.callId, true);
      if (call.publishedAt === null) throw notFound();
      const now = new Date();
      assertCallOpen(call, ctx, now);
      const today = localToday(now);
      const issues = await submissionProblems(tx, before, call, today);
      if (!signedIn && !account) issues.push({ path: ['account'], message: 'validation.account_required' });
      if (issues.length) throw invalidFields(issues);

      let applicantUserId = before.applicantUserId ?? signedIn?.id ?? null;
      let recipient = signedIn ? { name: signedIn.name, email: signedIn.email } : null;
      if (account && passwordHash) {
        const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, account.email)).limit(1);
        if (taken) throw new AppError('email_taken', [{ path: 'account.email', key: 'validation.sign_in_to_submit' }]);
        const user = await createAccount(tx, { name: account.name, email: account.email, locale: ctx.locale, passwordHash });
        applicantUserId = user.id;
        recipient = { name: user.name, email: user.email };
      }
      const eligibilityProblems = checkEligibility(call.eligibility, before, today);
      const reference = await allocateApplicationReference(tx, call.id, now);
      const [after] = await tx
        .update(applications)
        .set({
          status: 'submitted',
          reference,
          submittedAt: now,
          applicantUserId,
          // The person now follows the application through their account; the browser's secret is retired.
          draftTokenHash: null,
          locale: ctx.locale,
          eligibilityProblems,
          updatedAt: now,
        })
        .where(eq(applications.id, applicationId))
        .returning();
      await recordAudit(tx, ctx.actor, {
        action: 'application.submit',
        entityType: 'application',
        entityId: applicationId,
        after: { status: 'submitted', reference, applicantUserId, eligibilityProblems },
      });
      await sendSubmissionConfirmation(tx, deps, after, call, recipient ?? { name: after.contactName, email: after.contactEmail });
      return after;
    })
    .catch((error: unknown) => {
      // Two submissions racing with one new e-mail: the second meets the unique e-mail of the first.
      if (account && violatedUniqueConstraint(error)?.includes('email')) {
        throw new AppError('email_taken', [{ path: 'account.email', key: 'validation.sign_in_to_submit' }]);
      }
      throw error;
    });
  const application = await applicantView(ctx.db, ctx, row);
  return { application, newAccount: account ? { email: account.email, password: account.password } : null };
}

/** The applicant withdraws, as long as no decision was made. */
export async function withdrawApplication(ctx: ApplicantContext, applicationId: string): Promise<ApplicantApplication> {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await applicationForApplicant(tx, ctx, applicationId, true);
    if (!(withdrawableStatuses as readonly string[]).includes(before.status)) throw new AppError('invalid_transition');
    const [after] = await tx
      .update(applications)
      .set({ status: 'withdrawn', updatedAt: new Date() })
      .where(eq(applications.id, applicationId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: 'application.withdraw',
      entityType: 'application',
      entityId: applicationId,
      before: { status: before.status },
      after: { status: 'withdrawn' },
    });
    return after;
  });
  return applicantView(ctx.db, ctx, row);
}

type MyApplicationsQuery = z.infer<typeof myApplicationsQuerySchema>;

/** The signed-in person's applications: status and, once decided, the decision and its reason. */
export async function listMyApplications(ctx: ServiceContext, query: MyApplicationsQuery) {
  const conditions: SQL[] = [eq(applications.applicantUserId, ctx.actor.userId)];
  if (query.status) conditions.push(eq(applications.status, query.status));
  const where = and(...conditions);
  const direction = query.order === 'desc' ? desc : asc;
  const column = { updatedAt: applications.updatedAt, submittedAt: applications.submittedAt, status: applications.status }[query.sort];
  const db: Database = ctx.db;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ application: applications, call: calls })
      .from(applications)
      .innerJoin(calls, eq(calls.id, applications.callId))
      .where(where)
      .orderBy(direction(column), asc(applications.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(applications).where(where),
  ]);
  const now = new Date();
  const items: MyApplication[] = rows.map(({ application, call }) => {
    const decided = ['admitted', 'waitlisted', 'rejected'].includes(application.status) && application.decision !== null;
    return {
      id: application.id,
      reference: application.reference,
      status: application.status,
      call: { id: call.id, slug: call.slug, title: call.title, closesAt: call.closesAt.toISOString(), phase: callPhase(call, now) },
      companyName: application.companyName,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      updatedAt: application.updatedAt.toISOString(),
      decision: decided ? application.decision : null,
      decisionReason: decided ? application.decisionReason : null,
    };
  });
  return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
}
