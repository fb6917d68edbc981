import { expect, test } from '@playwright/test';
import { preferLanguage, signIn } from './support.js';

test('switching to Arabic mirrors the whole layout, and the choice is remembered', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le réseau Technopark');

  await page.getByTestId('language-switch').getByText('العربية').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('شبكة تكنوبارك');
  // Mirrored: the navigation bar stands on the right of the page.
  const navigation = await page.getByRole('navigation').boundingBox();
  const viewport = page.viewportSize();
  expect(navigation && viewport && navigation.x > viewport.width / 2).toBe(true);
  // The Hijri date stands beside the Gregorian one.
  await expect(page.getByText('1422 هـ').first()).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('شبكة تكنوبارك');
});

test('a signed-in person keeps their language across sign-ins', async ({ page, browser }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'manager.rabat@technopark.demo');
  // Salma chose Arabic: her account's language wins over this browser's French.
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const elsewhere = await browser.newPage();
  await preferLanguage(elsewhere, 'fr');
  await signIn(elsewhere, 'manager.rabat@technopark.demo');
  await expect(elsewhere.locator('html')).toHaveAttribute('lang', 'en');
  await elsewhere.getByTestId('language-switch').getByText('العربية').click();
  await expect(elsewhere.locator('html')).toHaveAttribute('dir', 'rtl');
  await elsewhere.close();
});

test('a language chosen on the network page, which loads only the core words, also words the pages reached from it', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le réseau Technopark');
  await page.getByTestId('language-switch').getByText('العربية').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('شبكة تكنوبارك');

  // The calls page's words are not in core: they arrive, in Arabic, with the page.
  await page.getByRole('navigation').getByRole('link', { name: 'إعلانات الترشيح' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('إعلانات الترشيح');
  await expect(page.locator('main')).not.toContainText(/\b(calls|applications)\.[a-zA-Z]/);
});
