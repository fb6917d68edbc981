import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ApplicantApplication,
  ApplicationFile,
  applicationDraftBodySchema,
  StartedDraft,
  uploadApplicationFileBodySchema,
} from '../../../../contracts/applications.js';
import { draftAnswersSchemaFor, maxFilesPerQuestion } from '../../../../shared/application-answers.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { inTransaction, type ServiceContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { decodeUpload, deleteStoredFile, readStoredFile, type StoredFile, storeFile } from '../../../platform/files/service.js';
import { formatParkTime } from '../../../platform/park-time.js';
import type { CallRow } from '../calls/access.js';
import { callPhase, callRow, toPublicCall } from '../calls/call-views.js';
import { findPublishedCall } from '../calls/calls-service.js';
import { applicationFiles, applications } from '../schema.js';
import { type ApplicantContext, type ApplicationRow, applicationForApplicant, hashDraftToken } from './applicant-access.js';
import { fileOfApplication, filesOf, toApplicantApplication, withdrawableStatuses } from './application-views.js';
import { invalidFields } from './field-issues.js';

type DraftInput = z.infer<typeof applicationDraftBodySchema>;

/** Applications are taken from the opening until before the deadline, by the server's clock. */
export function assertCallOpen(ctx: Pick<ServiceContext, 'locale'>, { call, now }: { call: CallRow; now: Date }): void {
  const phase = callPhase(call, now);
  if (phase === 'upcoming') {
    throw new AppError('call_not_open', [
      { path: 'opensAt', key: 'validation.call_opens_on', params: { date: formatParkTime(call.opensAt, ctx.locale) } },
    ]);
  }
  if (phase === 'closed') {
    throw new AppError('deadline_passed', [
      { path: 'closesAt', key: 'validation.deadline_passed', params: { date: formatParkTime(call.closesAt, ctx.locale) } },
    ]);
  }
}

export function assertDraft(row: ApplicationRow): void {
  if (row.status !== 'draft') throw new AppError('not_editable');
}

/**
 * The draft's answers after a partial save: named questions change, `null` clears one, others stay. Answers
 * are kept as typed (the question's rules are checked on submission); only an answer of the wrong kind is
 * refused. File questions are answered by uploads, never here; answers to questions the call no longer has go.
 */
function mergeAnswers(call: CallRow, current: Record<string, unknown>, patch: Record<string, unknown> | undefined) {
  const result = draftAnswersSchemaFor(call.questions).safeParse(patch ?? {}, { reportInput: true });
  if (!result.success) throw invalidFields(result.error.issues, ['answers']);
  const merged: Record<string, unknown> = {};
  for (const question of call.questions) {
    if (question.kind === 'file') continue;
    const value = question.id in result.data ? result.data[question.id] : current[question.id];
    if (value !== null && value !== undefined) merged[question.id] = value;
  }
  return merged;
}

function draftFields(input: DraftInput) {
  const { answers: _answers, ...fields } = input;
  return fields;
}

/** The application as its applicant sees it, with its call. */
export async function applicantView(ctx: ServiceContext, row: ApplicationRow): Promise<ApplicantApplication> {
  return toApplicantApplication(ctx, { row, call: await toPublicCall(ctx, await callRow(ctx, { callId: row.callId })) });
}

/**
 * Starts an application to an open call. No account is needed: the answer carries a secret token, given
 * once (only its hash is kept), that the browser sends back with each request. A signed-in person's
 * draft is also bound to their account.
 */
