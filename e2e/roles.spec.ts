import { expect, test } from '@playwright/test';
import { demoAccounts, signIn, useLanguage } from './support.js';

test.describe('every demo role signs in', () => {
  for (const account of demoAccounts) {
    test(`${account.role} signs in, sees what the role allows, and signs out`, async ({ page }) => {
      await useLanguage(page, 'fr');
      await signIn(page, account.email);
      // Some demo people chose Arabic or English: read this page in French.
      await page.getByTestId('language-switch').getByText('Français').click();
      const navigation = page.getByRole('navigation');
      if (account.role === 'network_admin') {
        await expect(navigation.getByRole('link', { name: 'Personnes' })).toBeVisible();
        await page.goto('/admin/people');
        await expect(page.getByTestId('person-row').first()).toBeVisible();
      } else {
        await expect(navigation.getByRole('link', { name: 'Personnes' })).toHaveCount(0);
        await page.goto('/admin/people');
        await expect(page.getByText('Accès refusé')).toBeVisible();
      }
      if (account.role === 'park_manager') {
        await expect(navigation.getByRole('link', { name: 'Technopark Casablanca' })).toBeVisible();
      }
      await page.goto('/account');
      await expect(page.getByLabel('Nom complet')).toHaveValue(account.name);
      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').click();
      await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
    });
  }

  test('a wrong password is refused with a message in the page language', async ({ page }) => {
    await useLanguage(page, 'en');
    await page.goto('/sign-in');
    await page.locator('input[type=email]').fill('admin@technopark.demo');
    await page.locator('input[type=password]').fill('not-the-password');
    await page.getByTestId('sign-in-form').locator('button[type=submit]').click();
    await expect(page.getByText('Wrong e-mail or password.')).toBeVisible();
  });
});
