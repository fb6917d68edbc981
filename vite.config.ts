import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
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
