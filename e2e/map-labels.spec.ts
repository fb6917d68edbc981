import { expect, type Page, test } from '@playwright/test';
import { preferLanguage } from './support.js';

/** The network's map on a desktop and on a phone: no label over another (src/web/routes/parks/map-labels.ts). */
const widths = [1280, 390] as const;

async function labelBoxes(page: Page) {
  return page
    .getByTestId('map-label')
    .evaluateAll((labels) =>
      labels.map((label) => ({ text: label.textContent ?? '', box: label.getBoundingClientRect().toJSON() as DOMRect })),
    );
}

for (const locale of ['fr', 'ar'] as const) {
  test(`the map’s labels do not overlap, two parks of Agadir included (${locale})`, async ({ page }) => {
    await preferLanguage(page, locale);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await expect(page.getByTestId('map-label').first()).toBeVisible();
      const labels = await labelBoxes(page);
      // Agadir's two parks, a few hundred metres apart, are told apart by their names.
      const agadir =
        locale === 'fr' ? ['Technopark Agadir', "Cité de l'innovation Souss-Massa"] : ['تكنوبارك أكادير', 'مدينة الابتكار سوس ماسة'];
      expect(labels.map((label) => label.text)).toEqual(expect.arrayContaining(agadir));
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) {
          const apart = a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top;
          expect(apart, `${a.text} / ${b.text}`).toBe(true);
        }
      }
      await page.getByTestId('network-map').screenshot({ path: test.info().outputPath(`map-${locale}-${width}.png`) });
    }
  });
}
