import type { Role } from '../../../contracts/roles.js';
import type { DemoAccount, DemoContext } from '../../platform/demo.js';
import { grantRole } from '../../platform/grants/service.js';
import { listParkRefs } from '../parks/index.js';
import { createAccount } from './accounts.js';

type DemoPerson = { email: string; name: string; role: Role; parks?: string[]; locale?: 'fr' | 'ar' | 'en' };

// Partner and merchant scopes belong to capabilities still to come: until they land these accounts hold their
// role on fixed ids that those capabilities' demo parts will create. Company roles are given by the companies'
// demo part, on the demo company.
const fixedScopes: Partial<Record<Role, string>> = {
  partner_staff: '00000000-0000-4000-8000-00000000a001',
  merchant: '00000000-0000-4000-8000-00000000e001',
};

/** One account for each role of SPEC §2 (and a second and third committee member). */
export const demoPeople: DemoPerson[] = [
  { email: 'admin@technopark.demo', name: 'Nadia Benali', role: 'network_admin' },
  { email: 'manager.casablanca@technopark.demo', name: 'Karim El Idrissi', role: 'park_manager', parks: ['casablanca'] },
  { email: 'manager.rabat@technopark.demo', name: 'Salma Bennani', role: 'park_manager', parks: ['rabat'], locale: 'ar' },
  {
    email: 'manager.souss@technopark.demo',
    name: 'Youssef Amrani',
    role: 'park_manager',
    parks: ['agadir', 'cite-innovation-souss-massa'],
  },
  { email: 'officer@technopark.demo', name: 'Meryem Tazi', role: 'program_officer' },
  { email: 'committee@technopark.demo', name: 'Omar Chraibi', role: 'committee_member' },
  { email: 'committee2@technopark.demo', name: 'Latifa Ouazzani', role: 'committee_member', locale: 'ar' },
  { email: 'committee3@technopark.demo', name: 'Driss Bensouda', role: 'committee_member' },
  { email: 'partner@technopark.demo', name: 'Hicham Alaoui', role: 'partner_staff' },
  { email: 'company.admin@technopark.demo', name: 'Imane Berrada', role: 'company_admin' },
  { email: 'company.member@technopark.demo', name: 'Mehdi Lahlou', role: 'company_member', locale: 'en' },
  { email: 'merchant@technopark.demo', name: 'Rachid Kettani', role: 'merchant' },
];

/** The demo accounts with their roles (park managers on their parks). */
export async function seedDemoPeople({ ctx, passwordHash }: DemoContext): Promise<DemoAccount[]> {
  const parkIds = new Map((await listParkRefs(ctx)).map((park) => [park.slug, park.id]));
  for (const person of demoPeople) {
    const user = await createAccount(ctx, { name: person.name, email: person.email, locale: person.locale ?? 'fr', passwordHash });
    if (person.role === 'company_admin' || person.role === 'company_member') continue;
    const scopeIds = person.parks?.map((slug) => parkIds.get(slug) as string) ?? [fixedScopes[person.role] ?? null];
    for (const scopeId of scopeIds) await grantRole(ctx, { userId: user.id, role: person.role, scopeId });
  }
  return demoPeople.map(({ email, role }) => ({ email, role }));
}
