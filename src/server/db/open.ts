import type { Config } from '../config.js';
import { type DatabaseHandle, openPglite, openPostgres } from './database.js';
import { lockDataDirectory } from './lock.js';
import { buildTemplateFiles, isNewDataDirectory, type TemplateFiles, usableTemplate } from './template.js';

/**
 * PostgreSQL when DATABASE_URL is set, else PGlite in the data directory (locked against a second process); migrated.
 * A new PGlite directory starts from the build's template when it is this build's (db/template.ts).
 */
export async function openConfiguredDatabase(config: Config, templateFiles: TemplateFiles = buildTemplateFiles): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl);
    await database.migrate();
    return database;
  }
  const release = lockDataDirectory(config.dataDir);
  try {
    const template = isNewDataDirectory(config.dataDir) ? usableTemplate(templateFiles) : null;
    const database = await openPglite({ dataDir: config.dataDir, loadDataDir: template ?? undefined });
    await database.migrate();
    return {
      ...database,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
