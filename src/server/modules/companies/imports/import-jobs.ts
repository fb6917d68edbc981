import type { Deps } from '../../../platform/http.js';
import { validateCompanyImport } from './import-check.js';
import { fileProblem } from './import-problems.js';
import { markFailed } from './import-record.js';
import { importCompanies } from './import-run.js';

/**
 * The queue of the two background steps of an import: checking the file (import-check.ts) and, once a person
 * confirmed, creating every company in one transaction (import-run.ts).
 */
export const companyImportQueue = 'company-import';
export type CompanyImportJob = { importId: string; step: 'validate' | 'import' };

/** Runs one job of the queue; an unexpected error marks the import failed (nothing imported) before it is rethrown. */
export async function runCompanyImportJob(deps: Deps, job: CompanyImportJob): Promise<void> {
  try {
    if (job.step === 'validate') await validateCompanyImport(deps, job.importId);
    else await importCompanies(deps, job.importId);
  } catch (error) {
    await markFailed(deps.db, job.importId, [fileProblem('import.failed_unexpected')]);
    throw error;
  }
}
