import { defineErrors, type ErrorsOf } from '../../platform/errors.js';
import { defineModule } from '../../platform/module.js';
import { peopleAuditMessages, peopleAuditNames } from './audit-names.js';
import { seedDemoPeople } from './demo.js';
import { peopleMessages } from './messages.js';
import { peoplePersonalData } from './personal-data.js';
import { registerInvitationRoutes, registerMeRoutes, registerPersonRoutes } from './routes.js';
import * as tables from './schema.js';

const peopleErrors = defineErrors({ last_network_admin: 409, last_admin_of_company: 409 });

declare module '../../platform/errors.js' {
  interface ErrorCodes extends ErrorsOf<typeof peopleErrors> {}
}

/** People and their roles (the admin pages), invitations by e-mail, and "me". */
export const peopleModule = defineModule({
  name: 'people',
  tables,
  messages: [peopleMessages, peopleAuditMessages],
  errors: peopleErrors,
  routes: async (app, deps) => {
    await registerMeRoutes(app, deps);
    await registerPersonRoutes(app, deps);
    await registerInvitationRoutes(app, deps);
  },
  auditNames: peopleAuditNames,
  personalData: peoplePersonalData,
  demo: seedDemoPeople,
});

// What other modules may use of people.
export { createAccount, findAccountByEmail } from './accounts.js';
export {
  createInvitation,
  hasPendingInvitation,
  pendingInvitations,
  revokeInvitationOnScope,
  type ScopeInvitation,
  type ScopeRef,
  scopeInvitationOf,
} from './invitations.js';
export { checkScope, getPerson, peopleList } from './service.js';
