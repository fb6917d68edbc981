import { expect, type Page, test } from '@playwright/test';
import { preferLanguage, signIn } from './support.js';

const admin = 'admin@technopark.demo';
// Set AUDIT_SCREENSHOTS to a folder to keep what the page looks like at 1280 and 390 px wide.
const screenshots = process.env.AUDIT_SCREENSHOTS;

async function keepScreenshots(page: Page, name: string) {
  if (!screenshots) return;
  for (const width of [1280, 390]) {
    // A page opened at its width: resizing one would catch the menu in its transition.
    const sized = await page.context().newPage();
    await sized.setViewportSize({ width, height: 900 });
    await sized.goto(page.url());
    await expect(sized.getByTestId('audit-row').first()).toBeVisible();
    await sized.screenshot({ path: `${screenshots}/audit-${name}-${width}.png`, fullPage: true });
    await sized.close();
  }
}

test('a change made by the network administrator reads as a sentence on the audit page, in French and in Arabic', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, admin);
  await page.goto('/parks/casablanca');
  await page.getByTestId('create-space').click();
  const form = page.getByTestId('space-form');
  await form.getByLabel('Code').fill('E2E-AUD');
  await form.getByLabel('Nom (français)').fill('Bureau audité');
  await form.getByLabel('Surface (m²)').fill('20');
  await form.getByTestId('save-space').click();
  await expect(form).toBeHidden();

  await page.getByLabel('Rechercher').fill('E2E-AUD');
  await page.getByRole('button', { name: "Modifier l'espace E2E-AUD" }).click();
  await form.getByLabel('Surface (m²)').fill('24');
  await form.getByTestId('save-space').click();
  await expect(form).toBeHidden();

  await page.goto('/admin/audit?entityType=space');
  const entry = page.getByTestId('audit-row').filter({ hasText: 'a modifié l’espace E2E-AUD' }).first();
  await expect(entry.getByTestId('audit-sentence')).toHaveText(
    'Nadia Benali (administrateur réseau) a modifié l’espace E2E-AUD de Technopark Casablanca',
  );
  await expect(entry).toContainText('Surface : 20 m² → 24 m²');
  // Neither codes nor ids: no uuid on the page.
  await expect(page.getByTestId('audit-row').first()).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await keepScreenshots(page, 'fr');
  if (screenshots) {
    // Every kind of entry the demo network made, as the page reads them.
    await page.goto('/admin/audit?pageSize=50');
    await keepScreenshots(page, 'fr-all');
    await page.goto('/admin/audit?entityType=space');
  }

  // The same page in Arabic (right to left); the account's language goes back to French for the other journeys.
  await page.getByTestId('language-switch').getByText('العربية').click();
  const arEntry = page.getByTestId('audit-row').filter({ hasText: 'تعديل الفضاء E2E-AUD' }).first();
  await expect(arEntry.getByTestId('audit-sentence')).toHaveText(
    'Nadia Benali (مدير الشبكة): تعديل الفضاء E2E-AUD في تكنوبارك الدار البيضاء',
  );
  await expect(arEntry).toContainText('المساحة: 20 m² ← 24 m²');
  await keepScreenshots(page, 'ar');
  await page.getByTestId('language-switch').getByText('Français').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Journal d'audit");
});

test('the audit log is filtered by a person found by name, and the filter survives a reload', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, admin);
  // Something of hers in the log, whatever ran before.
  await page.goto('/account');
  await page.getByLabel('Nom complet').fill('Nadia Benali');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.goto('/admin/audit');
  const who = page.getByTestId('audit-actor-filter');
  await who.fill('Nadia');
  await page.getByRole('option', { name: 'Nadia Benali · admin@technopark.demo' }).click();
  await expect(page).toHaveURL(/actorUserId=[0-9a-f-]{36}/);
  const sentences = page.getByTestId('audit-sentence');
  await expect(sentences.first()).toBeVisible();
  for (const sentence of await sentences.allTextContents()) expect(sentence).toMatch(/^Nadia Benali/);
  await page.reload();
  await expect(who).toHaveValue('Nadia Benali · admin@technopark.demo');
  await expect(sentences.first()).toContainText('Nadia Benali');
});
