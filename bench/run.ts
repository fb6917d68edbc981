import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Dataset, type Engine, engineLabel, prepareDataset } from './datasets.js';
import { machineOf, resultsMarkdown } from './results.js';
import type { BenchOptions, BenchSection } from './section.js';
import { runServerBench } from './server-bench.js';

/**
 * `npm run bench`: every scenario of issue 9 as pairs in one run, on PostgreSQL and on PGlite, then the web and
 * start-up benches when their files are there (`bench/web.ts`, `bench/startup.ts`); writes `bench/RESULTS.md`.
 */
const log = (line: string) => console.log(`[bench] ${line}`);

async function optionalSection(file: string, options: BenchOptions): Promise<BenchSection[]> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  if (!existsSync(path)) {
    log(`${file}: not here yet, skipped`);
    return [];
  }
  log(`${file}…`);
  try {
    const loaded = (await import(path)) as { run: (options: BenchOptions) => Promise<BenchSection> };
    return [await loaded.run(options)];
  } catch (error) {
    return [{ title: file, rows: [{ measurement: `${file} ran`, value: (error as Error).message, goal: 'runs', pass: false }] }];
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return String((await client.query('show server_version')).rows[0].server_version);
  } finally {
    await client.end();
  }
}

async function main() {
  const started = performance.now();
  const { values } = parseArgs({ options: { engines: { type: 'string', default: 'postgresql,pglite' }, only: { type: 'string' } } });
  const engines = (values.engines ?? '').split(',').filter((name): name is Engine => name === 'postgresql' || name === 'pglite');
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const sections: BenchSection[] = [];
  const generation: string[] = [];
  if (!values.only || values.only === 'server') {
    const sets = [];
    for (const engine of engines) {
      const [one, ten] = [await prepareDataset(engine, 'large', postgresUrl, log), await prepareDataset(engine, '10x', postgresUrl, log)];
      sets.push({ one, ten });
      const note = (set: Dataset) =>
        `${set.manifest.size} on ${engineLabel(engine)}: generated in ${set.manifest.generatedInSeconds} s${set.generated ? '' : ' (an earlier run; reused)'}, ${Object.values(set.manifest.rows).reduce((a, b) => a + b, 0)} rows: ${Object.entries(
          set.manifest.rows,
        )
          .map(([table, count]) => `${table} ${count}`)
          .join(', ')}.`;
      generation.push(note(one), note(ten));
    }
    sections.push(...(await runServerBench({ smoke: false, mode: 'process', sets, log })));
  }
  if (!values.only || values.only === 'web') sections.push(...(await optionalSection('./web.ts', { smoke: false })));
  if (!values.only || values.only === 'startup') sections.push(...(await optionalSection('./startup.ts', { smoke: false })));
  const pglitePackage = fileURLToPath(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url));
  const pglite = (JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string }).version;
  const machine = machineOf(await postgresVersion(postgresUrl).catch(() => 'unavailable'), pglite);
  const markdown = resultsMarkdown({ machine, date: new Date(), seconds: (performance.now() - started) / 1000, sections, generation });
  const out = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  writeFileSync(out, markdown);
  log(`wrote ${out}`);
  console.log(readFileSync(out, 'utf8'));
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).stack}`);
  process.exit(1);
});
