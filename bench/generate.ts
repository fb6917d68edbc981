import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type DatabaseHandle, migrationsFolder, openPglite, openPostgres } from '../src/server/db/database.js';
import { generateNetwork, type Manifest, manifestKey } from './generator/network.js';
import { isSizeName, type SizeName } from './generator/sizes.js';

/**
 * The bench's data: `tsx bench/generate.ts --size demo|smoke|large|10x [--seed 1] (--database <postgres url> |
 * --data-dir <PGlite directory>)` fills a new, empty database (migrated here) with a deterministic network.
 */
export type Target = { engine: 'postgresql'; url: string } | { engine: 'pglite'; dataDir: string };

export function openTarget(target: Target): Promise<DatabaseHandle> {
  return target.engine === 'postgresql' ? openPostgres(target.url) : openPglite({ dataDir: target.dataDir });
}

/** The latest migration's tag: a network generated onto older migrations is stale. */
export function latestMigration(): string {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.at(-1)?.tag ?? 'none';
}

/** Migrates the database, refuses one that already holds companies, and generates the network. */
export async function generateInto(database: DatabaseHandle, size: SizeName, seed = 1): Promise<Manifest> {
  await database.migrate();
  const existing = await database.executeSql('select count(*)::int as n from companies');
  if (Number(existing.rows[0]?.n) > 0) throw new Error('the database already holds companies: generate into an empty one');
  return generateNetwork(database, size, seed, manifestKey(size, seed, latestMigration()));
}

async function main() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      seed: { type: 'string', default: '1' },
      database: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const size = values.size ?? '';
  if (!isSizeName(size) || (!values.database && !values['data-dir'])) {
    throw new Error('usage: tsx bench/generate.ts --size demo|smoke|large|10x [--seed 1] (--database <url> | --data-dir <dir>)');
  }
  const target: Target = values.database
    ? { engine: 'postgresql', url: values.database }
    : { engine: 'pglite', dataDir: values['data-dir'] as string };
  const database = await openTarget(target);
  try {
    const manifest = await generateInto(database, size, Number(values.seed));
    console.log(JSON.stringify(manifest, null, 2));
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\/bench\//, '/bench/'))) {
  main().catch((error) => {
    console.error(`generate: ${(error as Error).stack}`);
    process.exit(1);
  });
}
