import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn, useLanguage } from './support.js';

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const locale of ['fr', 'ar'] as const) {
  test(`public pages have no serious accessibility problem (${locale})`, async ({ page }) => {
    await useLanguage(page, locale);
    for (const path of ['/', '/parks/casablanca', '/sign-in', '/forgot-password']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
}

test('admin and manager pages have no serious accessibility problem', async ({ page }) => {
  await useLanguage(page, 'fr');
  await signIn(page, 'admin@technopark.demo');
  for (const path of ['/admin/people', '/admin/invitations', '/admin/audit', '/admin/outbox', '/account', '/parks/rabat']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
