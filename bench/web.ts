/**
 * The web app at network scale (issue 9): the JavaScript a first visit needs, how fast its pages paint with a cold
 * cache, and how the server sends the built files (compression, caching). Runs the built app (`npm run build`, done
 * here when `dist/` is missing or older than the sources) with the demo network on BENCH_WEB_PORT (4510).
 *
 * Alone: `npx tsx bench/web.ts [--smoke]` prints the section as Markdown.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import type { BenchOptions, BenchRow, BenchSection } from './section.js';
import { gzipSize, launchChromium, type StorageState, signedInState, type Visit, visit } from './web-browser.js';
import { ensureBuilt, get, startDemoServer, webDir } from './web-server.js';

const goals = { firstPageGzipKb: 250, lcpMs: 800 };
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${Math.round(value)} ms`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

type Page = { label: string; path: string; signedIn: boolean };
const pages: Page[] = [
  { label: '`/` (the network, not signed in)', path: '/', signedIn: false },
  { label: '`/companies` (signed in, network admin)', path: '/companies', signedIn: true },
];

/** The scripts' sizes of one visit (each file once), and the paint times' medians over every visit. */
function pageRows(page: Page, visits: Visit[]): BenchRow[] {
  const scripts = new Map(visits[0].scripts.map((script) => [script.path, script.encodedBytes]));
  const gzip = [...scripts.keys()].reduce((sum, path) => sum + gzipSize(path), 0);
  const wire = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
  const fcp = median(visits.map((one) => one.fcp));
  const lcp = median(visits.map((one) => one.lcp));
  const runs = `${visits.length} run${visits.length > 1 ? 's' : ''}`;
  return [
    {
      measurement: `${page.label}: JavaScript gzipped (${scripts.size} files)`,
      value: kb(gzip),
      goal: `≤ ${goals.firstPageGzipKb} kB`,
      pass: gzip <= goals.firstPageGzipKb * 1000,
    },
    {
      measurement: `${page.label}: JavaScript over the wire (encoded bodies received)`,
      value: kb(wire),
      goal: `≤ ${goals.firstPageGzipKb} kB`,
      pass: wire <= goals.firstPageGzipKb * 1000,
    },
    {
      measurement: `${page.label}: FCP / LCP, cold cache, median of ${runs}`,
      value: `${ms(fcp)} / ${ms(lcp)}`,
      goal: `LCP < ${goals.lcpMs} ms`,
      pass: lcp < goals.lcpMs,
    },
  ];
}

async function measurePages(browser: Browser, baseUrl: string, runs: number): Promise<BenchRow[]> {
  const session: StorageState = await signedInState(browser, baseUrl);
  const rows: BenchRow[] = [];
  for (const page of pages) {
    const state = page.signedIn ? session : undefined;
    // One visit first, not counted, so that the server's first answers (its code not yet compiled) do not weigh.
    if (runs > 1) await visit(browser, baseUrl, page.path, state);
    const visits: Visit[] = [];
    for (let run = 0; run < runs; run += 1) visits.push(await visit(browser, baseUrl, page.path, state));
    rows.push(...pageRows(page, visits));
  }
  return rows;
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : (value ?? ''));

/** Every hashed file of the build answered with year-long immutable caching, its scripts and styles compressed. */
async function assetRows(baseUrl: string): Promise<BenchRow[]> {
  const hashed = readdirSync(join(webDir, 'assets')).filter((name) => /-[\w-]{8}\.\w+$/.test(name));
  const encodings = new Map<string, number>();
  let immutable = 0;
  let compressible = 0;
  let compressed = 0;
  for (const name of hashed) {
    const answer = await get(`${baseUrl}/assets/${name}`, { 'accept-encoding': 'br, gzip' });
    const cacheControl = header(answer.headers['cache-control']);
    if (answer.status === 200 && /\bimmutable\b/.test(cacheControl) && /max-age=31536000\b/.test(cacheControl)) immutable += 1;
    if (!/\.(js|css)$/.test(name)) continue;
    compressible += 1;
    const encoding = header(answer.headers['content-encoding']);
    if (encoding === 'br' || encoding === 'gzip') {
      compressed += 1;
      encodings.set(encoding, (encodings.get(encoding) ?? 0) + 1);
    }
  }
  const used = [...encodings].map(([name, count]) => `${count} ${name}`).join(', ') || 'none';
  return [
    {
      measurement: 'hashed assets (`/assets/*`): `cache-control: public, max-age=31536000, immutable`',
      value: `${immutable} / ${hashed.length}`,
      goal: 'all',
      pass: hashed.length > 0 && immutable === hashed.length,
    },
    {
      measurement: 'hashed scripts and styles: answered br or gzip (`accept-encoding: br, gzip`)',
      value: `${compressed} / ${compressible} (${used})`,
      goal: 'all',
      pass: compressible > 0 && compressed === compressible,
    },
  ];
}

/** The page itself (`/`, `/index.html`, and a deep link served by the SPA fallback) is checked again on each visit. */
async function pageCachingRow(baseUrl: string): Promise<BenchRow> {
  const paths = ['/', '/index.html', '/companies/some-company'];
  const answers = await Promise.all(paths.map((path) => get(`${baseUrl}${path}`, { accept: 'text/html' })));
  const kept = answers.filter((answer) => answer.status === 200 && /\bno-cache\b/.test(header(answer.headers['cache-control'])));
  return {
    measurement: '`index.html` (and the SPA fallback): `cache-control: no-cache`',
    value: `${kept.length} / ${paths.length}`,
    goal: 'all',
    pass: kept.length === paths.length,
  };
}

export async function run(options: BenchOptions): Promise<BenchSection> {
  ensureBuilt();
  const runs = options.smoke ? 1 : 5;
  const server = await startDemoServer(Number(process.env.BENCH_WEB_PORT ?? 4510));
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const rows = [...(await measurePages(browser, server.baseUrl, runs)), ...(await assetRows(server.baseUrl))];
    rows.push(await pageCachingRow(server.baseUrl));
    return {
      title: 'Web app: first visit',
      rows,
      notes: [
        'The built app (`npm run build`) with the demo network, served by the platform itself on localhost; Debian Chromium headless through Playwright, 1280×800, French reader.',
        `Each visit in a new browser context (empty cache), until the network is quiet; FCP and LCP from the page's PerformanceObserver, median of ${runs} visit${runs > 1 ? 's' : ''}${runs > 1 ? ' after one uncounted' : ''}.`,
        '"Gzipped": the scripts the visit loaded, each built file gzipped at level 9 (what Vite reports); "over the wire": the encoded bodies Chromium received (br when the server has it).',
        'The paint times are absolute times on a shared two-core machine: read them as an order of magnitude, the sizes and headers as the firm figures.',
      ],
    };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

function markdown(section: BenchSection): string {
  const lines = [`## ${section.title}`, '', '| measurement | value | goal | pass |', '|---|---|---|---|'];
  for (const row of section.rows) lines.push(`| ${row.measurement} | ${row.value} | ${row.goal} | ${row.pass ? 'yes' : 'no'} |`);
  if (section.notes?.length) lines.push('', ...section.notes.map((note) => `- ${note}`));
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run({ smoke: process.argv.includes('--smoke') }).then(
    (section) => console.log(markdown(section)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
