import { expect, type Page, test } from '@playwright/test';
import { demoAccounts, preferLanguage, signIn } from './support.js';

/**
 * Morocco time in Debian's Chromium, whose time-zone database puts Africa/Casablanca at UTC+0 from 2026-09-20 when
 * Node, ICU and the tz database say UTC+1. What the page shows is compared with what Node (this test's process)
 * computes for Africa/Casablanca, never with the app's own table.
 */
const callSlug = 'bureaux-casablanca-2027';
const intlLocale = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' } as const;

/** An instant as Node writes it on the clock of Casablanca, with the Hijri date of that local day. */
function nodeSays(instant: string, locale: keyof typeof intlLocale) {
  const options = { timeZone: 'Africa/Casablanca' } as const;
  return {
    time: new Intl.DateTimeFormat(`${intlLocale[locale]}-u-ca-gregory-nu-latn`, {
      ...options,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(instant)),
    hijri: new Intl.DateTimeFormat(`${intlLocale[locale]}-u-ca-islamic-umalqura-nu-latn`, {
      ...options,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(instant)),
  };
}

/** dd/mm/yyyy and hh:mm of an instant on Node's clock of Casablanca, as the date fields show them. */
function nodeFields(instant: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Africa/Casablanca',
      hourCycle: 'h23',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.day}/${parts.month}/${parts.year}`, hour: parts.hour, minute: parts.minute };
}

/** The public call page, its API answer changed to close at `closesAt` (still open). */
async function showCallClosingAt(page: Page, closesAt: string) {
  await page.route(`**/api/v1/public/calls/${callSlug}`, async (route) => {
    const response = await route.fetch();
    return route.fulfill({ response, json: { ...(await response.json()), phase: 'open', closesAt } });
  });
  await page.goto(`/calls/${callSlug}`);
  await expect(page.getByTestId('apply')).toBeVisible();
}

const deadlines = [
  { season: 'winter', instant: '2027-01-15T16:00:00.000Z' },
  // 23:30 UTC in July is already the next day in Casablanca: the Hijri date follows the local day.
  { season: 'summer', instant: '2027-07-15T23:30:00.000Z' },
  { season: 'Ramadan', instant: '2027-02-20T16:00:00.000Z' },
];

for (const { season, instant } of deadlines) {
  test(`a ${season} deadline reads on the page as Node computes it for Casablanca, with its Hijri date`, async ({ page }) => {
    await preferLanguage(page, 'fr');
    await showCallClosingAt(page, instant);
    const { time, hijri } = nodeSays(instant, 'fr');
    const deadline = page.getByTestId('call-deadline');
    await expect(deadline.locator('time')).toHaveText(time);
    await expect(deadline).toContainText(`${time} heure du Maroc (${hijri})`);
  });
}

test('the deadline says Morocco time in Arabic too, right to left', async ({ page }) => {
  await preferLanguage(page, 'ar');
  const instant = '2027-07-15T23:30:00.000Z';
  await showCallClosingAt(page, instant);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const { time, hijri } = nodeSays(instant, 'ar');
  await expect(page.getByTestId('call-deadline')).toContainText(`${time} بتوقيت المغرب (${hijri})`);
});

test('an officer types Morocco times; the server keeps the instants Node computes, page and export agree', async ({ page }) => {
  test.setTimeout(60_000);
  const officer = demoAccounts.find((account) => account.role === 'program_officer');
  await preferLanguage(page, 'fr');
  await signIn(page, officer?.email ?? '');
  const slug = `heure-maroc-${Date.now().toString(36)}`;
  // Opens in Ramadan (UTC+0), closes in summer (UTC+1), both after 2026-09-20.
  const opensAt = '2027-02-20T10:00:00.000Z';
  const closesAt = '2027-07-15T16:00:00.000Z';
  expect(nodeFields(opensAt)).toEqual({ date: '20/02/2027', hour: '10', minute: '00' });
  expect(nodeFields(closesAt)).toEqual({ date: '15/07/2027', hour: '17', minute: '00' });

  await page.goto('/admin/calls/new');
  const form = page.getByTestId('call-settings');
  await form.getByRole('textbox', { name: 'Titre (français)', exact: true }).fill(`Appel à l’heure du Maroc ${slug}`);
  await form.getByRole('textbox', { name: 'Nom court (adresse)', exact: true }).fill(slug);
  for (const [field, typed] of [
    ['Ouverture', nodeFields(opensAt)],
    ['Clôture', nodeFields(closesAt)],
  ] as const) {
    await form.getByRole('textbox', { name: field, exact: true }).fill(typed.date);
    await form.getByRole('spinbutton', { name: `${field} — heures` }).fill(typed.hour);
    await form.getByRole('spinbutton', { name: `${field} — minutes` }).fill(typed.minute);
  }
  await form.getByRole('textbox', { name: 'Critère (français)', exact: true }).fill('Équipe');
  await form.getByTestId('save-call').click();
  await expect(page).toHaveURL(/\/admin\/calls\/[0-9a-f-]{36}$/);
  const callId = /\/admin\/calls\/([0-9a-f-]{36})$/.exec(page.url())?.[1];

  const stored = await (await page.request.get(`/api/v1/calls/${callId}`)).json();
  expect({ opensAt: stored.opensAt, closesAt: stored.closesAt }).toEqual({ opensAt, closesAt });

  // The form reads the stored instants back as they were typed.
  await page.reload();
  await expect(form.getByRole('textbox', { name: 'Clôture', exact: true })).toHaveValue('15/07/2027');
  await expect(form.getByRole('spinbutton', { name: 'Clôture — heures' })).toHaveValue('17');
  await expect(form.getByRole('textbox', { name: 'Ouverture', exact: true })).toHaveValue('20/02/2027');
  await expect(form.getByRole('spinbutton', { name: 'Ouverture — heures' })).toHaveValue('10');

  // The officers' list and its export write the deadline alike, in Morocco time.
  const { time, hijri } = nodeSays(closesAt, 'fr');
  await page.goto(`/admin/calls?q=${slug}`);
  const row = page.getByTestId('call-row').filter({ hasText: slug });
  await expect(row).toContainText(`${time} heure du Maroc (${hijri})`);
  const csv = await (await page.request.get(`/api/v1/calls/export?format=csv&q=${slug}`, { headers: { 'accept-language': 'fr' } })).text();
  const [header, line] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(header).toContain('Clôture (heure du Maroc)');
  // The export's one documented form: yyyy-mm-dd hh:mm on the park's clock, French cells separated by ";".
  const csvTime = (instant: string) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Africa/Casablanca', dateStyle: 'short', timeStyle: 'short' }).format(new Date(instant));
  expect(line).toContain(`${csvTime(opensAt)};${csvTime(closesAt)}`);
});
