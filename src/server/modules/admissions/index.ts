import { defineErrors, type ErrorsOf } from '../../platform/errors.js';
import { defineModule } from '../../platform/module.js';
import { registerApplicantRoutes } from './application-routes.js';
import { callMessages } from './call-messages.js';
import { registerCallRoutes } from './call-routes.js';
import { seedDemoCalls } from './demo.js';
import { reviewMessages } from './review-messages.js';
import { registerReviewRoutes } from './review-routes.js';
import * as tables from './schema.js';

const admissionErrors = defineErrors({ deadline_passed: 409, call_not_open: 409, already_scored: 409, conflict_of_interest: 403 });

declare module '../../platform/errors.js' {
  interface ErrorCodes extends ErrorsOf<typeof admissionErrors> {}
}

/** Admissions: calls for applications, applications, committee review, decisions, park waiting lists. */
export const admissionsModule = defineModule({
  name: 'admissions',
  tables,
  messages: [callMessages, reviewMessages],
  errors: admissionErrors,
  routes: async (app, deps) => {
    await registerApplicantRoutes(app, deps);
    await registerCallRoutes(app, deps);
    await registerReviewRoutes(app, deps);
  },
  demo: seedDemoCalls,
});
