import { defineConfig } from 'drizzle-kit';

// Every schema file of the platform and of the modules: a new module's tables are found without editing this.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/server/platform/**/schema.ts', './src/server/modules/**/schema.ts'],
  out: './migrations',
});
