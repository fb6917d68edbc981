import { admissionsModule } from './admissions/index.js';
import { companiesModule } from './companies/index.js';
import { parksModule } from './parks/index.js';
import { peopleModule } from './people/index.js';
import { privacyModule } from './privacy/index.js';

/**
 * The capabilities of the platform, in the order their demo parts run (a module after those it builds on).
 * Adding a capability: its folder with an `index.ts` that exports its definition, its migration, and one line here.
 */
export const modules = [parksModule, peopleModule, companiesModule, admissionsModule, privacyModule];
