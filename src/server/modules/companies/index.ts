import { defineErrors, type ErrorsOf } from '../../platform/errors.js';
import { defineModule } from '../../platform/module.js';
import { companyAuditMessages } from './audit-messages.js';
import { companyAuditNames } from './audit-names.js';
import { seedDemoCompanies } from './demo/demo.js';
import { type CompanyImportJob, companyImportQueue, runCompanyImportJob } from './imports/import-jobs.js';
import { companyImportMessages } from './imports/import-messages.js';
import { registerImportRoutes } from './imports/import-routes.js';
import { companyLifecycleMessages } from './lifecycle/lifecycle-messages.js';
import { registerLifecycleRoutes } from './lifecycle/lifecycle-routes.js';
import { companyMemberMessages } from './members/members-messages.js';
import { registerMemberRoutes } from './members/members-routes.js';
import { companyChoices, companyNames } from './profile/company-names.js';
import { companyProfileMessages } from './profile/profile-messages.js';
import { registerProfileRoutes } from './profile/profile-routes.js';
import { companyReportMessages } from './reports/report-messages.js';
import { registerReportRoutes } from './reports/report-routes.js';
import { registerReportingRoutes } from './reports/reporting-routes.js';
import * as tables from './schema.js';

const companyErrors = defineErrors({ last_company_admin: 409, report_already_filed: 409, report_already_corrected: 409 });

declare module '../../platform/errors.js' {
  interface ErrorCodes extends ErrorsOf<typeof companyErrors> {}
}

/** Companies: profile, dated lifecycle, members, periodic reports, imports. */
export const companiesModule = defineModule({
  name: 'companies',
  tables,
  messages: [
    companyProfileMessages,
    companyLifecycleMessages,
    companyMemberMessages,
    companyReportMessages,
    companyImportMessages,
    companyAuditMessages,
  ],
  errors: companyErrors,
  scopes: { company: { names: companyNames, choices: companyChoices } },
  routes: async (app, deps) => {
    // The import routes first: their static paths (/companies/imports…) sit beside /companies/:id.
    await registerImportRoutes(app, deps);
    await registerProfileRoutes(app, deps);
    await registerLifecycleRoutes(app, deps);
    await registerMemberRoutes(app, deps);
    await registerReportRoutes(app, deps);
    await registerReportingRoutes(app, deps);
  },
  jobs: (deps) => ({ [companyImportQueue]: (job: CompanyImportJob) => runCompanyImportJob(deps, job) }),
  auditNames: companyAuditNames,
  demo: seedDemoCompanies,
});

// What other modules may use of companies: creating companies with their history (in the caller's transaction),
// reading their current status, granting a role in a company, and naming companies.
export {
  addCompanies,
  addCompany,
  type CompanyInsert,
  type CompanyRow,
  companyWithIce,
  currentStatusEvent,
  type NewCompany,
  recordStatusChange,
  type StatusEventRow,
  type StatusStep,
  statusHistory,
} from './lifecycle/history.js';
export { rebuildStatusProjection, statusProjectionDrift } from './lifecycle/projection.js';
export { grantCompanyRole } from './members/members-service.js';
export { companyLegalNameOf, companyNames } from './profile/company-names.js';
