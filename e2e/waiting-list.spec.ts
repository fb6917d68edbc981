import { expect, test } from '@playwright/test';
import { newPerson, notice } from './support.js';

test('a park manager finds who gets a unit of a given size, keeps the question in the address, and allocates it', async ({ browser }) => {
  const manager = await newPerson(browser, 'fr', 'manager.casablanca@technopark.demo');

  await test.step('the parks’ waiting lists show Casablanca with the companies waiting', async () => {
    await manager.getByRole('navigation').getByRole('link', { name: "Listes d'attente" }).click();
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText("Listes d'attente des parcs");
    const park = manager.getByTestId('waiting-list-park').filter({ hasText: 'Technopark Casablanca' });
    await expect(park).toContainText(/En attente : \d+/);
    await park.getByRole('link', { name: 'Technopark Casablanca' }).click();
    await expect(manager.getByRole('heading', { level: 1 })).toHaveText("Liste d'attente — Technopark Casablanca");
  });

  let company = '';
  await test.step('a unit of 20 m²: the first company whose need fits, kept across a reload', async () => {
    await manager.getByRole('textbox', { name: 'Un local de' }).fill('20');
    const answer = manager.getByTestId('fits-answer');
    await expect(answer).toBeVisible();
    // The router keeps the question in the address (a string, quoted).
    await expect(manager).toHaveURL(/fitsAreaM2=(%22)?20(%22)?(&|$)/);
    const first = manager.getByTestId('waiting-row').first();
    await expect(first.getByRole('cell').first()).toHaveText('1');
    company = (await first.getByRole('link').first().textContent()) ?? '';
    expect(company).not.toBe('');
    await expect(answer).toContainText(company);
    await manager.reload();
    await expect(manager.getByRole('textbox', { name: 'Un local de' })).toHaveValue(/20/);
    await expect(manager.getByTestId('fits-answer')).toContainText(company);
  });

  await test.step('allocating it takes the company out of the queue; it is listed with the allocated units', async () => {
    await manager.getByTestId('waiting-row').first().getByTestId('allocate').click();
    await manager.getByTestId('confirm-close-entry').click();
    await expect(manager.getByRole('dialog')).toHaveCount(0);
    await expect(notice(manager, `Local attribué à ${company}.`)).toBeVisible();
    await expect(manager.getByTestId('waiting-list')).not.toContainText(company);
    await manager.getByText('Local attribué', { exact: true }).click();
    await expect(manager).toHaveURL(/status=(%22)?allocated/);
    await expect(manager.getByTestId('waiting-list')).toContainText(company);
  });
  await manager.context().close();
});
