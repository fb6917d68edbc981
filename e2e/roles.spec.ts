import { expect, test } from '@playwright/test';
import { demoAccounts, preferLanguage, signIn } from './support.js';

type AccountRole = (typeof demoAccounts)[number]['role'];

/** Menu entries each kind of account finds (and a few it must not), beyond "Le réseau" and "Appels à candidatures". */
const menus: Record<AccountRole, { shows: string[]; hides: string[] }> = {
  network_admin: {
    shows: ['Personnes', 'Entreprises', 'Rapports des entreprises', 'Gestion des appels', "Listes d'attente"],
    hides: ['Mes évaluations', 'Mon entreprise'],
  },
  park_manager: {
    shows: ['Technopark Casablanca', 'Entreprises', 'Rapports des entreprises', 'Gestion des appels', "Listes d'attente"],
    hides: ['Personnes', 'Mes évaluations'],
  },
  program_officer: {
    shows: ['Entreprises', 'Gestion des appels', "Listes d'attente"],
    hides: ['Personnes', 'Rapports des entreprises', 'Mes évaluations'],
  },
  committee_member: { shows: ['Mes évaluations'], hides: ['Personnes', 'Entreprises', 'Gestion des appels', 'Mes candidatures'] },
  partner_staff: { shows: [], hides: ['Personnes', 'Entreprises', 'Gestion des appels', 'Mes candidatures'] },
  company_admin: { shows: ['Mon entreprise', 'Mes candidatures'], hides: ['Personnes', 'Entreprises', 'Gestion des appels'] },
  company_member: { shows: ['Mon entreprise', 'Mes candidatures'], hides: ['Personnes', 'Entreprises', 'Gestion des appels'] },
  merchant: { shows: [], hides: ['Personnes', 'Entreprises', 'Gestion des appels', 'Mes candidatures'] },
  applicant: { shows: ['Mes candidatures'], hides: ['Personnes', 'Entreprises', 'Gestion des appels', 'Mon entreprise'] },
};

test.describe('every demo role signs in', () => {
  for (const account of demoAccounts) {
    test(`${account.role} signs in, sees what the role allows, and signs out`, async ({ page }) => {
      await preferLanguage(page, 'fr');
      await signIn(page, account.email);
      // Some demo people chose Arabic or English: read this page in French.
      await page.getByTestId('language-switch').getByText('Français').click();
      const navigation = page.getByRole('navigation');
      const entry = (name: string) => navigation.getByRole('link', { name, exact: true });
      await expect(entry('Le réseau')).toBeVisible();
      await expect(entry('Appels à candidatures')).toBeVisible();
      for (const name of menus[account.role].shows) await expect(entry(name), name).toBeVisible();
      for (const name of menus[account.role].hides) await expect(entry(name), name).toHaveCount(0);
      await page.goto('/admin/people');
      if (account.role === 'network_admin') {
        await expect(page.getByTestId('person-row').first()).toBeVisible();
      } else {
        await expect(page.getByText('Accès refusé')).toBeVisible();
      }
      await page.goto('/account');
      await expect(page.getByLabel('Nom complet')).toHaveValue(account.name);
      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('banner').getByRole('link', { name: 'Se connecter' })).toBeVisible();
    });
  }

  test('a wrong password is refused with a message in the page language', async ({ page }) => {
    await preferLanguage(page, 'en');
    await page.goto('/sign-in');
    await page.locator('input[type=email]').fill('admin@technopark.demo');
    await page.locator('input[type=password]').fill('not-the-password');
    await page.getByTestId('sign-in-form').locator('button[type=submit]').click();
    await expect(page.getByText('Wrong e-mail or password.')).toBeVisible();
  });
});
