import { expect, test } from '@playwright/test';
import { newPerson } from './support.js';

const callSlug = 'bureaux-casablanca-2027';

test('a draft is never lost: an ICE of 14 digits is saved as typed, warned about, kept over a reload, refused on submission', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const companyName = `Tafilalt Labs ${suffix}`;
  const shortIce = '00152583600007';
  const applicant = await newPerson(browser, 'fr');
  await applicant.goto(`/calls/${callSlug}/apply`);
  const form = applicant.getByTestId('application-form');
  const ice = form.getByRole('textbox', { name: 'ICE', exact: true });
  const saveState = form.getByTestId('save-state');

  await test.step('types a company and an ICE one digit short: a warning, and the draft is saved all the same', async () => {
    await form.getByRole('textbox', { name: 'Entreprise ou projet', exact: true }).fill(companyName);
    await ice.fill(shortIce);
    await expect(saveState).toHaveText('Pas encore enregistré : l’enregistrement suit dans un instant.');
    // The field says what to correct, without stopping the save.
    await expect(ice).toHaveAccessibleDescription(/À vérifier avant le dépôt : L'ICE compte exactement 15 chiffres\./);
    await expect(saveState).toHaveText(/^Enregistré · /, { timeout: 10_000 });
    await expect(form.getByTestId('warnings-count')).toHaveText('Champs à vérifier avant le dépôt : 1');
  });

  await test.step('reloads: the draft comes back as it was typed', async () => {
    await applicant.reload();
    await expect(ice).toHaveValue(shortIce);
    await expect(form.getByRole('textbox', { name: 'Entreprise ou projet', exact: true })).toHaveValue(companyName);
    await expect(saveState).toHaveText(/^Enregistré · /);
    await expect(ice).toHaveAccessibleDescription(/À vérifier avant le dépôt/);
  });

  await test.step('submitting refuses it: an error on the ICE field', async () => {
    await form.getByTestId('submit-application').click();
    await expect(applicant.getByText('Certains champs sont à compléter ou à corriger.')).toBeVisible();
    await expect(ice).toHaveAttribute('aria-invalid', 'true');
    await expect(ice).toHaveAccessibleDescription(/L'ICE compte exactement 15 chiffres\./);
    await expect(ice).not.toHaveAccessibleDescription(/À vérifier/);
  });

  await test.step('corrected, the warning goes and the draft is saved again', async () => {
    await ice.fill('001525836000078');
    await expect(form.getByTestId('field-warning')).toHaveCount(0);
    await expect(saveState).toHaveText(/^Enregistré · /, { timeout: 10_000 });
    await applicant.reload();
    await expect(ice).toHaveValue('001525836000078');
  });
  await applicant.context().close();
});
