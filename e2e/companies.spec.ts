import { expect, type Locator, type Page, test } from '@playwright/test';
import { mailTo, preferLanguage, signIn } from './support.js';

/** A text field (inputs, text areas, dates, numbers) by its label. */
const textbox = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** Picks an entry of a Mantine select (a combobox with a listbox of options). */
async function choose(page: Page, scope: Page | Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Today in Morocco, as the pages and the server count days. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());

/** A well-formed ICE (15 digits) no demo company holds, different on every run. */
const freshIce = (salt: number) => `9${String(Date.now() + salt).padStart(14, '0')}`.slice(0, 15);

test('a park manager records that a resident company left, and reads it on its history', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'manager.casablanca@technopark.demo');
  await page.getByRole('navigation').getByRole('link', { name: 'Entreprises', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entreprises');
  // The list keeps showing the previous rows until the filtered ones arrive.
  const filtered = page.waitForResponse((response) => /\/api\/v1\/companies\?.*status=resident/.test(response.url()));
  await choose(page, page, 'Statut', 'Résidente');
  await filtered;
  const rows = page.getByTestId('company-row');
  await expect(rows.first()).toBeVisible();
  // Every company listed is a resident of the manager's park.
  for (const row of await rows.all()) {
    await expect(row).toContainText('Résidente');
    await expect(row).toContainText('Technopark Casablanca');
  }
  const first = rows.filter({ hasNotText: 'Atlas Cloud' }).first().getByRole('link');
  const name = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  await page.getByRole('tab', { name: 'Parcours' }).click();
  const form = page.getByTestId('transition-form');
  await choose(page, form, 'Nouveau statut', 'Ancienne résidente');
  await textbox(form, 'Date d’effet').fill(today().split('-').reverse().join('/'));
  await textbox(form, 'Motif').fill('Fin du programme de résidence : installée dans ses propres locaux à Casablanca.');
  await form.getByRole('button', { name: 'Enregistrer le changement' }).click();
  await expect(page.getByText('Statut « Ancienne résidente » enregistré.')).toBeVisible();

  const latest = page.getByTestId('history-event').last();
  await expect(latest).toContainText('Ancienne résidente');
  await expect(latest).toContainText('Fin du programme de résidence : installée dans ses propres locaux à Casablanca.');
  await expect(latest).toContainText('Karim El Idrissi');
  // The resident step stays in the history, just before.
  await expect(page.getByTestId('history-event').nth(-2)).toContainText('Résidente');
  await expect(page.getByRole('main').getByText('Ancienne résidente').first()).toBeVisible();
});

