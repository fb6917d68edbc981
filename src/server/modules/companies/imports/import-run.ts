import { setImmediate as yieldToOtherWork } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { textInItsLanguage } from '../../../../shared/localized-text.js';
import { recordAudit } from '../../../platform/audit/service.js';
import { inTransaction, type ServiceContext } from '../../../platform/context.js';
import { violatedUniqueConstraint } from '../../../platform/database-errors.js';
import { AppError } from '../../../platform/errors.js';
import { contextOf, type Deps } from '../../../platform/http.js';
import { addCompanies, type CompanyInsert, type CompanyRow } from '../lifecycle/history.js';
import { inviteCompanyMember } from '../members/members-service.js';
import { companyImports } from '../schema.js';
import { fileProblem, type ImportProblemRecord } from './import-problems.js';
import { actorOf, canImport, localeOf, markFailed, previewRows, progressEveryRows, takenIces } from './import-record.js';
import type { ImportedCompany } from './import-rows.js';

/**
 * The second background step of an import, once a person confirmed it: every company created in ONE
 * transaction. Any failure (an ICE registered meanwhile, rights lost) rolls everything back and marks the
 * import failed with the reason.
 */

/** A planned stop of the import: the import is marked failed with these problems, nothing else happens. */
class ImportFailure extends Error {
  constructor(readonly problems: ImportProblemRecord[]) {
    super('import failed');
  }
}

const iceTaken = (row: ImportedCompany, iceHeader: string | null): ImportProblemRecord => ({
  row: row.row,
  column: iceHeader,
  field: 'ice',
  key: 'import.ice_taken',
});

function companyInsertOf(row: ImportedCompany): CompanyInsert {
  // Only rows without problems reach the import, and a row without a stage has one.
  if (!row.stage) throw new Error(`import: row ${row.row} has no stage`);
  return {
    legalName: row.legalName,
    brandName: row.brandName,
    legalForm: row.legalForm,
    ice: row.ice,
    rcNumber: row.rcNumber,
    rcCourt: row.rcCourt,
    ifNumber: row.ifNumber,
    patente: row.patente,
    cnss: row.cnss,
    creationDate: row.creationDate,
    sectors: row.sectors,
    stage: row.stage,
    parkId: row.parkId,
    website: row.website,
    email: row.email,
    phone: row.phone,
    address: row.address,
    description: textInItsLanguage(row.description),
  };
}

/** One chunk of rows created (the companies in row order); a refusal of the lifecycle rules says on which row. */
async function addChunk(ctx: ServiceContext, chunk: ImportedCompany[]): Promise<CompanyRow[]> {
  try {
    return await addCompanies(ctx, {
      companies: chunk.map((row) => ({
        profile: companyInsertOf(row),
        history: row.history.map((step) => ({ ...step, source: 'import' as const })),
      })),
      path: 'rows',
    });
  } catch (error) {
    // The lifecycle rules were checked with the file; a day passing cannot break them, but should they refuse, say where.
    if (!(error instanceof AppError)) throw error;
    throw new ImportFailure(
      error.fields.map((field) => ({
        row: chunk[Number(/^rows\.(\d+)/.exec(field.path)?.[1] ?? 0)]?.row ?? 0,
        column: null,
        field: 'status',
        key: field.key,
        params: field.params,
      })),
    );
  }
}

/**
 * The people the rows name are invited to be their companies' admins, with the company members' invitation (an
 * e-mail each, queued in the import's transaction: sent once it commits, never if it rolls back). A refusal (an
 * invitation already waiting for this address and company) fails the import on that row's e-mail.
 */
async function inviteAdmins(
  ctx: ServiceContext,
  { chunk, created, adminHeader }: { chunk: ImportedCompany[]; created: CompanyRow[]; adminHeader: string | null },
): Promise<number> {
  let invited = 0;
  for (const [index, row] of chunk.entries()) {
    if (!row.admin) continue;
    try {
      await inviteCompanyMember(ctx, {
        companyId: created[index].id,
        invitation: { email: row.admin.email, name: row.admin.name, role: 'company_admin', locale: ctx.locale },
      });
      invited += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const keys = error.fields.length ? error.fields.map((field) => field.key) : ['import.invalid_value' as const];
      throw new ImportFailure(keys.map((key) => ({ row: row.row, column: adminHeader, field: 'adminEmail', key })));
    }
  }
  return invited;
}

export async function importCompanies(deps: Deps, importId: string): Promise<void> {
  const [record] = await deps.db.select().from(companyImports).where(eq(companyImports.id, importId)).limit(1);
  if (record?.status !== 'importing') return;
  const ctx = contextOf(deps, await actorOf(deps.db, record.confirmedBy), localeOf(record));
  const rows = record.rows as ImportedCompany[];
  const iceHeader = record.columns.find((column) => column.field === 'ice')?.header ?? null;
  const adminHeader = record.columns.find((column) => column.field === 'adminEmail')?.header ?? null;
  // PGlite has one connection, held by the transaction: progress can only be written beside it on PostgreSQL.
  const showProgress = deps.databaseKind === 'postgresql';
  try {
    await ctx.db.transaction(async (tx) => {
      const inTx = inTransaction(ctx, tx);
      const { actor } = ctx;
      if (!canImport(actor) || rows.some((row) => (row.parkId ? !actor.managesPark(row.parkId) : !actor.isNetworkAdmin))) {
        throw new ImportFailure([fileProblem('import.access_lost')]);
      }
      const taken = await takenIces(
        inTx,
        rows.flatMap((row) => (row.ice ? [row.ice] : [])),
      );
      if (taken.size) {
        throw new ImportFailure(rows.filter((row) => row.ice && taken.has(row.ice)).map((row) => iceTaken(row, iceHeader)));
      }
      let invitedAdmins = 0;
      for (let start = 0; start < rows.length; start += progressEveryRows) {
        const chunk = rows.slice(start, start + progressEveryRows);
        const created = await addChunk(inTx, chunk);
        invitedAdmins += await inviteAdmins(inTx, { chunk, created, adminHeader });
        if (showProgress) {
          await deps.db
            .update(companyImports)
            .set({ importedRows: start + chunk.length })
            .where(eq(companyImports.id, importId));
        }
        await yieldToOtherWork();
      }
      await tx
        .update(companyImports)
        .set({
          status: 'completed',
          importedRows: rows.length,
          rows: rows.slice(0, previewRows),
          updatedAt: new Date(),
          finishedAt: new Date(),
        })
        .where(eq(companyImports.id, importId));
      await recordAudit(tx, actor, {
        action: 'company_import.complete',
        entityType: 'company_import',
        entityId: importId,
        after: { importedRows: rows.length, invitedAdmins },
      });
    });
  } catch (error) {
    const problems = await failureProblems(ctx, error, rows, iceHeader);
    if (!problems) throw error;
    await markFailed(deps.db, importId, problems, ctx.actor);
  }
}

/** The reasons of a failed import, or null when the error was unexpected (then it is rethrown). */
async function failureProblems(
  ctx: ServiceContext,
  error: unknown,
  rows: ImportedCompany[],
  iceHeader: string | null,
): Promise<ImportProblemRecord[] | null> {
  if (error instanceof ImportFailure) return error.problems;
  if (violatedUniqueConstraint(error) === 'companies_ice_unique') {
    // Another company took an ICE while this import ran: now that it is committed, it says which rows.
    const taken = await takenIces(
      ctx,
      rows.flatMap((row) => (row.ice ? [row.ice] : [])),
    );
    return rows.filter((row) => row.ice && taken.has(row.ice)).map((row) => iceTaken(row, iceHeader));
  }
  return null;
}
