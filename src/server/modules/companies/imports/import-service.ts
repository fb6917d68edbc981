import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CompanyImport, createCompanyImportBodySchema, ImportField } from '../../../../contracts/company-imports.js';
import { pickText } from '../../../../shared/localized-text.js';
import { recordAudit } from '../../../platform/audit/service.js';
import type { ServiceContext } from '../../../platform/context.js';
import { AppError, invalidField, notFound } from '../../../platform/errors.js';
import { decodeUpload, readStoredFile, storeCheckedFile, storeFile } from '../../../platform/files/service.js';
import { tableFormatOf } from '../../../platform/imports/table.js';
import { findPark } from '../../parks/index.js';
import { companyImports } from '../schema.js';
import { type CompanyImportJob, companyImportQueue } from './import-jobs.js';
import { describeProblem, fileProblem, type ImportProblemRecord } from './import-problems.js';
import { previewRows, visibleImport } from './import-record.js';
import type { ImportedCompany } from './import-rows.js';
import { importNames, toSummary } from './imports-list.js';

/**
 * Imports of existing companies as people see them: sending a file, following its check, confirming it. Only
 * network admins and the person who sent an import see it (access.ts).
 */

/** Queues a job after its transaction committed; if the queue refuses it, the import says so instead of waiting forever. */
async function queueJob(ctx: ServiceContext, job: CompanyImportJob, onRefused: () => Promise<void>): Promise<void> {
  try {
    await ctx.jobs.enqueue(companyImportQueue, job);
  } catch (error) {
    await onRefused();
    throw error;
  }
}

/** The target park exists and the sender manages it (the reason is on the field). */
async function assertImportPark(ctx: ServiceContext, parkId: string): Promise<void> {
  const park = await findPark(ctx, parkId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') throw invalidField('parkId', 'import.unknown_park', { value: parkId });
    throw error;
  });
  if (!ctx.actor.managesPark(park.id)) {
    throw new AppError('forbidden', [
      { path: 'parkId', key: 'import.park_not_managed', params: { park: pickText(park.name, ctx.locale) } },
    ]);
  }
}

/** Receives a file: checks what it is, keeps it, and queues its check. Answers at once (status validating). */
export async function createCompanyImport(
  ctx: ServiceContext,
  body: z.infer<typeof createCompanyImportBodySchema>,
): Promise<CompanyImport> {
  const { db, actor } = ctx;
  if (body.parkId) await assertImportPark(ctx, body.parkId);
  const content = decodeUpload(body.file.content, 'file');
  const format = tableFormatOf(body.file.name, content, 'file');
  const created = await db.transaction(async (tx) => {
    const file =
      format === 'xlsx'
        ? await storeFile(tx, actor, { name: body.file.name, content, accept: 'document', path: 'file' })
        : await storeCheckedFile(tx, actor, { name: body.file.name, content, type: { mediaType: 'text/csv', extension: 'csv' } });
    const [record] = await tx
      .insert(companyImports)
      .values({ parkId: body.parkId, fileId: file.id, fileName: body.file.name, locale: ctx.locale, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, {
      action: 'company_import.create',
      entityType: 'company_import',
      entityId: record.id,
      after: { fileName: record.fileName, fileId: file.id, size: file.size, parkId: record.parkId },
    });
    return record;
  });
  // Read before queueing: once queued, the job may hold a PGlite database until it ends.
  const view = await getCompanyImport(ctx, created.id);
  await queueJob(ctx, { importId: created.id, step: 'validate' }, async () => {
    await db
      .update(companyImports)
      .set({ status: 'failed', problems: [fileProblem('import.failed_unexpected')], problemCount: 1, finishedAt: new Date() })
      .where(eq(companyImports.id, created.id));
  });
  return view;
}

/** Confirms a checked import (its sender or a network admin): it is then imported in the background, all or nothing. */
export async function confirmCompanyImport(ctx: ServiceContext, id: string): Promise<CompanyImport> {
  const { db, actor } = ctx;
  await db.transaction(async (tx) => {
    const record = await visibleImport({ db: tx, actor }, { id, lock: true });
    if (record.status !== 'ready') {
      throw new AppError('not_editable', [
        { path: 'status', key: 'import.not_ready', params: { status: `import.status.${record.status}` } },
      ]);
    }
    await tx
      .update(companyImports)
      .set({ status: 'importing', confirmedBy: actor.userId, confirmedAt: new Date(), updatedAt: new Date() })
      .where(eq(companyImports.id, id));
    await recordAudit(tx, actor, {
      action: 'company_import.confirm',
      entityType: 'company_import',
      entityId: id,
      before: { status: 'ready' },
      after: { status: 'importing', rows: record.totalRows },
    });
  });
  const view = await getCompanyImport(ctx, id);
  await queueJob(ctx, { importId: id, step: 'import' }, async () => {
    await db
      .update(companyImports)
      .set({ status: 'ready', confirmedBy: null, confirmedAt: null })
      .where(and(eq(companyImports.id, id), eq(companyImports.status, 'importing')));
  });
  return view;
}

export async function getCompanyImport(ctx: ServiceContext, id: string): Promise<CompanyImport> {
  const record = await visibleImport(ctx, { id });
  const preview = (record.rows as ImportedCompany[]).slice(0, previewRows);
  const names = await importNames(ctx, {
    userIds: [record.createdBy, record.confirmedBy],
    parkIds: [record.parkId, ...preview.map((row) => row.parkId)],
  });
  return {
    ...toSummary(record, names),
    problems: record.problems.map((problem) => describeProblem(problem as ImportProblemRecord, ctx.locale)),
    columns: record.columns.map((column) => ({ header: column.header, field: column.field as ImportField | null })),
    preview: preview.map((row) => ({
      row: row.row,
      legalName: row.legalName,
      brandName: row.brandName,
      legalForm: row.legalForm,
      ice: row.ice,
      rcNumber: row.rcNumber,
      ifNumber: row.ifNumber,
      creationDate: row.creationDate,
      sectors: row.sectors,
      stage: row.stage,
      park: names.park(row.parkId),
      email: row.email,
      phone: row.phone,
      website: row.website,
      admin: row.admin ?? null,
      history: row.history,
      hasProblems: row.hasProblems,
    })),
    confirmedBy: names.person(record.confirmedBy),
    confirmedAt: record.confirmedAt?.toISOString() ?? null,
    canConfirm: record.status === 'ready',
  };
}

/** The stored file of an import, for its sender and network admins. */
export async function importFile(ctx: ServiceContext, id: string) {
  const record = await visibleImport(ctx, { id });
  if (!record.fileId) throw notFound();
  return readStoredFile(ctx.db, record.fileId);
}
