import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type AppOptions, buildApp } from '../app.js';
import { type Config, readConfig } from '../config.js';
import { type DatabaseHandle, openPglite, openPostgres } from '../db/database.js';
import { createAuth } from '../platform/auth/auth.js';
import type { App, Deps } from '../platform/http.js';
import { createJobs } from '../platform/jobs/jobs.js';
import { createMailer } from '../platform/mail/service.js';
import { withDatabaseName } from './paths.js';

export type TestContext = {
  app: App;
  deps: Deps;
  database: DatabaseHandle;
  close: () => Promise<void>;
};

/** A fresh, migrated database for one test file: a PGlite copy of the template, or a PostgreSQL database cloned from it. */
async function openTestDatabase(): Promise<{ database: DatabaseHandle; drop: () => Promise<void> }> {
  if (!process.env.TEST_DATABASE) throw new Error('a test that needs a database is an API test: name its file *.api.test.ts');
  if (process.env.TEST_DATABASE !== 'postgres') {
    const database = await openPglite({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplatePath'))]) });
    return { database, drop: async () => {} };
  }
  const url = process.env.DATABASE_URL as string;
  const name = `technopark_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject('postgresTemplateName')}`);
  await admin.end();
  const database = await openPostgres(withDatabaseName(url, name));
  return {
    database,
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

export async function createTestContext(overrides: Partial<Config> = {}, appOptions: AppOptions = {}): Promise<TestContext> {
  const { database, drop } = await openTestDatabase();
  const config = { ...readConfig({ LOGIN_RATE_LIMIT: '1000' }), ...overrides };
  const mailer = createMailer();
  // Never started: a test runs the queued jobs itself with deps.jobs.runQueued().
  const jobs = await createJobs(database);
  const deps: Deps = {
    config,
    db: database.db,
    databaseKind: database.kind,
    databaseVersion: database.version,
    auth: createAuth({ db: database.db, secret: config.authSecret, publicUrl: config.publicUrl, production: false, mailer }),
    mailer,
    jobs,
  };
  const app = await buildApp(deps, appOptions);
  await app.ready();
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await jobs.stop();
      await database.close();
      await drop();
    },
  };
}
