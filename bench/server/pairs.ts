import type { Capture } from '../capture.js';
import type { Dataset } from '../datasets.js';
import { engineLabel } from '../datasets.js';
import { type Load, measureLoad, median } from '../load.js';
import { pairScenarios } from '../scenarios.js';
import type { BenchRow } from '../section.js';
import { type ServerMode, startServer } from './spawn.js';

export type Effort = { rounds: number; durationMs: number; warmupMs: number; connections: number };

/**
 * (a) Each scenario on the app and on the bare server replaying the app's statements, same data, same
 * connections, one server at a time (PGlite has one holder of its data directory): rounds alternate which side
 * goes first, and the ratio is the median of the rounds' app ÷ bare requests per second.
 */
export async function runPairs(mode: ServerMode, dataset: Dataset, capture: Capture, effort: Effort): Promise<BenchRow[]> {
  const app: Record<string, Load[]> = {};
  const bare: Record<string, Load[]> = {};
  const options = { connections: effort.connections, durationMs: effort.durationMs, warmupMs: effort.warmupMs };
  const runSide = async (side: 'app' | 'bare') => {
    const server = await startServer(mode, { kind: side, target: dataset.target, scenarios: capture.statements });
    try {
      for (const scenario of pairScenarios) {
        const request =
          side === 'app'
            ? {
                url: `${server.url}${scenario.path(dataset.manifest)}`,
                headers: scenario.signedIn ? { cookie: capture.cookie } : undefined,
              }
            : { url: `${server.url}/replay/${scenario.name}` };
        const loads = side === 'app' ? app : bare;
        loads[scenario.name] ??= [];
        loads[scenario.name].push(await measureLoad(request, options));
      }
    } finally {
      await server.stop();
    }
  };
  for (let round = 0; round < effort.rounds; round++) {
    for (const side of round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) await runSide(side);
  }
  const engine = engineLabel(dataset.target.engine);
  return pairScenarios.map((scenario) => {
    const ratios = app[scenario.name].map((load, round) => load.perSecond / bare[scenario.name][round].perSecond);
    const ratio = median(ratios);
    const failures = [...app[scenario.name], ...bare[scenario.name]].reduce((sum, load) => sum + load.failures, 0);
    const appRate = median(app[scenario.name].map((load) => load.perSecond));
    const bareRate = median(bare[scenario.name].map((load) => load.perSecond));
    return {
      measurement: `${scenario.label}: app ÷ bare, req/s, ${engine}`,
      value: `${ratio.toFixed(2)} (app ${appRate.toFixed(0)}, bare ${bareRate.toFixed(0)} req/s; ${capture.statements[scenario.name].length} statements${failures ? `; ${failures} failed` : ''})`,
      goal: '≥ 0.6',
      pass: ratio >= 0.6 && failures === 0,
    };
  });
}
