import { defineConfig } from 'vitest/config';

// Database tests run on the embedded PGlite and, when DATABASE_URL points at a PostgreSQL server, on it too.
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    globalSetup: ['src/server/test/global-setup.ts'],
    setupFiles: ['src/server/test/install-modules.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true as const,
        test: { name: 'pglite', include: ['src/**/*.test.ts'], env: { TEST_DATABASE: 'pglite' } },
      },
      ...(onPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['src/server/**/*.test.ts'],
                // Starting real processes tests the embedded database's lock and start-up, not the engine.
                exclude: ['src/server/main.test.ts'],
                env: { TEST_DATABASE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
