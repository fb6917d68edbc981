import { expect, test } from '@playwright/test';
import { demoAccounts, preferLanguage, signIn, submitSignIn } from './support.js';

type AccountRole = (typeof demoAccounts)[number]['role'];

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const network = { url: /\/$/, heading: 'Le réseau Technopark' };
const company = { url: new RegExp(`/companies/${uuid}$`), heading: 'Atlas Cloud' };

/** Where each demo account starts after signing in, and the page's heading (in French, or a name). */
const landings: Record<AccountRole, { url: RegExp; heading: string }> = {
  network_admin: network,
  park_manager: { url: new RegExp(`/parks/${uuid}$`), heading: 'Technopark Casablanca' },
  program_officer: { url: /\/admin\/calls$/, heading: 'Gestion des appels' },
  committee_member: { url: /\/reviews$/, heading: 'Mes évaluations' },
  // No pages of their own yet: the network page.
  partner_staff: network,
  company_admin: company,
  company_member: company,
  merchant: network,
  applicant: { url: /\/my\/applications$/, heading: 'Mes candidatures' },
};

test.describe('each role lands on its own page after signing in', () => {
  for (const account of demoAccounts) {
    test(`${account.role} lands on their start page`, async ({ page }) => {
      await preferLanguage(page, 'fr');
      await signIn(page, account.email);
      const landing = landings[account.role];
      await expect(page).toHaveURL(landing.url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(landing.heading);
      // The logo leads back there from anywhere.
      await page.goto('/calls');
      await page
        .getByRole('banner')
        .getByRole('link', { name: /Technopark/ })
        .click();
      await expect(page).toHaveURL(landing.url);
    });
  }

  test('a page that asked to sign in is where signing in leads, and another site never is', async ({ page }) => {
    await preferLanguage(page, 'fr');
    await page.goto('/companies/reporting?year=2024');
    await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/sign-in\?redirect=/);
    await submitSignIn(page, 'admin@technopark.demo');
    await expect(page).toHaveURL(/\/companies\/reporting\?(.*&)?year=(%22)?2024(%22)?(&|$)/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapports des entreprises');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Se connecter' })).toBeVisible();
    await page.goto('/sign-in?redirect=//evil.example/phish');
    await submitSignIn(page, 'officer@technopark.demo');
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/admin\/calls$/);

    // Signed in already, the sign-in page (a bookmark, the back button) leads on to the start page.
    await page.goto('/sign-in');
    await expect(page).toHaveURL(/\/admin\/calls$/);
    await expect(page.getByTestId('sign-in-form')).toHaveCount(0);
  });
});

test('Arabic chosen on the sign-in page stays after signing in and reloading, and becomes the account’s', async ({ page, browser }) => {
  const email = 'committee3@technopark.demo';
  await preferLanguage(page, 'fr');
  await page.goto('/sign-in');
  await page.getByTestId('language-switch').getByText('العربية').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await submitSignIn(page, email);
  await expect(page).toHaveURL(/\/reviews$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('تقييماتي');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('تقييماتي');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // Saved to the account: another browser that starts in French follows it once signed in.
  const elsewhere = await browser.newPage();
  await preferLanguage(elsewhere, 'fr');
  await signIn(elsewhere, email);
  await expect(elsewhere.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(elsewhere.getByRole('heading', { level: 1 })).toHaveText('تقييماتي');
  // Give Driss his French back for the other journeys.
  await elsewhere.getByTestId('language-switch').getByText('Français').click();
  await expect(elsewhere.getByRole('heading', { level: 1 })).toHaveText('Mes évaluations');
  await elsewhere.close();
});
