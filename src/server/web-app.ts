import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { AppError } from './platform/errors.js';
import type { App } from './platform/http.js';

/** Where `npm run build` writes the web app (vite.config.ts). */
export const builtWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** A file named by its content's hash never changes: kept a year without asking again. */
export const hashedAssetCaching = 'public, max-age=31536000, immutable';
/** The page (index.html), which names the current release's files: asked again on every visit (a 304 when unchanged). */
export const pageCaching = 'no-cache';

/**
 * The built web app: its files, and its page for every other GET (it routes itself). The build writes each text
 * file also compressed (`.br`, `.gz`, vite.config.ts): a browser that accepts one gets it, others the file itself.
 */
export async function registerWebApp(app: App, root = builtWebRoot) {
  const hasWeb = existsSync(root);
  const assets = join(root, 'assets') + sep;
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', path.startsWith(assets) ? hashedAssetCaching : pageCaching),
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // A file of another release (asked by a page opened before it) is missing, not the page: a script must not get HTML.
    if (request.url.startsWith('/api') || request.url.startsWith('/assets/') || request.method !== 'GET' || !hasWeb) {
      throw new AppError('not_found');
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
