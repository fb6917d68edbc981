import type { CompanyImportStatus } from '../../../../contracts/company-imports.js';

export const importStatusColor: Record<CompanyImportStatus, string> = {
  validating: 'blue',
  invalid: 'orange',
  ready: 'teal',
  importing: 'blue',
  completed: 'teal',
  failed: 'red',
};

/** Checking and importing run in the background: the page asks again every second until they end. */
export const busy = (status: CompanyImportStatus | undefined) => status === 'validating' || status === 'importing';
