import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { withDatabaseName } from '../src/server/test/paths.js';
import { generateInto, latestMigration, openTarget, type Target } from './generate.js';
import { type Manifest, manifestKey, readManifest } from './generator/network.js';
import type { SizeName } from './generator/sizes.js';

export type Engine = Target['engine'];
export type Dataset = { target: Target; manifest: Manifest; generated: boolean };

export const engineLabel = (engine: Engine) => (engine === 'postgresql' ? 'PostgreSQL' : 'PGlite');

/** Where the bench keeps its PGlite networks between runs. */
export const pgliteRoot = join(process.cwd(), '.tmp', 'bench');

/**
 * The network of `size` on an engine, generated when missing or made by another generator or migrations
 * (`bench_<size>` databases on PostgreSQL, `.tmp/bench/pglite-<size>` on PGlite), else reused as it is.
 */
export async function prepareDataset(engine: Engine, size: SizeName, postgresUrl: string, log: (line: string) => void): Promise<Dataset> {
  const key = manifestKey(size, 1, latestMigration());
  const name = `bench_${size.replace(/[^a-z0-9]/g, '')}`;
  const target: Target =
    engine === 'postgresql'
      ? { engine, url: withDatabaseName(postgresUrl, name) }
      : { engine, dataDir: join(pgliteRoot, `pglite-${size}`) };
  const existing = await existingManifest(target, postgresUrl, name);
  if (existing?.key === key) return { target, manifest: existing, generated: false };
  log(`generating the ${size} network on ${engineLabel(engine)}…`);
  if (target.engine === 'postgresql') {
    await admin(postgresUrl, [`drop database if exists ${name} with (force)`, `create database ${name}`]);
  } else {
    rmSync(target.dataDir, { recursive: true, force: true });
    mkdirSync(pgliteRoot, { recursive: true });
  }
  const database = await openTarget(target);
  try {
    const manifest = await generateInto(database, size);
    log(`  ${size} on ${engineLabel(engine)}: ${manifest.generatedInSeconds} s`);
    return { target, manifest, generated: true };
  } finally {
    await database.close();
  }
}

async function existingManifest(target: Target, postgresUrl: string, name: string): Promise<Manifest | null> {
  if (target.engine === 'pglite' && !existsSync(join(target.dataDir, 'PG_VERSION'))) return null;
  if (target.engine === 'postgresql') {
    const found = await admin(postgresUrl, [`select 1 from pg_database where datname = '${name}'`]);
    if (found === 0) return null;
  }
  const database = await openTarget(target);
  try {
    return await readManifest(database);
  } catch {
    return null;
  } finally {
    await database.close();
  }
}

/** Runs statements on the server's own database; answers the last one's row count. */
async function admin(url: string, statements: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let count = 0;
    for (const statement of statements) count = (await client.query(statement)).rowCount ?? 0;
    return count;
  } finally {
    await client.end();
  }
}
