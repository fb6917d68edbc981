import { expect, test } from '@playwright/test';
import { notice, preferLanguage, signIn } from './support.js';

const header = 'Code du bâtiment;Nom du bâtiment;Niveau de l’étage;Code de l’espace;Nom (français);Type;Surface (m²)';
const sheet = (lines: string[]) => ({
  name: 'espaces.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}`),
});

test('a park manager checks a sheet of spaces, sees its problems by row and column, then imports the fixed one', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'manager.casablanca@technopark.demo');
  await page.goto('/parks/casablanca');
  await page.getByTestId('import-spaces').click();
  await expect(page.getByRole('heading', { name: 'Importer des espaces' })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('space-import-file').click();
  await (await chooser).setFiles(sheet(['E2E;Bâtiment essai;0;E2E-IMP-1;Bureau essai;Piscine;20', 'E2E;;0;E2E-IMP-2;;Bureau privatif;18']));
  await page.getByTestId('space-import-preview').click();
  const problems = page.getByTestId('space-import-problems');
  await expect(problems.getByRole('row').filter({ hasText: 'Piscine' })).toContainText('Type');
  await expect(page.getByTestId('space-import-run')).toBeDisabled();

  const fixed = page.waitForEvent('filechooser');
  await page.getByTestId('space-import-file').click();
  await (await fixed).setFiles(
    sheet(['E2E;Bâtiment essai;0;E2E-IMP-1;Bureau essai;Salle de réunion;20', 'E2E;;0;E2E-IMP-2;;Bureau privatif;18']),
  );
  await page.getByTestId('space-import-preview').click();
  await expect(page.getByTestId('space-import-ready')).toContainText('Nouveaux bâtiments : E2E');
  await page.getByTestId('space-import-run').click();
  await expect(notice(page, '2 espaces importés.')).toBeVisible();

  await page.goto('/parks/casablanca');
  await page.getByLabel('Rechercher').fill('E2E-IMP');
  await expect(page.getByTestId('space-row')).toHaveCount(2);
});
