import { defineErrors, type ErrorsOf } from '../../platform/errors.js';
import { defineModule } from '../../platform/module.js';
import { registerApplicantRoutes } from './applications/applicant-routes.js';
import { applicationMessages } from './applications/applications-messages.js';
import { registerOfficerApplicationRoutes } from './applications/officer-routes.js';
import { admissionAuditMessages } from './audit-messages.js';
import { admissionAuditNames } from './audit-names.js';
import { callMessages } from './calls/calls-messages.js';
import { registerCallRoutes } from './calls/calls-routes.js';
import { decisionMessages } from './decisions/decisions-messages.js';
import { registerDecisionRoutes } from './decisions/decisions-routes.js';
import { seedDemoCalls } from './demo/demo.js';
import { admissionsPersonalData } from './personal-data.js';
import { registerCommitteeResultRoutes } from './reviews/committee-routes.js';
import { registerMemberReviewRoutes } from './reviews/member-routes.js';
import { reviewMessages } from './reviews/reviews-messages.js';
import * as tables from './schema.js';
import { waitingListMessages } from './waiting-list/waiting-list-messages.js';
import { registerWaitingListRoutes } from './waiting-list/waiting-list-routes.js';

const admissionErrors = defineErrors({ deadline_passed: 409, call_not_open: 409, already_scored: 409, conflict_of_interest: 403 });

declare module '../../platform/errors.js' {
  interface ErrorCodes extends ErrorsOf<typeof admissionErrors> {}
}

/** Admissions: calls for applications, applications, committee review, decisions, park waiting lists. */
export const admissionsModule = defineModule({
  name: 'admissions',
  tables,
  messages: [callMessages, applicationMessages, reviewMessages, decisionMessages, waitingListMessages, admissionAuditMessages],
  errors: admissionErrors,
  routes: async (app, deps) => {
    await registerCallRoutes(app, deps);
    await registerApplicantRoutes(app, deps);
    await registerOfficerApplicationRoutes(app, deps);
    await registerMemberReviewRoutes(app, deps);
    await registerCommitteeResultRoutes(app, deps);
    await registerDecisionRoutes(app, deps);
    await registerWaitingListRoutes(app, deps);
  },
  auditNames: admissionAuditNames,
  personalData: admissionsPersonalData,
  demo: seedDemoCalls,
});
