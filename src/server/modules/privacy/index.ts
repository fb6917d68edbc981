import { defineErrors, type ErrorsOf } from '../../platform/errors.js';
import { defineModule } from '../../platform/module.js';
import { privacyAuditMessages, privacyAuditNames } from './audit-names.js';
import { privacyMessages } from './messages.js';
import { registerPrivacyRoutes } from './routes.js';
import * as tables from './schema.js';

const privacyErrors = defineErrors({ erasure_request_open: 409, erasure_request_processed: 409, wrong_password: 400 });

declare module '../../platform/errors.js' {
  interface ErrorCodes extends ErrorsOf<typeof privacyErrors> {}
}

/**
 * Personal data (Law 09-08) as the person exercises their rights: export what the platform holds about them, see
 * who read it, change their password, ask for erasure; network admins answer erasure requests. What each
 * capability holds is declared by its module (`personalData`); the reads are logged by the platform.
 */
export const privacyModule = defineModule({
  name: 'privacy',
  tables,
  messages: [privacyMessages, privacyAuditMessages],
  errors: privacyErrors,
  routes: registerPrivacyRoutes,
  auditNames: privacyAuditNames,
});
