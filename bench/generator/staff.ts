import { hashPassword } from '../../src/server/platform/auth/password.js';
import type { Row, Tally } from './bulk.js';
import { personName } from './companies.js';
import type { ParkPlan } from './parks.js';
import type { Random } from './random.js';
import { anchorDate } from './sizes.js';

/** The network administrator the bench signs in as (a password account, like `npm run create-admin` makes). */
export const benchAdmin = { email: 'bench-admin@bench.technopark.ma', password: 'bench-password-0001', name: 'Bench Admin' };

export type Staff = { adminId: string; officerId: string; committeeIds: string[] };

/** The bench's network admin, a program officer, a manager per park, and the committee members of the calls. */
export async function generateStaff(tally: Tally, random: Random, parks: ParkPlan[], committeeMembers: number): Promise<Staff> {
  const at = `${anchorDate}T08:00:00.000Z`;
  const users: Row[] = [];
  const grants: Row[] = [];
  const person = (email: string, name: string, role: string, scopeType: string, scopeId: string | null) => {
    const id = random.uuid();
    users.push({ id, name, email, email_verified: true, created_at: at });
    grants.push({ id: random.uuid(), user_id: id, role, scope_type: scopeType, scope_id: scopeId, created_at: at });
    return id;
  };
  const adminId = person(benchAdmin.email, benchAdmin.name, 'network_admin', 'network', null);
  const officerId = person('officer@bench.technopark.ma', personName(random), 'program_officer', 'network', null);
  for (const [index, park] of parks.entries())
    person(`manager-${index + 1}@bench.technopark.ma`, personName(random), 'park_manager', 'park', park.id);
  const committeeIds = Array.from({ length: committeeMembers }, (_, index) =>
    person(`committee-${index + 1}@bench.technopark.ma`, personName(random), 'committee_member', 'network', null),
  );
  await tally.insert('users', users);
  await tally.insert('role_assignments', grants);
  await tally.insert('accounts', [
    {
      id: random.uuid(),
      account_id: adminId,
      provider_id: 'credential',
      user_id: adminId,
      password: await hashPassword(benchAdmin.password),
      created_at: at,
      updated_at: at,
    },
  ]);
  return { adminId, officerId, committeeIds };
}
