import { inArray } from 'drizzle-orm';
import { users } from '../../../platform/auth/schema.js';
import { type DemoAccount, type DemoContext, randomSequence } from '../../../platform/demo.js';
import { listParkRefs } from '../../parks/index.js';
import { deliberations } from '../schema.js';
import { demoApplicantEmail, seedDemoApplications } from './demo-applications.js';
import { insertDemoCall } from './demo-call.js';
import { addDays } from './demo-dates.js';
import { seedDemoWaitingList } from './demo-waiting-list.js';

const committeeEmails = ['committee@technopark.demo', 'committee2@technopark.demo', 'committee3@technopark.demo'];
const officerEmail = 'officer@technopark.demo';

/** The ids of the demo's accounts (made by the people module's demo part, which runs before this one). */
async function accountIds(ctx: DemoContext['ctx'], emails: string[]): Promise<Map<string, string>> {
  const rows = await ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  return new Map(rows.map((row) => [row.email, row.id]));
}

/**
 * The admissions of the demo: the open call of Casablanca (its office-allocation committee) with applications
 * at every stage, three committee members' scores (one file with members far apart, one with a declared
 * conflict), the decisions already taken with the companies they created, the committee's minutes, and the
 * park's waiting list of admitted companies waiting for a unit (30–40 companies, as at the reference park).
 */
export async function seedDemoCalls({ ctx, today, passwordHash }: DemoContext): Promise<DemoAccount[]> {
  const parkIds = new Map((await listParkRefs(ctx)).map((park) => [park.slug, park.id]));
  const casablanca = parkIds.get('casablanca') as string;
  const ids = await accountIds(ctx, [...committeeEmails, officerEmail]);
  const committeeIds = committeeEmails.map((email) => ids.get(email) as string);
  const officerId = ids.get(officerEmail) as string;
  const random = randomSequence(139);

  const { call, criteria } = await insertDemoCall(ctx, { today, casablanca, committeeIds, officerId });
  await seedDemoApplications(ctx, { call, criteria, today, casablanca, committeeIds, officerId, passwordHash, random });
  await ctx.db.insert(deliberations).values({
    callId: call.id,
    heldOn: addDays(today, -6),
    attendees: ['Meryem Tazi', 'Omar Chraibi', 'Latifa Ouazzani', 'Driss Bensouda'],
    minutes:
      "Séance du comité d'attribution des bureaux. Trois dossiers examinés après notation individuelle. Mogador Blue est admise (note pondérée la plus haute, forte adéquation avec les secteurs du parc) et rejoint la liste d'attente du parc pour 20 m². Anfa Robotics est placée en liste d'attente de la session. Atlas Health Lab n'est pas retenue : marché très concurrentiel, différenciation insuffisante.",
    recordedBy: officerId,
  });
  await seedDemoWaitingList(ctx, { today, casablanca, random });
  return [{ email: demoApplicantEmail, role: 'applicant' }];
}
