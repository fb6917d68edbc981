import { admissionsWeb } from './routes/admissions/index.js';
import { auditWeb } from './routes/audit/index.js';
import { authWeb } from './routes/auth/index.js';
import { companiesWeb } from './routes/companies/index.js';
import { parksWeb } from './routes/parks/index.js';
import { peopleWeb } from './routes/people/index.js';
import { privacyWeb } from './routes/privacy/index.js';

/** The capabilities' parts of the web app: the router and the menu iterate this list. Adding one: its folder and one line here. */
export const webModules = [parksWeb, companiesWeb, admissionsWeb, peopleWeb, privacyWeb, auditWeb, authWeb] as const;
