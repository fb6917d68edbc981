import { expect, test } from '@playwright/test';
import { mailTo, newPerson, preferLanguage, readAs, signIn } from './support.js';

/** The company of the demo company admin (Imane Berrada). */
const demoCompanyId = '00000000-0000-4000-8000-00000000c001';

test('an admin invites a park manager, who accepts through the e-mail link and lands signed in', async ({ page, browser }) => {
  await preferLanguage(page, 'fr');
  await signIn(page, 'admin@technopark.demo');
  await page.goto('/admin/invitations');
  const form = page.getByTestId('invitation-form');
  await form.getByLabel('E-mail').fill('nouvelle.gestionnaire@example.ma');
  await form.getByLabel('Nom complet').fill('Zineb Fassi');
  await form.getByLabel('Parc').click();
  await page.getByRole('option', { name: 'Technopark Tanger' }).click();
  await form.getByLabel("Langue de l'invitation").click();
  await page.getByRole('option', { name: 'العربية' }).click();
  await form.locator('button[type=submit]').click();
  await expect(page.getByText(readAs('Invitation envoyée à nouvelle.gestionnaire@example.ma.'))).toBeVisible();

  // The e-mail arrives by SMTP in the invitee's language, naming the park, with a text and an HTML part.
  const email = await mailTo('nouvelle.gestionnaire@example.ma');
  expect(email.subject).toBe('دعوة للانضمام إلى تكنوبارك');
  expect(email.text).toContain('تكنوبارك طنجة');
  expect(email.html).toContain('dir="rtl"');
  expect(email.contentLanguage).toBe('ar');
  const link = /(http:\/\/\S+\/invitation\?token=\S+)/.exec(email.text)?.[1];
  // The link points at the platform's public address and carries a long random token.
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitation\?token=[\w-]{32,}$/);

  // The outbox shows the message was sent, never its link.
  await page.goto('/admin/outbox');
  const listed = page.getByTestId('outbox-email').filter({ hasText: 'nouvelle.gestionnaire@example.ma' });
  await expect(listed).toContainText('envoyé');
  await expect(listed).not.toContainText('token=');

  const invitee = await browser.newPage();
  await preferLanguage(invitee, 'fr');
  await invitee.goto(link as string);
  await invitee.locator('input[type=password]').fill('un-mot-de-passe-solide');
  await invitee.locator('form button[type=submit]').click();
  await expect(invitee.getByTestId('user-menu')).toBeVisible();
  await expect(invitee.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(invitee.getByRole('navigation').getByRole('link', { name: 'تكنوبارك طنجة' })).toBeVisible();
  await invitee.close();
});

test('a forgotten password is reset through the e-mailed link', async ({ browser }) => {
  const visitor = await browser.newPage();
  await preferLanguage(visitor, 'en');
  await visitor.goto('/forgot-password');
  await visitor.locator('input[type=email]').fill('manager.souss@technopark.demo');
  await visitor.locator('form button[type=submit]').click();
  await expect(visitor.getByText('If an account exists for this e-mail')).toBeVisible();

  const email = await mailTo('manager.souss@technopark.demo');
  const link = /(http:\/\/\S+\/reset-password\?token=\S+)/.exec(email.text)?.[1];
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=[\w-]{20,}$/);

  await visitor.goto(link as string);
  await visitor.locator('input[type=password]').fill('a-brand-new-password');
  await visitor.locator('form button[type=submit]').click();
  await expect(visitor.getByText('Password changed. You can sign in.')).toBeVisible();
  await signIn(visitor, 'manager.souss@technopark.demo', 'a-brand-new-password');
  await visitor.close();
});

