import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { type Browser, type BrowserContextOptions, chromium, type Page } from '@playwright/test';
import { webDir } from './web-server.js';

/** Debian's Chromium, as the journeys run it (playwright.config.ts). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

export type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

export type Visit = {
  /** The scripts the page loaded: their path and the size of their body as received (encoded). */
  scripts: { path: string; encodedBytes: number }[];
  fcp: number;
  lcp: number;
};

// Strings, not functions: tsx's compiled functions may call helpers (`__name`) the page does not have. The observers
// start with the document, so that no paint is missed, and keep the last LCP candidate.
const observePaints = `window.__paints = { fcp: NaN, lcp: NaN };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.__paints.fcp = entry.startTime;
}).observe({ type: 'paint', buffered: true });
new PerformanceObserver((list) => {
  const entries = list.getEntries();
  if (entries.length > 0) window.__paints.lcp = entries[entries.length - 1].startTime;
}).observe({ type: 'largest-contentful-paint', buffered: true });`;
const painted = 'window.__paints && window.__paints.fcp > 0 && window.__paints.lcp > 0';

/** Polled from here: the site's CSP (no 'unsafe-eval') refuses Playwright's `waitForFunction` of a string. */
async function waitUntilPainted(page: Page) {
  const deadline = Date.now() + 30_000;
  while (!(await page.evaluate(painted))) {
    if (Date.now() > deadline) throw new Error(`${page.url()}: no first paint within 30 s`);
    await page.waitForTimeout(50);
  }
}

/**
 * One visit of `path` in a new browser context (an empty HTTP cache: a first visit), French reader, signed in when
 * `storageState` holds a session: the scripts it needed until the network was quiet, and its paint times.
 */
export async function visit(browser: Browser, baseUrl: string, path: string, storageState?: StorageState): Promise<Visit> {
  const context = await browser.newContext({ storageState, locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const sizes: Promise<{ path: string; encodedBytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (request.resourceType() !== 'script' && !/\.m?js$/.test(url.pathname)) return;
      sizes.push(request.sizes().then((size) => ({ path: url.pathname, encodedBytes: size.responseBodySize })));
    });
    await page.addInitScript(observePaints);
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    await waitUntilPainted(page);
    // A later, larger paint (a list arriving) replaces the candidate: a moment for the last one to be reported.
    await page.waitForTimeout(500);
    const times = (await page.evaluate('window.__paints')) as { fcp: number; lcp: number };
    return { scripts: await Promise.all(sizes), ...times };
  } finally {
    await context.close();
  }
}

/** A session of the demo network's admin (who sees every company), signed in through the sign-in page. */
export async function signedInState(browser: Browser, baseUrl: string): Promise<StorageState> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator('input[type=email]').fill('admin@technopark.demo');
    await page.locator('input[type=password]').fill('demo-password-2026');
    await page.getByTestId('sign-in-form').locator('button[type=submit]').click();
    await page.getByTestId('user-menu').waitFor({ timeout: 30_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

const gzipped = new Map<string, number>();

/** The size of a built file gzipped at level 9, whatever the server sent (the figure Vite's build report gives). */
export function gzipSize(path: string): number {
  let size = gzipped.get(path);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(webDir, path)), { level: constants.Z_BEST_COMPRESSION }).length;
    gzipped.set(path, size);
  }
  return size;
}
