import { expect, test } from '@playwright/test';
import { notice, preferLanguage, readAs, signIn } from './support.js';

test('a park manager creates a space that a public visitor then sees', async ({ page, browser }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'manager.casablanca@technopark.demo');
  await page.goto('/parks/casablanca');
  await page.getByTestId('create-space').click();
  // Every dialog's close button is named in the reader's language.
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Fermer' })).toBeVisible();
  const form = page.getByTestId('space-form');
  await form.getByLabel('Code').fill('E2E-101');
  await form.getByLabel('Nom (français)').fill('Bureau des essais');
  await form.getByLabel('Nom (arabe)').fill('مكتب التجارب');
  await form.getByLabel('Surface (m²)').fill('27.5');
  await form.getByLabel('Postes de travail').fill('4');
  await form.getByTestId('save-space').click();
  await expect(form).toBeHidden();

  const visitor = await browser.newPage();
  await preferLanguage(visitor, 'fr');
  await visitor.goto('/parks/casablanca');
  await visitor.getByLabel('Rechercher').fill('E2E-101');
  const row = visitor.getByTestId('space-row').filter({ hasText: 'E2E-101' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Bureau des essais');
  await expect(row).toContainText('27,5 m²');
  await expect(visitor.getByTestId('create-space')).toHaveCount(0);
  await visitor.close();
});

test('a space form says what is wrong, field by field', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'manager.casablanca@technopark.demo');
  await page.goto('/parks/casablanca');
  await page.getByTestId('create-space').click();
  const form = page.getByTestId('space-form');
  await form.getByLabel('Code').fill('CAS-001');
  await form.getByLabel('Nom (français)').fill('Doublon');
  await form.getByLabel('Surface (m²)').fill('12');
  await form.getByTestId('save-space').click();
  await expect(form.getByText('Ce code est déjà utilisé dans ce parc.')).toBeVisible();
  await expect(notice(page, 'Certains champs ne sont pas valides.')).toBeVisible();

  // Once corrected, the save says so and the earlier failure no longer stands on screen.
  await form.getByLabel('Code').fill('E2E-DUP-FIX');
  await form.getByTestId('save-space').click();
  await expect(form).toBeHidden();
  await expect(notice(page, 'Espace E2E-DUP-FIX créé.')).toBeVisible();
  await expect(notice(page, 'Certains champs ne sont pas valides.')).toHaveCount(0);
});

test('a park manager cannot manage another park', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'manager.casablanca@technopark.demo');
  await page.goto('/parks/rabat');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Technopark Rabat');
  await expect(page.getByTestId('create-space')).toHaveCount(0);
  await expect(page.getByTestId('edit-park')).toHaveCount(0);
});

test("deleting a space asks first in the app's own dialog, in the reader's language, then says it is done", async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'manager.casablanca@technopark.demo');
  await page.goto('/parks/casablanca');
  await page.getByTestId('create-space').click();
  const form = page.getByTestId('space-form');
  await form.getByLabel('Code').fill('E2E-DEL');
  await form.getByLabel('Nom (français)').fill('À supprimer');
  await form.getByLabel('Surface (m²)').fill('9');
  await form.getByTestId('save-space').click();
  await expect(form).toBeHidden();

  // The browser's own confirm() would be dismissed here: only the app's dialog can lead to the deletion.
  page.on('dialog', (dialog) => dialog.dismiss());
  await page.getByLabel('Rechercher').fill('E2E-DEL');
  const row = page.getByTestId('space-row').filter({ hasText: 'E2E-DEL' });
  await row.getByRole('button', { name: "Supprimer l'espace E2E-DEL" }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirmer' });
  await expect(dialog).toContainText(readAs("Supprimer l'espace E2E-DEL ?"));
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: "Supprimer l'espace E2E-DEL" }).click();
  await page.getByRole('dialog', { name: 'Confirmer' }).getByTestId('confirm-action').click();
  await expect(notice(page, 'Espace E2E-DEL supprimé.')).toBeVisible();
  await expect(row).toHaveCount(0);
});

test('a floor level the building already has is refused under the level field, in plain words', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'manager.casablanca@technopark.demo');
  await page.goto('/parks/casablanca');
  const addFloor = page.getByTestId('add-floor-form').first();
  await addFloor.getByRole('textbox', { name: 'Niveau' }).fill('0');
  await addFloor.getByRole('textbox', { name: "Nom de l'étage" }).fill('Doublon');
  await addFloor.getByRole('button', { name: 'Ajouter un étage' }).click();
  await expect(addFloor.getByText('Ce bâtiment a déjà un étage à ce niveau : choisissez un autre niveau.')).toBeVisible();
  await expect(addFloor).not.toContainText('code');
  await expect(notice(page, 'Certains champs ne sont pas valides.')).toBeVisible();
});
