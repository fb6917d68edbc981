import { defineConfig } from 'vitest/config';

// Three tiers (README): unit tests of pure code (`*.test.ts`), API tests over HTTP and a real database
// (`*.api.test.ts`: PGlite always, PostgreSQL too when DATABASE_URL is set), and browser journeys (Playwright, e2e/).
const onPostgres = Boolean(process.env.DATABASE_URL);
const apiTests = 'src/**/*.api.test.ts';
// The bench's smoke run (bench/, issue 9) is an API test too: it generates a tiny network and serves it.
const benchTests = 'bench/**/*.api.test.ts';

export default defineConfig({
  test: {
    setupFiles: ['src/server/test/install-modules.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one file at a time on two cores (CPUs - 1); the database tests wait on their databases,
    // mail servers and child processes as much as they compute, so three at once take 3.8 min instead of about 8.
    maxWorkers: 3,
    projects: [
      {
        extends: true as const,
        test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: [apiTests] },
      },
      {
        extends: true as const,
        test: {
          name: 'api-pglite',
          include: [apiTests, benchTests],
          globalSetup: ['src/server/test/global-setup.ts'],
          env: { TEST_DATABASE: 'pglite' },
        },
      },
      ...(onPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'api-postgres',
                include: [apiTests, benchTests],
                // Starting real processes tests the embedded database's lock and start-up, and its template, not the engine.
                exclude: ['src/server/main.api.test.ts', 'src/server/db/template.api.test.ts'],
                globalSetup: ['src/server/test/global-setup.ts'],
                env: { TEST_DATABASE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
