import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { Capture } from '../capture.js';
import { get, percentile } from '../load.js';
import { countXlsxRows, csvCounter } from '../rows.js';
import { companiesExport, healthPath } from '../scenarios.js';
import type { BenchRow } from '../section.js';
import type { RunningServer } from './servers.js';

/** Resident memory of a process (MB), from /proc. */
export function rssOf(pid: number): number {
  if (pid === process.pid) return process.memoryUsage().rss / 2 ** 20;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * (c) Every company exported as CSV and as XLSX from the app on the 10× data: the rows counted as they arrive,
 * the app's resident memory sampled every 50 ms (growth over what it held before), and the health check asked
 * one request after another meanwhile (its p99).
 */
export async function measureExports(server: RunningServer, capture: Capture, engine: string, stopAfterMs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const format of ['csv', 'xlsx'] as const) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    const before = rssOf(server.pid);
    let peak = before;
    let exporting = true;
    const health: number[] = [];
    const sampler = (async () => {
      while (exporting) {
        peak = Math.max(peak, rssOf(server.pid));
        await sleep(50);
      }
    })();
    const prober = (async () => {
      while (exporting) {
        health.push((await get(agent, { url: `${server.url}${healthPath}` })).ms);
        await sleep(20);
      }
    })();
    const counter = csvCounter();
    const chunks: Buffer[] = [];
    const started = performance.now();
    const answer = await get(
      agent,
      { url: `${server.url}${companiesExport(format)}`, headers: { cookie: capture.cookie } },
      (chunk) => (format === 'csv' ? counter.add(chunk) : chunks.push(chunk)),
      stopAfterMs,
    );
    const seconds = (performance.now() - started) / 1000;
    exporting = false;
    await Promise.all([sampler, prober]);
    agent.destroy();
    // A CSV cut short still says how far it got; a cut XLSX cannot be read.
    const countable = answer.status === 200 || (answer.status === -1 && format === 'csv');
    const received = countable ? (format === 'csv' ? counter.total() : await countXlsxRows(Buffer.concat(chunks))) - 1 : 0;
    const status = answer.status === -1 ? `stopped after ${stopAfterMs / 1000} s` : `HTTP ${answer.status}`;
    const growth = peak - before;
    const p99 = percentile(health, 99);
    const what = (aspect: string) => `companies export, ${format.toUpperCase()}, 10×: ${aspect}, ${engine}`;
    rows.push(
      {
        measurement: what('rows received'),
        value: `${received} of ${capture.companies} (${status}, ${(answer.bytes / 2 ** 20).toFixed(1)} MB in ${seconds.toFixed(1)} s)`,
        goal: 'every row',
        pass: received === capture.companies,
      },
      {
        measurement: what('app RSS growth'),
        value: `${growth.toFixed(0)} MB (${before.toFixed(0)} → ${peak.toFixed(0)} MB)`,
        goal: 'flat (≤ 50 MB)',
        pass: growth <= 50,
      },
      {
        measurement: what('health p99 meanwhile'),
        value: `${p99.toFixed(0)} ms (${health.length} checks)`,
        goal: '< 100 ms',
        pass: p99 < 100,
      },
    );
  }
  return rows;
}
