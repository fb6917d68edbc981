import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const compressible = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build, at the strongest settings (done once per
 * build, not per request): the platform's static server sends them to browsers that accept them (src/server/web-app.ts).
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  return {
    name: 'technopark-precompress',
    apply: 'build',
    async writeBundle(options) {
      const dir = options.dir as string;
      const files = (await readdir(dir, { recursive: true })).filter((name) => compressible.test(name));
      await Promise.all(
        files.map(async (name) => {
          const content = await readFile(join(dir, name));
          const br = brotli(content, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
          });
          await writeFile(join(dir, `${name}.br`), await br);
          await writeFile(join(dir, `${name}.gz`), await gzipped(content, { level: constants.Z_BEST_COMPRESSION }));
        }),
      );
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Each page is its own chunk (lazy route components, src/web/routes/*/index.tsx). The libraries every page
        // needs from the start are kept apart from the app's code, which changes more often: after a release a
        // returning browser still has them. Libraries only some pages use (charts, date pickers) stay with those pages.
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, tags: ['$initial'], priority: 3 },
            { name: 'vendor-mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/, tags: ['$initial'], priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  // `npx vite` serves the pages with hot reload; API_URL names the API server when it is not on port 3000.
  // '/api/' (not '/api', which would also catch the web's own api.ts); the pages' requests reach the API as from
  // its public address (PUBLIC_URL), the only origin its same-origin check accepts.
  server: {
    proxy: {
      '/api/': {
        target: process.env.API_URL ?? 'http://127.0.0.1:3000',
        changeOrigin: false,
        headers: { origin: process.env.PUBLIC_URL ?? 'http://localhost:3000' },
      },
    },
  },
});
