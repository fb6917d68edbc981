import { readConfig } from '../../src/server/config.js';
import type { DatabaseHandle } from '../../src/server/db/database.js';
import { seedDemoNetwork } from '../../src/server/demo/seed.js';
import { rebuildStatusProjection } from '../../src/server/modules/companies/index.js';
import { modules } from '../../src/server/modules/index.js';
import { Actor } from '../../src/server/platform/access.js';
import { contextOf } from '../../src/server/platform/http.js';
import { createJobs } from '../../src/server/platform/jobs/jobs.js';
import { createMailer } from '../../src/server/platform/mail/service.js';
import { installModules } from '../../src/server/platform/module.js';
import { generateAdmissions } from './admissions.js';
import { Tally } from './bulk.js';
import { generateCompanies } from './companies.js';
import { generateParks } from './parks.js';
import { seeded } from './random.js';
import { generatedSizes, reportingYear, type SizeName } from './sizes.js';
import { benchAdmin, generateStaff } from './staff.js';

/** What the bench needs to know of a generated network: who signs in, which company, call and park it reads. */
export type Manifest = {
  key: string;
  size: SizeName;
  seed: number;
  generatedInSeconds: number;
  rows: Record<string, number>;
  adminEmail: string;
  adminPassword: string;
  companyId: string;
  rankingCallId: string;
  parkId: string;
  reportingYear: number;
};

/** Which generator wrote a network: a network made by an older one, or onto older migrations, is made again. */
export function manifestKey(size: SizeName, seed: number, migration: string): string {
  return `bench-generator-v1/${size}/seed-${seed}/${migration}`;
}

/**
 * Fills a migrated, empty database with the network of `size` (deterministic for a seed), then records its
 * manifest in the audit log (action `bench.generate`), where the bench finds it again.
 */
export async function generateNetwork(database: DatabaseHandle, size: SizeName, seed: number, key: string): Promise<Manifest> {
  const started = performance.now();
  const tally = new Tally(database);
  if (size === 'demo') await seedDemo(database, tally);
  else {
    const random = seeded(seed);
    const plan = generatedSizes[size];
    const parks = await generateParks(tally, random, plan);
    const staff = await generateStaff(tally, random, parks, plan.committeeMembers);
    const companies = await generateCompanies(tally, random, plan, parks);
    await generateAdmissions(tally, random, plan, parks, companies, staff);
  }
  // The current-state projection (companies.status/status_since, company_status_spans) is derived from the
  // history, which the generator writes in bulk without the app's per-write upkeep: recompute it once.
  await rebuildStatusProjection(database.db);
  // As a live database is after autovacuum: statistics, and the visibility map index-only scans rely on.
  await database.executeSql('vacuum analyze');
  const manifest: Manifest = {
    key,
    size,
    seed,
    generatedInSeconds: Math.round((performance.now() - started) / 100) / 10,
    rows: tally.summary(),
    adminEmail: benchAdmin.email,
    adminPassword: benchAdmin.password,
    reportingYear,
    ...(await pickTargets(database)),
  };
  await database.executeSql(
    `insert into audit_log (action, entity_type, entity_id, after) values ('bench.generate', 'network', $1, $2::jsonb)`,
    [size, JSON.stringify(manifest)],
  );
  return manifest;
}

/** The demo network, loaded by the app's own demo seed, and the bench's admin beside its accounts. */
async function seedDemo(database: DatabaseHandle, tally: Tally) {
  installModules(modules);
  const jobs = await createJobs(database);
  const deps = { db: database.db, mailer: createMailer(), config: readConfig({}), jobs };
  await seedDemoNetwork(contextOf(deps, Actor.anonymous(), 'fr'), modules);
  await jobs.stop();
  await generateStaff(tally, seeded(1), [], 0);
}

/** The company with the longest history, the call with the most reviewed applications, the park with the most companies. */
async function pickTargets(database: DatabaseHandle) {
  const one = async (text: string) => String((await database.executeSql(text)).rows[0]?.id ?? '');
  return {
    companyId: await one(
      'select company_id as id from company_status_events group by company_id order by count(*) desc, company_id limit 1',
    ),
    rankingCallId: await one(
      `select call_id as id from applications where status in ('under_review', 'admitted', 'waitlisted', 'rejected') group by call_id order by count(*) desc, call_id limit 1`,
    ),
    parkId: await one(
      'select park_id as id from companies where park_id is not null group by park_id order by count(*) desc, park_id limit 1',
    ),
  };
}

/** The manifest of the network a database holds, if a generator recorded one. */
export async function readManifest(database: DatabaseHandle): Promise<Manifest | null> {
  const result = await database.executeSql(`select after from audit_log where action = 'bench.generate' order by id desc limit 1`);
  return (result.rows[0]?.after as Manifest | undefined) ?? null;
}
