import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { preferLanguage, signIn } from './support.js';

/** The company of the demo company accounts (src/server/demo/companies.ts). */
const demoCompanyPath = '/companies/00000000-0000-4000-8000-00000000c001';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * Opens each page and checks it once its content is there (the heading, and the test id of what the page
 * lists when it loads a list), so that axe reads the page people read, not a loader.
 */
async function checkPages(page: Page, pages: { path: string; ready?: string }[]) {
  for (const { path, ready } of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (ready) await expect(page.getByTestId(ready).first()).toBeVisible();
    expect.soft(await seriousViolations(page), path).toEqual([]);
  }
}

for (const locale of ['fr', 'ar'] as const) {
  test(`public pages have no serious accessibility problem (${locale})`, async ({ page }) => {
    await preferLanguage(page, locale);
    await checkPages(page, [
      { path: '/' },
      { path: '/parks/casablanca' },
      { path: '/calls', ready: 'call-card' },
      { path: '/calls/bureaux-casablanca-2027', ready: 'apply' },
      { path: '/sign-in' },
      { path: '/forgot-password' },
    ]);
  });
}

test('admin and manager pages have no serious accessibility problem', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'admin@technopark.demo');
  await checkPages(page, [
    { path: '/admin/people' },
    { path: '/admin/invitations' },
    { path: '/admin/audit' },
    { path: '/admin/outbox' },
    { path: '/account' },
    { path: '/parks/rabat' },
  ]);
});

test('companies and calls pages have no serious accessibility problem', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'admin@technopark.demo');
  await checkPages(page, [
    { path: '/companies', ready: 'company-row' },
    { path: demoCompanyPath, ready: 'edit-company' },
    { path: `${demoCompanyPath}?tab=reports`, ready: 'report-row' },
    { path: '/companies/import', ready: 'import-form' },
    { path: '/admin/calls', ready: 'call-row' },
  ]);
  // The committee's ranking of the open call, then one file's evaluations in the side sheet.
  await page.getByTestId('call-row').first().getByRole('link').first().click();
  await page.getByTestId('call-tab-review').click();
  await expect(page.getByTestId('ranking-row').first()).toBeVisible();
  expect.soft(await seriousViolations(page), 'ranking').toEqual([]);
  await page
    .getByTestId('ranking-row')
    .filter({ has: page.getByTestId('spread-flag') })
    .getByTestId('open-review')
    .click();
  await expect(page.getByTestId('application-review-panel')).toBeVisible();
  // Checked once the sheet has slid in: half-transparent text while it fades in is no contrast problem.
  await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1');
  expect.soft(await seriousViolations(page), 'ranking with a file open').toEqual([]);
});

test('a committee member’s pages have no serious accessibility problem', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'committee@technopark.demo');
  await checkPages(page, [{ path: '/reviews', ready: 'my-reviews' }]);
  await page.getByTestId('my-reviews').getByRole('link').first().click();
  await expect(page.getByTestId('score-form')).toBeVisible();
  expect.soft(await seriousViolations(page), 'scoring a file').toEqual([]);
});
