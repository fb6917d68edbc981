import type { DemoContext } from '../../../platform/demo.js';
import { listParkRefs } from '../../parks/index.js';
import { findAccountByEmail } from '../../people/index.js';
import { addCompanies } from '../lifecycle/history.js';
import { grantCompanyRole } from '../members/members-service.js';
import { demoCompanyId } from './demo-data.js';
import { planDemoCompanies } from './demo-plan.js';
import { seedDemoReports } from './demo-reports.js';

/** The demo company accounts and the role each holds on the demo company. */
const demoCompanyAccounts = [
  { email: 'company.admin@technopark.demo', role: 'company_admin' as const },
  { email: 'company.member@technopark.demo', role: 'company_member' as const },
];

/** The network's companies since 2001 with their history and yearly reports; the demo company's people get their roles. */
export async function seedDemoCompanies({ ctx, today }: DemoContext): Promise<undefined> {
  const parkIds = new Map((await listParkRefs(ctx)).map((park) => [park.slug, park.id]));
  const planned = planDemoCompanies(parkIds, today);
  const created = await addCompanies(ctx, { companies: planned });
  await seedDemoReports(ctx, { created, planned, today });
  for (const account of demoCompanyAccounts) {
    const person = await findAccountByEmail(ctx, account.email);
    if (person) await grantCompanyRole(ctx, { userId: person.id, role: account.role, companyId: demoCompanyId });
  }
  return undefined;
}
