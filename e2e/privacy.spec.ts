import { type Browser, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mailTo, newPerson, notice, signIn } from './support.js';

/**
 * A person of their own for each journey (a company member invited by the network admin and accepted through the
 * e-mailed link), so that changing their password or erasing them leaves the demo accounts as they are.
 */
async function newMember(browser: Browser, name: string, password: string, locale: 'fr' | 'ar' = 'fr'): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now().toString(36)}@example.ma`;
  const admin = await newPerson(browser, 'fr', 'admin@technopark.demo');
  const headers = { origin: new URL(admin.url()).origin };
  const companies = await admin.request.get('/api/v1/companies?pageSize=1');
  const [company] = (await companies.json()).items as { id: string }[];
  const invited = await admin.request.post('/api/v1/invitations', {
    headers,
    data: { email, name, role: 'company_member', scopeId: company.id, locale },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const token = /invitation\?token=([\w-]+)/.exec((await mailTo(email)).text)?.[1];
  const accepted = await admin.context().request.post('/api/v1/invitations/accept', { headers, data: { token, name, password } });
  expect(accepted.status(), await accepted.text()).toBe(201);
  await admin.context().close();
  return email;
}

/** The network admin looks the person up on the People page: a read of their data, logged for them. */
async function adminLooksUp(browser: Browser, email: string) {
  const admin = await newPerson(browser, 'fr', 'admin@technopark.demo');
  await admin.goto(`/admin/people?q=${encodeURIComponent(email)}`);
  await expect(admin.getByText(email)).toBeVisible();
  await admin.context().close();
}

async function signInAs(browser: Browser, locale: 'fr' | 'ar', email: string, password: string): Promise<Page> {
  const page = await newPerson(browser, locale);
  await signIn(page, email, password);
  return page;
}

test('a person downloads their data, sees who read it, and changes their password', async ({ browser }) => {
  const password = 'sara-password-2026';
  const email = await newMember(browser, 'Sara Ouazzani', password);
  await adminLooksUp(browser, email);

  const page = await signInAs(browser, 'fr', email, password);
  await page.goto('/account');
  await page.getByRole('link', { name: 'Mes données, mot de passe et effacement' }).click();
  await expect(page).toHaveURL(/\/account\/data$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mes données' })).toBeVisible();
  await expect(page).toHaveTitle(/Mes données/);

  await test.step('who read my data names the network admin', async () => {
    await expect(page.getByTestId('data-reads').getByRole('row').filter({ hasText: 'Nadia Benali' }).first()).toBeVisible();
  });

  await test.step('the workbook holds the account, read back with a spreadsheet reader', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Classeur (XLSX)' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toContain('Compte');
    expect(names).toContain('Qui a consulté vos données');
    const account = workbook.getWorksheet('Compte');
    const cells = account?.getSheetValues().flat().map(String) ?? [];
    expect(cells).toContain(email);
    expect(cells).toContain('Sara Ouazzani');
  });

  await test.step('a wrong current password is said on its field; the right one changes it', async () => {
    await page.getByLabel('Mot de passe actuel').fill('not-my-password');
    await page.getByLabel('Nouveau mot de passe').fill('sara-new-password-2027');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.getByText("Ce n'est pas votre mot de passe actuel.")).toBeVisible();
    await page.getByLabel('Mot de passe actuel').fill(password);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(notice(page, 'Mot de passe changé')).toBeVisible();
  });
  await page.context().close();

  const again = await signInAs(browser, 'fr', email, 'sara-new-password-2027');
  await again.context().close();
});

test('the My data page reads right to left in Arabic on a phone', async ({ browser }) => {
  const password = 'yassine-password-2026';
  const email = await newMember(browser, 'Yassine Amrani', password, 'ar');
  const page = await signInAs(browser, 'ar', email, password);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/account/data');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'معطياتي' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'من اطلع على معطياتي' })).toBeVisible();
  // Nothing wider than the phone: the page scrolls down, not sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('my-data-ar-390.png'), fullPage: true });
  await page.context().close();
});

test('a person asks for erasure; the network admin carries it out; the person is told and can no longer sign in', async ({ browser }) => {
  const password = 'amal-password-2026';
  const email = await newMember(browser, 'Amal Sefrioui', password);
  const person = await signInAs(browser, 'fr', email, password);
  await person.goto('/account/data');
  const submit = person.getByRole('button', { name: "Demander l'effacement" });
  await expect(submit).toBeDisabled();
  await person.getByLabel('Motif (facultatif)').fill('Je quitte le réseau.');
  await person.getByLabel('Je comprends que mon compte sera fermé.').check();
  await submit.click();
  await expect(notice(person, 'Demande envoyée')).toBeVisible();
  await expect(person.getByTestId('erasure-status')).toContainText('en attente de réponse');
  await person.context().close();

  const admin = await newPerson(browser, 'fr', 'admin@technopark.demo');
  await admin.goto('/admin/erasure-requests');
  const request = admin.getByTestId('erasure-request').filter({ hasText: email });
  await expect(request).toContainText('Je quitte le réseau.');
  await request.getByLabel('Réponse à la personne (obligatoire pour un refus)').fill('Vos données sont effacées.');
  await request.getByRole('button', { name: "Exécuter l'effacement" }).click();
  // Irreversible: the app's own dialog asks first, naming the person.
  const dialog = admin.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('Amal Sefrioui');
  await admin.getByTestId('confirm-action').click();
  await expect(notice(admin, 'Effacement exécuté')).toBeVisible();
  await admin.context().close();

  const mail = await mailTo(email, (message) => message.text.includes('Vos données sont effacées.'));
  expect(mail.contentLanguage).toBe('fr');

  const visitor = await newPerson(browser, 'fr');
  await visitor.goto('/sign-in');
  await visitor.locator('input[type=email]').fill(email);
  await visitor.locator('input[type=password]').fill(password);
  await visitor.getByTestId('sign-in-form').locator('button[type=submit]').click();
  await expect(visitor.getByTestId('user-menu')).toHaveCount(0);
  await expect(visitor).toHaveURL(/\/sign-in/);
  await visitor.context().close();
});
