/**
 * `npm run build` step: packs an empty PGlite database with every migration applied (and the job queue's schema)
 * into dist/pglite-template.tar.gz, with what it was made from beside it (db/template.ts). A first start on PGlite
 * then unpacks it instead of creating the cluster. The API tests' global set-up starts every file from the same
 * kind of dump.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../db/database.js';
import { buildTemplateFiles, currentTemplateManifest, type TemplateFiles } from '../db/template.js';
import { createJobs } from '../platform/jobs/jobs.js';

/** An in-memory PGlite database, migrated, with the job queue's schema, dumped. */
export async function migratedPgliteDump(compression: 'none' | 'gzip'): Promise<Blob> {
  const database = await openPglite({});
  try {
    await database.migrate();
    await (await createJobs(database)).stop();
    const client = (database as unknown as { client: PGlite }).client;
    return await client.dumpDataDir(compression);
  } finally {
    await database.close();
  }
}

/** Writes the template and its manifest. */
export async function writeTemplate(files: TemplateFiles): Promise<number> {
  const dump = await migratedPgliteDump('gzip');
  mkdirSync(dirname(files.archive), { recursive: true });
  writeFileSync(files.archive, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(files.manifest, `${JSON.stringify(currentTemplateManifest(), null, 2)}\n`);
  return dump.size;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = await writeTemplate(buildTemplateFiles);
  console.log(`PGlite template: ${buildTemplateFiles.archive} (${(size / 1e6).toFixed(1)} MB)`);
}
