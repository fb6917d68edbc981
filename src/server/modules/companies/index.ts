import { defineErrors, type ErrorsOf } from '../../platform/errors.js';
import { defineModule } from '../../platform/module.js';
import { seedDemoCompanies } from './demo.js';
import { type CompanyImportJob, companyImportQueue, runCompanyImportJob } from './import-jobs.js';
import { companyImportMessages } from './import-messages.js';
import { registerCompanyImportRoutes } from './import-routes.js';
import { companyMessages } from './messages.js';
import { companyReportMessages } from './report-messages.js';
import { registerCompanyReportRoutes } from './report-routes.js';
import { registerCompanyRoutes } from './routes.js';
import * as tables from './schema.js';
import { companyChoices, companyNames } from './scopes.js';

const companyErrors = defineErrors({ last_company_admin: 409, report_already_filed: 409, report_already_corrected: 409 });

declare module '../../platform/errors.js' {
  interface ErrorCodes extends ErrorsOf<typeof companyErrors> {}
}

/** Companies: profile, dated lifecycle, members, periodic reports, imports. */
export const companiesModule = defineModule({
  name: 'companies',
  tables,
  messages: [companyMessages, companyReportMessages, companyImportMessages],
  errors: companyErrors,
  scopes: { company: { names: companyNames, choices: companyChoices } },
  routes: async (app, deps) => {
    await registerCompanyRoutes(app, deps);
    await registerCompanyReportRoutes(app, deps);
    await registerCompanyImportRoutes(app, deps);
  },
  jobs: (deps) => ({ [companyImportQueue]: (job: CompanyImportJob) => runCompanyImportJob(deps, job) }),
  demo: seedDemoCompanies,
});

export {
  type CompanyInsert,
  type CompanyRow,
  findCompanyByIce,
  insertCompanies,
  insertCompany,
  recordTransition,
  type StatusStep,
} from './lifecycle.js';
// What other modules may use of companies.
export { companyLegalNameOf, companyNames } from './scopes.js';
