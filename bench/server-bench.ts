import { type Capture, captureStatements } from './capture.js';
import { type Dataset, engineLabel } from './datasets.js';
import { openTarget } from './generate.js';
import type { BenchOptions, BenchSection } from './section.js';
import { runGrowth } from './server/growth.js';
import { type Effort, runPairs } from './server/pairs.js';
import type { ServerMode } from './server/spawn.js';

/** The server bench on one engine: the network at 1× and at 10× (the same one in a smoke run). */
export type EngineSets = { one: Dataset; ten: Dataset };

export type ServerBenchOptions = BenchOptions & { mode: ServerMode; sets: EngineSets[]; log?: (line: string) => void };

const effortOf = (smoke: boolean): Effort =>
  smoke ? { rounds: 1, durationMs: 250, warmupMs: 50, connections: 2 } : { rounds: 3, durationMs: 3_000, warmupMs: 1_000, connections: 10 };

async function capture(dataset: Dataset): Promise<Capture> {
  const database = await openTarget(dataset.target);
  try {
    return await captureStatements(database, dataset.manifest);
  } finally {
    await database.close();
  }
}

/** (a)–(d) of issue 9 on each engine given: one section per engine. */
export async function runServerBench(options: ServerBenchOptions): Promise<BenchSection[]> {
  const log = options.log ?? (() => {});
  const sections: BenchSection[] = [];
  for (const sets of options.sets) {
    const engine = engineLabel(sets.one.target.engine);
    log(`${engine}: capturing the app's statements…`);
    const captures = { one: await capture(sets.one), ten: sets.ten === sets.one ? null : await capture(sets.ten) };
    const ten = captures.ten ?? captures.one;
    log(`${engine}: app ÷ bare pairs…`);
    const effort = effortOf(options.smoke);
    const pairs = await runPairs(options.mode, sets.one, captures.one, effort);
    log(`${engine}: 10× ÷ 1×, exports…`);
    const growthEffort = options.smoke
      ? { count: 2, budgetMs: 0, minimum: 1, exportStopAfterMs: 30_000 }
      : { count: 15, budgetMs: 10_000, minimum: 3, exportStopAfterMs: 120_000 };
    const growth = await runGrowth(options.mode, sets, { one: captures.one, ten }, growthEffort);
    for (const row of [...pairs, ...growth]) log(`  ${row.pass ? 'pass' : 'FAIL'}  ${row.measurement}: ${row.value} (goal ${row.goal})`);
    sections.push({
      title: `Server on ${engine}`,
      rows: [...pairs, ...growth],
      notes: [
        `1×: the ${sets.one.manifest.size} network (${captures.one.companies} companies, ${sets.one.manifest.rows.company_status_events ?? '?'} lifecycle events, ${sets.one.manifest.rows.company_reports ?? '?'} reports); 10×: the ${sets.ten.manifest.size} network (${ten.companies} companies, ${sets.ten.manifest.rows.company_status_events ?? '?'} events, ${sets.ten.manifest.rows.company_reports ?? '?'} reports).`,
        `App ÷ bare: ${effort.rounds} rounds, each side ${effort.durationMs / 1000} s after ${effort.warmupMs / 1000} s of warm-up under ${effort.connections} keep-alive connections, one server process at a time (the app as main.ts builds it, logging requests at info; the bare server is Fastify and the driver alone replaying, one after the other on one connection, the statements the app ran for one request, captured through \`statementObservers\`); the ratio is the median of the rounds' ratios. Signed-in pages as a network admin.`,
        `10× ÷ 1×: one request at a time, median of up to ${growthEffort.count} (at least ${growthEffort.minimum}, within ${growthEffort.budgetMs / 1000} s) after one warm-up request. Exports: the app's RSS sampled every 50 ms from /proc, the health check asked back to back meanwhile; an export still running after ${growthEffort.exportStopAfterMs / 1000} s is cut (a CSV's rows counted so far).`,
      ],
    });
  }
  return sections;
}
