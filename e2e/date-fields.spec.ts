import { expect, test } from '@playwright/test';
import { photograph, preferLanguage } from './support.js';

test('a date field shows the day first in French and Arabic, and sends yyyy-mm-dd', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await page.goto('/calls/bureaux-casablanca-2027/apply');
  const form = page.getByTestId('application-form');
  await form.getByRole('textbox', { name: 'Entreprise ou projet', exact: true }).fill(`Dates Labs ${Date.now().toString(36)}`);
  const created = form.getByRole('textbox', { name: 'Date de création', exact: true });
  await expect(created).toHaveAttribute('placeholder', 'jj/mm/aaaa');
  const saved = page.waitForRequest(
    (request) => ['POST', 'PATCH'].includes(request.method()) && request.postDataJSON()?.creationDate === '2024-04-03',
  );
  // 3/4/2024 is the 3rd of April, as a French reader writes it.
  await created.fill('3/4/2024');
  await created.press('Tab');
  await expect(created).toHaveValue('03/04/2024');
  await saved;
  // Its calendar opens on April 2024, the 3rd chosen.
  await created.click();
  await expect(page.getByRole('button', { name: 'avril 2024', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '3 avril 2024', exact: true })).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(form.getByTestId('save-state')).toHaveText(/^Enregistré · /, { timeout: 10_000 });
  await photograph(page, 'date-field-fr-1280');

  await page.getByTestId('language-switch').getByText('العربية').click();
  const createdAr = form.getByRole('textbox', { name: 'تاريخ الإنشاء', exact: true });
  await expect(createdAr).toHaveValue('03/04/2024');
  await expect(createdAr).toHaveAttribute('placeholder', 'يوم/شهر/سنة');
  await page.setViewportSize({ width: 390, height: 900 });
  await expect(createdAr).toHaveValue('03/04/2024');
  await createdAr.focus();
  await photograph(page, 'date-field-ar-390');
});