test('a person who already has an account joins a company through an invitation: signs in with it, accepts, is a member', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const email = `hind.${suffix}@example.ma`;
  const password = 'hind-password-2026';

  await test.step('the person already has an account (a member of another company)', async () => {
    // Made through the API as a network admin would: an invitation, accepted by the newcomer.
    const admin = await newPerson(browser, 'fr', 'admin@technopark.demo');
    const headers = { origin: new URL(admin.url()).origin };
    const list = await admin.request.get('/api/v1/companies?pageSize=5');
    const other = ((await list.json()).items as { id: string }[]).find((company) => company.id !== demoCompanyId);
    const invited = await admin.request.post('/api/v1/invitations', {
      headers,
      data: { email, name: 'Hind Amrani', role: 'company_member', scopeId: other?.id, locale: 'fr' },
    });
    expect(invited.status(), await invited.text()).toBe(201);
    const token = /invitation\?token=([\w-]+)/.exec((await mailTo(email)).text)?.[1];
    await admin.context().close();
    const newcomer = await browser.newContext();
    const accepted = await newcomer.request.post('/api/v1/invitations/accept', { headers, data: { token, name: 'Hind Amrani', password } });
    expect(accepted.status(), await accepted.text()).toBe(201);
    await newcomer.close();
  });

  const companyAdmin = await newPerson(browser, 'fr', 'company.admin@technopark.demo');
  let companyName = '';
  await test.step('the company admin invites the address from the Members tab', async () => {
    await companyAdmin.getByRole('navigation').getByRole('link', { name: 'Mon entreprise' }).click();
    // The company's page is loaded on the way to it: its tabs say it is drawn, and only then is its heading the company's.
    await expect(companyAdmin.getByRole('tab', { name: 'Membres' })).toBeVisible();
    companyName = (await companyAdmin.getByRole('main').getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(companyName).not.toBe('');
    await companyAdmin.getByRole('tab', { name: 'Membres' }).click();
    const form = companyAdmin.getByTestId('invite-member-form');
    await form.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await form.getByRole('textbox', { name: 'Nom' }).fill('Hind Amrani');
    await form.getByRole('button', { name: 'Ajouter' }).click();
    await expect(companyAdmin.getByText(readAs(`Invitation envoyée à ${email}.`))).toBeVisible();
    // Not a member before following the link: the invitation waits.
    await expect(companyAdmin.getByTestId('member-row').filter({ hasText: email })).toHaveCount(0);
  });

  const invitee = await newPerson(browser, 'fr');
  let link = '';
  await test.step('the invitee opens the e-mailed link, signs in with their password and accepts', async () => {
    const mail = await mailTo(email, (message) => message.text.includes(companyName));
    expect(mail.subject).toBe('Vous êtes invité sur Technopark');
    link = /(http:\/\/\S+\/invitation\?token=\S+)/.exec(mail.text)?.[1] ?? '';
    expect(link).toMatch(/\/invitation\?token=[\w-]{32,}$/);
    await invitee.goto(link);
    await expect(invitee.getByText(readAs(`Invitation pour ${email} en tant que Membre d'entreprise — ${companyName}`))).toBeVisible();
    await expect(invitee.getByText('Cette adresse a déjà un compte Technopark')).toBeVisible();
    // An account exists: no name, no new password; their own password proves it is theirs.
    await expect(invitee.getByLabel('Nom complet')).toHaveCount(0);
    await invitee.getByLabel('Votre mot de passe').fill(password);
    await invitee.getByRole('button', { name: "Accepter l'invitation" }).click();
    await expect(invitee.getByTestId('user-menu')).toBeVisible();
  });

  await test.step('they are a member: they read the company, and its admin sees them among its members', async () => {
    await invitee.goto(`/companies/${demoCompanyId}`);
    await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(companyName);
    await companyAdmin.reload();
    const row = companyAdmin.getByTestId('member-row').filter({ hasText: email });
    await expect(row).toContainText('Hind Amrani');
    await expect(row.getByRole('combobox', { name: 'Rôle de Hind Amrani' })).toHaveValue("Membre d'entreprise");
  });
  await test.step('the link served once: opened again, it says so', async () => {
    await invitee.goto(link);
    await expect(invitee.getByText("Ce lien d'invitation n'est pas valide ou a expiré.")).toBeVisible();
  });
  await invitee.context().close();
  await companyAdmin.context().close();
});
