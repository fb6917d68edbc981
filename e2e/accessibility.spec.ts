import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { preferLanguage, readAccountIn, signIn } from './support.js';

/** The company of the demo company accounts (src/server/demo/companies.ts). */
const demoCompanyPath = '/companies/00000000-0000-4000-8000-00000000c001';
const admin = 'admin@technopark.demo';
const committee = 'committee@technopark.demo';

/**
 * One page as someone reads it: opened at `path` in `locale` (signed in as `account` when given), read once its
 * heading and the test ids of `ready` (what it lists or shows once its data are there) are on screen, after the
 * `reach` steps when the page is reached by a click or two. Each is its own test: one slow page does not spend
 * another's time, and every problem of a page is reported together.
 */
type PageCheck = {
  name: string;
  path: string;
  locale: 'fr' | 'ar' | 'en';
  /** The window's width when not the desktop's: 390 px reads the page as on a phone. */
  width?: number;
  account?: string;
  ready?: string[];
  reach?: (page: Page) => Promise<void>;
};

/** Pages anyone reads, in French and in Arabic (right to left). */
const publicPages = (['fr', 'ar'] as const).flatMap((locale): PageCheck[] => [
  { name: 'the network', path: '/', locale, ready: ['park-card', 'network-map'] },
  { name: 'a park', path: '/parks/casablanca', locale, ready: ['space-row'] },
  { name: 'the calls', path: '/calls', locale, ready: ['call-card'] },
  { name: 'a call', path: '/calls/bureaux-casablanca-2027', locale, ready: ['apply'] },
  {
    name: 'an application draft with a warning, saved',
    path: '/calls/bureaux-casablanca-2027/apply',
    locale,
    ready: ['application-form'],
    reach: async (page) => {
      // An ICE one digit short: warned about on its field (in amber), and saved all the same.
      await page.locator('#field-ice').fill('00152583600007');
      await expect(page.getByTestId('field-warning')).toBeVisible();
      await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 });
    },
  },
  { name: 'signing in', path: '/sign-in', locale, ready: ['sign-in-form'] },
  { name: 'a forgotten password', path: '/forgot-password', locale },
]);

/** A park on a phone, in the three languages: its wide table of spaces scrolls sideways in a region a keyboard reaches. */
const phonePages = (['fr', 'ar', 'en'] as const).map(
  (locale): PageCheck => ({ name: 'a park on a phone', path: '/parks/casablanca', locale, width: 390, ready: ['space-row'] }),
);

/** The network administrator's pages of parks, people and the audit, in French and in Arabic. */
const adminPages = (['fr', 'ar'] as const).flatMap((locale): PageCheck[] => [
  { name: 'the network with its administration', path: '/', locale, account: admin, ready: ['park-card', 'network-map'] },
  { name: 'people', path: '/admin/people', locale, account: admin, ready: ['person-row'] },
  { name: 'invitations', path: '/admin/invitations', locale, account: admin, ready: ['invitation-form', 'list-total'] },
  { name: 'the audit log', path: '/admin/audit', locale, account: admin, ready: ['audit-row'] },
  { name: 'the outbox', path: '/admin/outbox', locale, account: admin, ready: ['list-total'] },
  { name: 'my account', path: '/account', locale, account: admin },
  { name: 'my data', path: '/account/data', locale, account: admin, ready: ['data-reads'] },
  { name: 'erasure requests', path: '/admin/erasure-requests', locale, account: admin, ready: ['list-total'] },
  { name: 'a park with its management', path: '/parks/rabat', locale, account: admin, ready: ['space-row'] },
]);

/** Companies and admissions: the URLs and waits their engineers keep stable. */
const companiesAndCallsPages: PageCheck[] = [
  { name: 'companies', path: '/companies', locale: 'fr', account: admin, ready: ['company-row'] },
  { name: 'a company', path: demoCompanyPath, locale: 'fr', account: admin, ready: ['edit-company'] },
  { name: 'a company’s reports', path: `${demoCompanyPath}?tab=reports`, locale: 'fr', account: admin, ready: ['report-row'] },
  { name: 'importing companies', path: '/companies/import', locale: 'fr', account: admin, ready: ['import-form'] },
  { name: 'the calls’ administration', path: '/admin/calls', locale: 'fr', account: admin, ready: ['call-row'] },
  {
    name: 'the committee’s ranking of the open call',
    path: '/admin/calls',
    locale: 'fr',
    account: admin,
    ready: ['call-row'],
    reach: openRanking,
  },
  {
    name: 'the ranking with a file open',
    path: '/admin/calls',
    locale: 'fr',
    account: admin,
    ready: ['call-row'],
    reach: async (page) => {
      await openRanking(page);
      await page
        .getByTestId('ranking-row')
        .filter({ has: page.getByTestId('spread-flag') })
        .getByTestId('open-review')
        .click();
      await expect(page.getByTestId('application-review-panel')).toBeVisible();
      // Checked once the sheet has slid in: half-transparent text while it fades in is no contrast problem.
      await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1');
    },
  },
  { name: 'a committee member’s files', path: '/reviews', locale: 'fr', account: committee, ready: ['my-reviews'] },
  {
    name: 'scoring a file',
    path: '/reviews',
    locale: 'fr',
    account: committee,
    ready: ['my-reviews'],
    reach: async (page) => {
      await page.getByTestId('my-reviews').getByRole('link').first().click();
      await expect(page.getByTestId('score-form')).toBeVisible();
    },
  },
];

/** From the calls' administration: the open call's review tab, once its ranking is there. */
async function openRanking(page: Page) {
  await page.getByTestId('call-row').first().getByRole('link').first().click();
  await page.getByTestId('call-tab-review').click();
  await expect(page.getByTestId('ranking-row').first()).toBeVisible();
}

/** What fails a page: axe's serious and critical violations, each with the elements it found. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const check of [...publicPages, ...phonePages, ...adminPages, ...companiesAndCallsPages]) {
  const who = `${check.account ? `, ${check.account.split('@')[0]}` : ''}${check.width ? `, ${check.width} px` : ''}`;
  test(`${check.name} (${check.path}, ${check.locale}${who}) has no serious accessibility problem`, async ({ page }) => {
    if (check.width) await page.setViewportSize({ width: check.width, height: 844 });
    await preferLanguage(page, check.locale);
    if (check.account) {
      await readAccountIn(page, check.locale);
      await signIn(page, check.account);
    }
    await page.goto(check.path);
    await expect(page.locator('html')).toHaveAttribute('lang', check.locale);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    for (const testId of check.ready ?? []) await expect(page.getByTestId(testId).first()).toBeVisible();
    await check.reach?.(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('every page has its own title in the reader’s language; public pages log no error; /login leads to sign-in', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await preferLanguage(page, 'fr');
  for (const [path, title] of [
    ['/', 'Le réseau · Technopark'],
    ['/calls', 'Appels à candidatures · Technopark'],
    ['/parks/rabat', 'Technopark Rabat · Parc · Technopark'],
    ['/sign-in', 'Connexion · Technopark'],
    ['/no-such-page', 'Page introuvable · Technopark'],
  ] as const) {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
  }
  expect(errors).toEqual([]);

  await page.goto('/login');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByTestId('sign-in-form')).toBeVisible();

  await page.getByTestId('language-switch').getByText('العربية').click();
  await expect(page).toHaveTitle('تسجيل الدخول · Technopark');
  await page.goto('/calls');
  await expect(page).toHaveTitle('إعلانات الترشيح · Technopark');
  expect(errors).toEqual([]);
});
