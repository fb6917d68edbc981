import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { migrationsFolder } from './database.js';

/**
 * An empty, migrated PGlite database packed at build time (`npm run build`, scripts/pglite-template.ts), so that a
 * first start copies it into the data directory instead of creating the cluster in WebAssembly (about 5 s and
 * 400 MB of memory). It is used only when it was made by this PGlite version from these migrations; `migrate()`
 * runs after it in any case, so a template that is behind the migrations is never a wrong database, only a slower
 * start.
 */
export type TemplateFiles = { archive: string; manifest: string };

const projectRoot = join(migrationsFolder, '..');
export const buildTemplateFiles: TemplateFiles = {
  archive: join(projectRoot, 'dist', 'pglite-template.tar.gz'),
  manifest: join(projectRoot, 'dist', 'pglite-template.json'),
};

export type TemplateManifest = { pglite: string; migrations: string };

/** What a template must have been made from to be used: the PGlite version and the migrations' content. */
export function currentTemplateManifest(): TemplateManifest {
  // The package exports no package.json: read it beside its entry (dist/…).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pglite = (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsFolder).sort()) {
    if (!name.endsWith('.sql')) continue;
    hash.update(name);
    hash.update(readFileSync(join(migrationsFolder, name)));
  }
  return { pglite, migrations: hash.digest('hex') };
}

/** The template to start a new data directory from, or null when there is none or it is not this build's. */
export function usableTemplate(files: TemplateFiles = buildTemplateFiles): Blob | null {
  if (!existsSync(files.archive) || !existsSync(files.manifest)) return null;
  let made: Partial<TemplateManifest>;
  try {
    made = JSON.parse(readFileSync(files.manifest, 'utf8')) as Partial<TemplateManifest>;
  } catch {
    return null;
  }
  const current = currentTemplateManifest();
  if (made.pglite !== current.pglite || made.migrations !== current.migrations) return null;
  return new Blob([readFileSync(files.archive)]);
}

/** A data directory PGlite has not created yet (absent, or empty: the lock file is ours, not PGlite's). */
export function isNewDataDirectory(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}
