import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '../config.js';
import { type DatabaseHandle, migrationsFolder } from './database.js';
import { openConfiguredDatabase } from './open.js';
import { currentTemplateManifest, isNewDataDirectory, type TemplateFiles, usableTemplate } from './template.js';

// The build's PGlite template (db/template.ts): a new data directory starts from it only when it is this build's.
const scratch = mkdtempSync(join(tmpdir(), 'technopark-template-'));
const files: TemplateFiles = { archive: join(scratch, 'template.tar.gz'), manifest: join(scratch, 'template.json') };
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const open = (dataDir: string) =>
  openConfiguredDatabase({ ...readConfig({}), databaseUrl: undefined, dataDir: join(scratch, dataDir) }, files);

/** A template as the build writes it (scripts/pglite-template.ts), from the test set-up's migrated dump, with a marker table. */
async function writeMarkedTemplate() {
  const client = new PGlite({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplatePath'))]) });
  await client.exec('create table template_marker (id int)');
  writeFileSync(files.archive, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()));
  writeFileSync(files.manifest, JSON.stringify(currentTemplateManifest()));
  await client.close();
}

async function facts(database: DatabaseHandle) {
  const marker = await database.executeSql(`select to_regclass('public.template_marker') is not null as present`);
  const migrations = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
  const jobs = await database.executeSql(`select count(*)::int as n from information_schema.schemata where schema_name = 'pgboss'`);
  return { marker: marker.rows[0].present, migrations: migrations.rows[0].n, jobsSchema: jobs.rows[0].n === 1 };
}

describe('the PGlite template', () => {
  it('starts a new data directory from the template, migrated, and an existing one from its own data', async () => {
    await writeMarkedTemplate();
    expect(usableTemplate(files)).not.toBeNull();

    expect(isNewDataDirectory(join(scratch, 'data'))).toBe(true);
    const first = await open('data');
    expect(await facts(first)).toEqual({
      marker: true,
      migrations: readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql')).length,
      jobsSchema: true,
    });
    await first.executeSql('drop table template_marker');
    await first.close();
    expect(isNewDataDirectory(join(scratch, 'data'))).toBe(false);

    // The directory now has its own data: the template is not laid over it again.
    const second = await open('data');
    expect((await facts(second)).marker).toBe(false);
    await second.close();
  });

  it('is never used when it is not this build’s, unreadable or absent', async () => {
    await writeMarkedTemplate();
    writeFileSync(files.manifest, JSON.stringify({ ...currentTemplateManifest(), migrations: 'other migrations' }));
    expect(usableTemplate(files)).toBeNull();
    writeFileSync(files.manifest, JSON.stringify({ ...currentTemplateManifest(), pglite: '0.0.1' }));
    expect(usableTemplate(files)).toBeNull();
    writeFileSync(files.manifest, '{ not json');
    expect(usableTemplate(files)).toBeNull();
    writeFileSync(files.manifest, JSON.stringify(currentTemplateManifest()));
    expect(usableTemplate(files)).not.toBeNull();
    rmSync(files.archive);
    expect(usableTemplate(files)).toBeNull();
  });
});