export async function startDraft(ctx: ServiceContext, { slug, draft }: { slug: string; draft: DraftInput }): Promise<StartedDraft> {
  const token = randomBytes(32).toString('base64url');
  const row = await ctx.db.transaction(async (tx) => {
    const call = await findPublishedCall(inTransaction(ctx, tx), slug);
    assertCallOpen(ctx, { call, now: new Date() });
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
        ...draftFields(draft),
        answers: mergeAnswers(call, {}, draft.answers),
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
  return { application: await applicantView(ctx, row), draftToken: token };
}

export async function getApplicantApplication(ctx: ApplicantContext, applicationId: string): Promise<ApplicantApplication> {
  return applicantView(ctx, await applicationForApplicant(ctx, { applicationId }));
}

/** Saves what the applicant changed; the draft's language follows the one they fill it in. */
export async function saveDraft(
  ctx: ApplicantContext,
  { applicationId, draft }: { applicationId: string; draft: DraftInput },
): Promise<ApplicantApplication> {
  const row = await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const before = await applicationForApplicant(inTx, { applicationId, lock: true });
    assertDraft(before);
    const call = await callRow(inTx, { callId: before.callId });
    assertCallOpen(ctx, { call, now: new Date() });
    const [after] = await tx
      .update(applications)
      .set({ ...draftFields(draft), answers: mergeAnswers(call, before.answers, draft.answers), locale: ctx.locale, updatedAt: new Date() })
      .where(eq(applications.id, applicationId))
      .returning();
    // Drafts are saved often: the audit keeps which fields changed, not their personal content.
    await recordAudit(tx, ctx.actor, {
      action: 'application.save_draft',
      entityType: 'application',
      entityId: applicationId,
      after: { fields: Object.keys(draftFields(draft)), answers: Object.keys(draft.answers ?? {}) },
    });
    return after;
  });
  return applicantView(ctx, row);
}

export async function uploadApplicationFile(
  ctx: ApplicantContext,
  { applicationId, upload }: { applicationId: string; upload: z.infer<typeof uploadApplicationFileBodySchema> },
): Promise<ApplicationFile> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const application = await applicationForApplicant(inTx, { applicationId, lock: true });
    assertDraft(application);
    const call = await callRow(inTx, { callId: application.callId });
    assertCallOpen(ctx, { call, now: new Date() });
    const question = call.questions.find((candidate) => candidate.id === upload.questionId);
    if (question?.kind !== 'file') throw new AppError('validation', [{ path: 'questionId', key: 'validation.not_a_file_question' }]);
    const already = (await filesOf(inTx, applicationId)).filter((file) => file.questionId === upload.questionId);
    if (already.length >= maxFilesPerQuestion) {
      throw new AppError('validation', [{ path: 'file', key: 'validation.too_many_files', params: { max: String(maxFilesPerQuestion) } }]);
    }
    const content = decodeUpload(upload.file.content, 'file.content');
    const stored = await storeFile(tx, ctx.actor, { name: upload.file.name, content, accept: 'document', path: 'file.content' });
    await tx.insert(applicationFiles).values({ applicationId, questionId: upload.questionId, fileId: stored.id });
    await tx.update(applications).set({ updatedAt: new Date() }).where(eq(applications.id, applicationId));
    await recordAudit(tx, ctx.actor, {
      action: 'application.add_file',
      entityType: 'application',
      entityId: applicationId,
      after: { questionId: upload.questionId, fileId: stored.id, mediaType: stored.mediaType, size: stored.size },
    });
    return { ...stored, questionId: upload.questionId, createdAt: stored.createdAt.toISOString() };
  });
}

export async function removeApplicationFile(ctx: ApplicantContext, { applicationId, fileId }: { applicationId: string; fileId: string }) {
  await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const application = await applicationForApplicant(inTx, { applicationId, lock: true });
    assertDraft(application);
    const link = await fileOfApplication(inTx, { applicationId, fileId });
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
export async function readApplicantFile(
  ctx: ApplicantContext,
  { applicationId, fileId }: { applicationId: string; fileId: string },
): Promise<StoredFile> {
  await applicationForApplicant(ctx, { applicationId });
  await fileOfApplication(ctx, { applicationId, fileId });
  return readStoredFile(ctx.db, fileId);
}

/** The applicant withdraws, as long as no decision was made. */
export async function withdrawApplication(ctx: ApplicantContext, applicationId: string): Promise<ApplicantApplication> {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await applicationForApplicant({ ...ctx, db: tx }, { applicationId, lock: true });
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
  return applicantView(ctx, row);
}
