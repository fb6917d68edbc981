import { count } from 'drizzle-orm';
import type { Role } from '../../contracts/roles.js';
import { scopeTypeOfRole } from '../../contracts/roles.js';
import { localToday } from '../../shared/calendar.js';
import type { Database } from '../db/database.js';
import { insertCompanies } from '../modules/companies/lifecycle.js';
import { buildings, floors, parks, spaces } from '../modules/parks/schema.js';
import { createAccount } from '../modules/people/accounts.js';
import { roleAssignments } from '../modules/people/schema.js';
import { Actor } from '../platform/access.js';
import { recordAudit } from '../platform/audit/service.js';
import { hashPassword } from '../platform/auth/password.js';
import { demoApplicantEmail, seedDemoAdmissions } from './admissions.js';
import { demoCompanyId, planDemoCompanies } from './companies.js';
import { demoParks, type UnitPlan } from './parks.js';
import { seedDemoReports } from './reports.js';

export const demoPassword = 'demo-password-2026';

type DemoAccount = { email: string; name: string; role: Role; parks?: string[]; locale?: 'fr' | 'ar' | 'en' };

// The company accounts hold their role on the demo company. Partner and merchant scopes belong to
// capabilities still to come; until they land these accounts hold their role on fixed ids that those
// capabilities' seeds will create.
const fixedScopes: Partial<Record<Role, string>> = {
  partner_staff: '00000000-0000-4000-8000-00000000a001',
  company_admin: demoCompanyId,
  company_member: demoCompanyId,
  merchant: '00000000-0000-4000-8000-00000000e001',
};

export const demoAccounts: DemoAccount[] = [
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

/** A small deterministic generator so that every demo database is the same. */
function randomSequence(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const amenitiesOf: Record<UnitPlan['kind'], string[]> = {
  office: ['fiber_internet', 'air_conditioning', 'natural_light'],
  coworking_desk: ['fiber_internet', 'kitchenette'],
  meeting_room: ['screen', 'whiteboard', 'videoconference', 'fiber_internet'],
  event_room: ['projector', 'sound_system', 'stage', 'accessible'],
  studio: ['soundproofing', 'sound_system', 'fiber_internet'],
};

/** Loads the demo network once; a second start finds it and changes nothing. */
export async function seedDemoNetwork(db: Database) {
  const [{ parkCount }] = await db.select({ parkCount: count() }).from(parks);
  if (Number(parkCount) === 0) {
    await db.transaction(async (tx) => {
      const parkIds = new Map<string, string>();
      for (const [parkIndex, demo] of demoParks.entries()) {
        const { layout, ...park } = demo;
        const [row] = await tx
          .insert(parks)
          .values({ ...park, description: park.description ?? null })
          .returning({ id: parks.id });
        parkIds.set(demo.slug, row.id);
        const floorIds: string[] = [];
        for (const building of layout.buildings) {
          const [buildingRow] = await tx
            .insert(buildings)
            .values({ parkId: row.id, code: building.code, name: building.name })
            .returning({ id: buildings.id });
          const floorRows = await tx
            .insert(floors)
            .values(
              Array.from({ length: building.floors }, (_, level) => ({
                buildingId: buildingRow.id,
                level,
                name: level === 0 ? 'Rez-de-chaussée' : `Étage ${level}`,
              })),
            )
            .returning({ id: floors.id });
          floorIds.push(...floorRows.map((floor) => floor.id));
        }
        const random = randomSequence(parkIndex + 7);
        const rows: (typeof spaces.$inferInsert)[] = [];
        let sequence = 0;
        for (const unit of layout.units) {
          for (let n = 1; n <= unit.count; n++) {
            sequence++;
            const floorId = floorIds[Math.floor(random() * floorIds.length)];
            const area = Math.round((unit.minM2 + random() * (unit.maxM2 - unit.minM2)) * 2) / 2;
            const isRoom = unit.kind === 'meeting_room' || unit.kind === 'event_room' || unit.kind === 'studio';
            rows.push({
              parkId: row.id,
              floorId,
              code: `${demo.slug.slice(0, 3).toUpperCase()}-${String(sequence).padStart(3, '0')}`,
              name: `${unit.label} ${n}`,
              kind: unit.kind,
              areaM2: area,
              desks: unit.kind === 'office' ? Math.max(1, Math.round(area / 8)) : unit.kind === 'coworking_desk' ? 1 : 0,
              seats: isRoom ? Math.round(area / (unit.kind === 'event_room' ? 1.1 : 2)) : 0,
              amenities: amenitiesOf[unit.kind] as (typeof spaces.$inferInsert)['amenities'],
              bookable: unit.bookable ?? false,
              leasable: !unit.bookable,
            });
          }
        }
        for (let start = 0; start < rows.length; start += 200) await tx.insert(spaces).values(rows.slice(start, start + 200));
      }

      const plannedCompanies = planDemoCompanies(parkIds, localToday());
      const companyRows = await insertCompanies(tx, Actor.anonymous(), plannedCompanies);
      await seedDemoReports(tx, companyRows, plannedCompanies, localToday());

      const passwordHash = await hashPassword(demoPassword);
      const userIds = new Map<string, string>();
      for (const account of demoAccounts) {
        const { id: userId } = await createAccount(tx, {
          name: account.name,
          email: account.email,
          locale: account.locale ?? 'fr',
          passwordHash,
        });
        userIds.set(account.email, userId);
        const scopeIds = account.parks?.map((slug) => parkIds.get(slug) as string) ?? [fixedScopes[account.role] ?? null];
        for (const scopeId of scopeIds) {
          await tx.insert(roleAssignments).values({ userId, role: account.role, scopeType: scopeTypeOfRole[account.role], scopeId });
        }
      }
      await seedDemoAdmissions(tx, Actor.anonymous(), {
        today: localToday(),
        parkIds,
        committeeIds: demoAccounts.filter((a) => a.role === 'committee_member').map((a) => userIds.get(a.email) as string),
        officerId: userIds.get('officer@technopark.demo') as string,
        passwordHash,
      });
      await recordAudit(tx, Actor.anonymous(), {
        action: 'demo.load',
        entityType: 'network',
        entityId: 'demo',
        after: { parks: demoParks.length, accounts: demoAccounts.length },
      });
    });
  }
  return {
    password: demoPassword,
    accounts: [
      ...demoAccounts.map(({ email, role }) => ({ email, role: role as string })),
      { email: demoApplicantEmail, role: 'applicant' },
    ],
  };
}