test('a company admin corrects the profile, told field by field, and files and corrects reports', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'company.admin@technopark.demo');
  await page.getByRole('navigation').getByRole('link', { name: 'Mon entreprise' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atlas Cloud');

  await page.getByTestId('edit-company').click();
  const form = page.getByTestId('company-form');
  await textbox(form, 'ICE').fill('00153672900008');
  await form.getByTestId('save-company').click();
  await expect(form.getByText("L'ICE compte exactement 15 chiffres.")).toBeVisible();
  const ice = freshIce(0);
  await textbox(form, 'ICE').fill(ice);
  await form.getByTestId('save-company').click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('main').getByText(ice, { exact: true })).toBeVisible();

  const currentYear = today().slice(0, 4);
  const lastYear = String(Number(currentYear) - 1);
  // A period's row, by the period written in its first cell (other cells hold dates of other years).
  const periodRow = (period: string) =>
    page.getByTestId('report-row').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${period}`) }) });
  await page.getByRole('tab', { name: 'Rapports' }).click();
  await expect(periodRow(lastYear)).toHaveCount(1);

  // Last year's report is already in (the demo company files every year): the form says so and offers correcting it.
  await page.getByTestId('file-report').click();
  const report = page.getByTestId('report-form');
  await choose(page, report, 'Année', lastYear);
  await expect(report.getByRole('combobox', { name: 'Période', exact: true })).toHaveValue('Année entière (déposé)');
  await expect(report.getByText('Un rapport a déjà été déposé pour cette période')).toBeVisible();
  await expect(report.getByTestId('submit-report')).toBeDisabled();

  // This year's first quarter is not: it is filed.
  await choose(page, report, 'Année', currentYear);
  await choose(page, report, 'Période', 'Trimestre 1');
  await textbox(report, 'Salariés').fill('16');
  await textbox(report, 'Stagiaires').fill('3');
  await textbox(report, 'Fondateurs').fill('2');
  await choose(page, report, 'Tranche de chiffre d’affaires', '2 à 10 millions MAD');
  // An export share of 120 % is refused on its field, as typed (never brought back to 100 % unseen).
  await report.getByRole('switch', { name: 'L’entreprise exporte' }).check();
  await report.getByRole('combobox', { name: 'Pays d’export' }).fill('Espagne');
  await page.getByRole('option', { name: 'Espagne', exact: true }).click();
  const share = textbox(report, 'Part export du chiffre d’affaires');
  await share.fill('120');
  await share.blur();
  await expect(share).toHaveValue('120 %');
  await report.getByTestId('submit-report').click();
  await expect(report.getByText('La part export est un pourcentage du chiffre d’affaires : entre 0 et 100 %.')).toBeVisible();
  await expect(share).toHaveValue('120 %');
  await share.fill('35');
  await report.getByTestId('submit-report').click();
  await expect(page.getByText(`Rapport de T1 ${currentYear} déposé (version 1).`)).toBeVisible();
  await expect(report).toBeHidden();
  await expect(periodRow(`T1 ${currentYear}`)).toContainText('2 à 10 millions MAD');
  await expect(periodRow(`T1 ${currentYear}`).getByRole('cell').nth(1)).toHaveText('16');

  // Last year's figures corrected: the correction is the period's version 2.
  await periodRow(lastYear)
    .getByRole('button', { name: `Corriger le rapport de ${lastYear}` })
    .click();
  await expect(report).toBeVisible();
  await textbox(report, 'Salariés').fill('14');
  await report.getByRole('button', { name: 'Déposer la correction' }).click();
  await expect(page.getByText(`Rapport de ${lastYear} corrigé : version 2 déposée.`)).toBeVisible();
  await expect(report).toBeHidden();
  await expect(periodRow(lastYear)).toHaveCount(1);
  await expect(periodRow(lastYear).getByRole('cell').first()).toHaveText(`${lastYear}v2`);
  await expect(periodRow(lastYear).getByRole('cell').nth(1)).toHaveText('14');
});

test('a park manager imports companies from a CSV: preview, confirmation, completed', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'manager.casablanca@technopark.demo');
  const suffix = Date.now().toString(36);
  const founder = `fondatrice.${suffix}@souss-drone.ma`;
  const csv = [
    "Raison sociale;Nom commercial;ICE;Forme juridique;Stade;Secteurs;Statut;Date du statut;Date d'entrée;E-mail de l'administrateur",
    `Souss Drone Systems ${suffix} SARL;Souss Drone ${suffix};${freshIce(1)};SARL;Startup;Agritech;Résidente;;2024-09-02;${founder}`,
    `Bouregreg Analytics ${suffix} SA;;${freshIce(2)};SA;PME;Technologies de l'information;Ancienne résidente;30/06/2025;15/01/2019;`,
  ].join('\r\n');

  await page.goto('/companies');
  await page.getByRole('link', { name: 'Importer' }).click();
  await expect(page).toHaveURL(/\/companies\/import$/);
  const upload = page.getByTestId('import-form');
  await expect(upload.getByRole('combobox', { name: 'Parc cible' })).toHaveValue('Technopark Casablanca');
  await upload
    .locator('input[type=file]')
    .setInputFiles({ name: 'entreprises.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await upload.getByTestId('import-check').click();

  const result = page.getByTestId('import-result');
  const status = result.getByTestId('import-status');
  // The server's workers check the file in the background; the page follows the import's status.
  await expect(status).toHaveText('Prêt à importer', { timeout: 20_000 });
  const preview = result.getByTestId('import-preview');
  await expect(preview.getByRole('row')).toHaveCount(3);
  const resident = preview.getByRole('row').filter({ hasText: `Souss Drone Systems ${suffix} SARL` });
  await expect(resident).toContainText('Agritech');
  await expect(resident).toContainText('Résidente');
  await expect(resident).toContainText('Technopark Casablanca');
  await expect(resident).toContainText(founder);
  const alumni = preview.getByRole('row').filter({ hasText: `Bouregreg Analytics ${suffix} SA` });
  await expect(alumni).toContainText('Ancienne résidente');
  await expect(alumni).toContainText('30 juin 2025');

  await result.getByTestId('import-confirm').click();
  await expect(status).toHaveText('Importé', { timeout: 20_000 });
  await expect(result).toContainText('Import terminé. Entreprises importées : 2');
  // The row's admin is invited to the new company: the e-mail leaves once the import committed.
  const invitation = await mailTo(founder);
  expect(invitation.subject).toBe('Vous êtes invité sur Technopark');
  expect(invitation.text).toContain(`Souss Drone Systems ${suffix} SARL`);
  expect(invitation.text).toContain('/invitation?token=');

  await page.getByRole('main').getByRole('link', { name: 'Voir les entreprises' }).first().click();
  await textbox(page, 'Rechercher').fill(suffix);
  await expect(page.getByTestId('company-row')).toHaveCount(2);
  await expect(page.getByTestId('company-row').filter({ hasText: `Souss Drone ${suffix}` })).toContainText('Résidente');
  await expect(page.getByTestId('company-row').filter({ hasText: `Bouregreg Analytics ${suffix} SA` })).toContainText('Ancienne résidente');
});
