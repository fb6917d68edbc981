import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../db/database.js';
import { createJobs } from '../platform/jobs/jobs.js';
import { migratedPgliteDump } from '../scripts/pglite-template.js';
import { withDatabaseName } from './paths.js';

/** Migrates one template database per engine once (pg-boss's schema included); every test file then starts from a copy. */
export default async function setup(project: TestProject) {
  const run = randomBytes(4).toString('hex');
  const pgliteTemplatePath = `.tmp/pglite-template-${run}.tar`;
  const postgresTemplateName = `technopark_test_template_${run}`;
  project.provide('pgliteTemplatePath', pgliteTemplatePath);
  project.provide('postgresTemplateName', postgresTemplateName);

  mkdirSync('.tmp', { recursive: true });
  const dump = await migratedPgliteDump('none');
  writeFileSync(pgliteTemplatePath, Buffer.from(await dump.arrayBuffer()));

  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${postgresTemplateName}`);
    const template = await openPostgres(withDatabaseName(url, postgresTemplateName));
    await template.migrate();
    await (await createJobs(template)).stop();
    await template.close();
    await admin.end();
  }

  return async () => {
    rmSync(pgliteTemplatePath, { force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${postgresTemplateName} with (force)`);
      await admin.end();
    }
  };
}
