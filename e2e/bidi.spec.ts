import { expect, type Locator, type Page, test } from '@playwright/test';
import { photograph, preferLanguage, readAccountIn, signIn } from './support.js';

/**
 * Arabic pages people can read: a reference such as 2026-0001 inside an Arabic sentence reads left to right, names
 * given in French keep their own direction (src/web/i18n/isolate.ts, src/web/components/Bdi.tsx). Photographed on a
 * desktop and on a phone.
 */
const widths = [1280, 390] as const;

/**
 * Where the two halves of a reference (2026 and 0001 of 2026-0001) start on screen, within `element`'s text: read
 * left to right, the year stands on the left of the number.
 */
async function halvesOf(element: Locator, reference: string) {
  return element.evaluate(
    (root, [year, number]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        nodes.push({ node, start: text.length });
        text += node.data;
      }
      const left = (part: string, from: number) => {
        const at = text.indexOf(part, from);
        const entry = nodes.filter((candidate) => candidate.start <= at).at(-1);
        if (at < 0 || !entry) return { at, x: Number.NaN };
        const range = document.createRange();
        range.setStart(entry.node, at - entry.start);
        range.setEnd(entry.node, at - entry.start + part.length);
        return { at, x: range.getBoundingClientRect().left };
      };
      const first = left(year, 0);
      return { year: first.x, number: left(number, first.at + year.length).x };
    },
    reference.split('-') as [string, string],
  );
}

/** The same sentence without isolation, put on the page: what readers saw before (the measure tells them apart). */
async function withoutIsolation(page: Page, sentence: string) {
  return page.evaluate((text) => {
    const element = document.createElement('h2');
    element.id = 'unisolated';
    element.textContent = text;
    document.querySelector('main')?.append(element);
  }, sentence);
}

test('an application reference reads left to right in the Arabic status page and the officers’ list', async ({ page }) => {
  await preferLanguage(page, 'ar');
  await readAccountIn(page, 'ar');
  await signIn(page, 'applicant@technopark.demo');
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/my/applications');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const card = page
      .getByTestId('my-application')
      .filter({ has: page.locator('bdi[dir=ltr]') })
      .first();
    const reference = (await card.locator('bdi[dir=ltr]').first().textContent()) ?? '';
    expect(reference).toMatch(/^\d{4}-\d{4}$/);
    await card.getByRole('link', { name: 'عرض' }).click();

    const title = page.getByRole('heading', { level: 1 });
    // "الترشيح 2026-0001": the reference isolated inside the Arabic sentence, kept whole (src/web/components/Bdi.tsx)…
    await expect(title).toHaveText(`الترشيح ${reference}`);
    await expect(title.locator('bdi[dir=ltr]')).toHaveText(reference);
    // …and on screen the year stands on the left of the number, as it is written.
    const halves = await halvesOf(title, reference);
    expect(halves.year).toBeLessThan(halves.number);
    // Without the isolates the same sentence shows 0001-2026: the measure does see the difference.
    await withoutIsolation(page, `الترشيح ${reference}`);
    const before = await halvesOf(page.locator('#unisolated'), reference);
    expect(before.year).toBeGreaterThan(before.number);
    await page.evaluate(() => document.getElementById('unisolated')?.remove());
    await photograph(page, `application-status-ar-${width}`);
  }
});

test('the officers’ list of applications isolates each reference and company name, in Arabic', async ({ page }) => {
  await preferLanguage(page, 'ar');
  await readAccountIn(page, 'ar');
  await signIn(page, 'officer@technopark.demo');
  await page.goto('/admin/calls');
  await page.getByTestId('call-row').first().getByRole('link').first().click();
  await page.getByTestId('call-tab-applications').click();
  await expect(page.getByTestId('application-row').first()).toBeVisible();
  const list = page.url();
  for (const width of widths) {
    // Opened at that width, as on a phone (not a window narrowed with its menu sliding away).
    await page.setViewportSize({ width, height: 900 });
    await page.goto(list);
    const row = page.getByTestId('application-row').first();
    await expect(row).toBeVisible();
    const reference = row.getByRole('link').locator('bdi[dir=ltr]');
    await expect(reference).toHaveText(/^\d{4}-\d{4}$/);
    const halves = await halvesOf(reference, (await reference.textContent()) ?? '');
    expect(halves.year).toBeLessThan(halves.number);
    // The company name, given in French or in Arabic, takes its own direction.
    await expect(row.locator('bdi:not([dir])').first()).not.toBeEmpty();
    await photograph(page, `officer-applications-ar-${width}`);
  }
});

test('the French status page isolates the reference as well, and reads the same on a phone', async ({ page }) => {
  await preferLanguage(page, 'fr');
  await readAccountIn(page, 'fr');
  await signIn(page, 'applicant@technopark.demo');
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/my/applications');
    const card = page
      .getByTestId('my-application')
      .filter({ has: page.locator('bdi[dir=ltr]') })
      .first();
    const reference = (await card.locator('bdi[dir=ltr]').first().textContent()) ?? '';
    await card.getByRole('link', { name: 'Voir' }).click();
    const title = page.getByRole('heading', { level: 1 });
    await expect(title).toHaveText(`Candidature ${reference}`);
    // On a phone too the reference stays on one line: its two halves at one height.
    const [year, number] = reference.split('-') as [string, string];
    const lines = await title.evaluate(
      (element, parts) => {
        const node = element.querySelector('bdi')?.firstChild;
        if (!node) return [];
        return parts.map(([start, end]) => {
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, end);
          return range.getBoundingClientRect().top;
        });
      },
      [
        [0, year.length],
        [year.length + 1, year.length + 1 + number.length],
      ] as [number, number][],
    );
    expect(lines[0]).toBe(lines[1]);
    const halves = await halvesOf(title, reference);
    expect(halves.year).toBeLessThan(halves.number);
    await photograph(page, `application-status-fr-${width}`);
  }
});
