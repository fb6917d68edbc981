import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleError } from './platform/error-handler.js';
import type { App } from './platform/http.js';
import { hashedAssetCaching, pageCaching, registerWebApp } from './web-app.js';

// A web build as `npm run build` writes it (vite.config.ts): hashed files under assets/, each text file beside its
// .br and .gz.
const page = '<!doctype html><html><head><script type="module" src="/assets/index-AbCd1234.js"></script></head></html>';
const script = `export const words = ${JSON.stringify('Technopark '.repeat(500))};`;
let root: string;
let app: App;

function writeBuilt(path: string, content: string) {
  writeFileSync(join(root, path), content);
  writeFileSync(join(root, `${path}.br`), brotliCompressSync(content));
  writeFileSync(join(root, `${path}.gz`), gzipSync(content));
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'technopark-web-'));
  mkdirSync(join(root, 'assets'));
  writeBuilt('index.html', page);
  writeBuilt('assets/index-AbCd1234.js', script);
  writeFileSync(join(root, 'assets/logo-Xy12Zw34.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  app = Fastify() as unknown as App;
  app.setErrorHandler(handleError);
  await registerWebApp(app, root);
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the web app as served', () => {
  it('sends hashed files compressed, br first, and cached for a year as immutable', async () => {
    const br = await app.inject({ url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(hashedAssetCaching);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gzip = await app.inject({ url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe(hashedAssetCaching);

    // A client that accepts no compression gets the file itself, as long-lived.
    const plain = await app.inject({ url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe(hashedAssetCaching);

    const image = await app.inject({ url: '/assets/logo-Xy12Zw34.png', headers: { 'accept-encoding': 'br' } });
    expect(image.statusCode).toBe(200);
    expect(image.headers['cache-control']).toBe(hashedAssetCaching);
  });

  it('has the page asked again on every visit, at its address and as the fallback of the routes it draws', async () => {
    for (const url of ['/', '/index.html', '/companies/3f1c2b9e-0000-4000-8000-000000000000?tab=reports']) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe(pageCaching);
      expect(response.headers['content-encoding'], url).toBe('br');
    }
  });

  it('answers a missing file of the assets, or an unknown API path, with a 404 and not the page', async () => {
    const asset = await app.inject({ url: '/assets/index-Old00000.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.headers['content-type']).toMatch(/json/);
    expect((await app.inject({ url: '/api/v1/nothing' })).statusCode).toBe(404);
  });
});
