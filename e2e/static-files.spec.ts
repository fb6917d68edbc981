import { expect, test } from '@playwright/test';

const acceptsCompression = { 'accept-encoding': 'gzip, deflate, br' };

// The built app as the platform serves it: the release's files (named by their content's hash) compressed and kept a
// year, the page itself asked again on every visit so that a new release is seen at once.
test('the built files are sent compressed and cached for good, the page revalidated', async ({ request }) => {
  const page = await request.get('/', { headers: acceptsCompression });
  expect(page.headers()['cache-control']).toBe('no-cache');
  expect(page.headers()['content-encoding']).toBe('br');
  const files = [...(await page.text()).matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  // The entry, the libraries' chunks it preloads, and the styles.
  expect(files.length).toBeGreaterThanOrEqual(3);
  for (const file of files) {
    const response = await request.get(file, { headers: acceptsCompression });
    expect(response.status(), file).toBe(200);
    expect(response.headers()['content-encoding'], file).toBe('br');
    expect(response.headers()['cache-control'], file).toBe('public, max-age=31536000, immutable');
  }
  const gzip = await request.get(files[0], { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');

  // A page's address the web app routes itself gets the same page, as revalidated; a file of no release is missing.
  const deepLink = await request.get('/companies', { headers: acceptsCompression });
  expect(deepLink.headers()['content-type']).toMatch(/^text\/html/);
  expect(deepLink.headers()['cache-control']).toBe('no-cache');
  expect((await request.get('/assets/index-Missing0.js')).status()).toBe(404);
});
