import type { ServiceContext } from '../../../platform/context.js';
import { addCompanies } from '../../companies/index.js';
import { waitingListEntries } from '../schema.js';
import type { Sector } from './demo-applicants.js';
import { addDays } from './demo-dates.js';

/**
 * Casablanca is full: companies admitted by earlier sessions wait for an office of their size, first
 * come first served (REFERENCE-NETWORK.md: 30–40 companies, 3–4 months).
 */
export async function seedDemoWaitingList(
  ctx: ServiceContext,
  { today, casablanca, random }: { today: string; casablanca: string; random: () => number },
) {
  const names = ['Sahara', 'Menara', 'Chellah', 'Lixus', 'Ziz', 'Agdal', 'Tizi', 'Asif', 'Ouzoud', 'Maamora', 'Toubkal', 'Saïss'];
  // Words the other demo companies do not use, every pair once.
  const kinds = ['Apps', 'Analytics', 'Mobility', 'Secure', 'Vision', 'Connect', 'Sense', 'Bots'];
  const sectors: Sector[] = ['ict', 'fintech', 'cultural_creative', 'greentech', 'healthtech'];
  const planned = Array.from({ length: 33 }, (_, n) => {
    const admitted = addDays(today, -(8 + Math.floor((n * 115) / 33) + Math.floor(random() * 3)));
    const brand = `${names[n % names.length]} ${kinds[(n + Math.floor(n / names.length)) % kinds.length]}`;
    return {
      admitted,
      area: [14, 16, 18, 20, 24, 30, 40, 60][Math.floor(random() * 8)],
      item: {
        profile: {
          legalName: `${brand} SARL`,
          brandName: brand,
          legalForm: 'sarl' as const,
          creationDate: addDays(admitted, -Math.round(200 + random() * 900)),
          sectors: [sectors[n % sectors.length]],
          stage: 'startup' as const,
          parkId: casablanca,
        },
        history: [
          {
            status: 'applicant' as const,
            effectiveDate: addDays(admitted, -40),
            reason: 'Dossier de candidature',
            source: 'demo' as const,
          },
          { status: 'admitted' as const, effectiveDate: admitted, reason: 'Comité d’attribution des bureaux', source: 'demo' as const },
        ],
      },
    };
  });
  const created = await addCompanies(ctx, { companies: planned.map((entry) => entry.item) });
  await ctx.db.insert(waitingListEntries).values(
    created.map((company, index) => ({
      parkId: casablanca,
      companyId: company.id,
      requiredAreaM2: planned[index].area,
      requestedOn: planned[index].admitted,
    })),
  );
}

/** The admissions of the demo: the open call of Casablanca with its committee, applications, scores and waiting list. */
