import { expect, test } from '@playwright/test';
import { mailTo, preferLanguage, signIn } from './support.js';

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
  await expect(page.getByText('Invitation envoyée à nouvelle.gestionnaire@example.ma.')).toBeVisible();

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
