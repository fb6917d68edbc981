import type { Capture } from '../capture.js';
import type { Dataset } from '../datasets.js';
import { engineLabel } from '../datasets.js';
import { median, timeRequests } from '../load.js';
import { growthScenarios } from '../scenarios.js';
import type { BenchRow } from '../section.js';
import { measureExports } from './exports.js';
import { type ServerMode, startServer } from './spawn.js';

export type GrowthEffort = { count: number; budgetMs: number; minimum: number; exportStopAfterMs: number };

/**
 * (b) Each page at 1× then at 10× (one request at a time, median time), and, while the app holds the 10× data,
 * (c) the exports of every company; (d) compares the statements of the reporting-status export at both sizes.
 */
export async function runGrowth(
  mode: ServerMode,
  sets: { one: Dataset; ten: Dataset },
  captures: { one: Capture; ten: Capture },
  effort: GrowthEffort,
): Promise<BenchRow[]> {
  const engine = engineLabel(sets.one.target.engine);
  const times: Record<string, { one: number; ten: number; failures: number }> = {};
  const rows: BenchRow[] = [];
  for (const size of ['one', 'ten'] as const) {
    const server = await startServer(mode, { kind: 'app', target: sets[size].target });
    try {
      for (const scenario of growthScenarios) {
        const request = { url: `${server.url}${scenario.path(sets[size].manifest)}`, headers: { cookie: captures[size].cookie } };
        const measured = await timeRequests(request, effort);
        times[scenario.name] ??= { one: 0, ten: 0, failures: 0 };
        times[scenario.name][size] = median(measured.ms);
        times[scenario.name].failures += measured.failures;
      }
      if (size === 'ten') rows.push(...(await measureExports(server, captures.ten, engine, effort.exportStopAfterMs)));
    } finally {
      await server.stop();
    }
  }
  const growth = growthScenarios.map((scenario) => {
    const { one, ten, failures } = times[scenario.name];
    const ratio = ten / one;
    return {
      measurement: `${scenario.label}: time at 10× ÷ 1×, ${engine}`,
      value: `${ratio.toFixed(2)}× (p50 ${one.toFixed(0)} ms → ${ten.toFixed(0)} ms${failures ? `; ${failures} failed` : ''})`,
      goal: '≤ 1.5×',
      pass: ratio <= 1.5 && failures === 0,
    };
  });
  const one = captures.one.reportingExport;
  const ten = captures.ten.reportingExport;
  const statementRatio = ten.statements / Math.max(1, one.statements);
  const statements = {
    measurement: `reporting-status export: SQL statements at 10× ÷ 1×, ${engine}`,
    value: `${statementRatio.toFixed(2)}× (${one.statements} for ${one.rows} rows → ${ten.statements} for ${ten.rows} rows)`,
    goal: 'constant (≤ 1.5×)',
    pass: statementRatio <= 1.5,
  };
  return [...growth, ...rows, statements];
}
