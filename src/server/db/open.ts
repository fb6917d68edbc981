import type { Config } from '../config.js';
import { type DatabaseHandle, openPglite, openPostgres } from './database.js';
import { lockDataDirectory } from './lock.js';

/** PostgreSQL when DATABASE_URL is set, else PGlite in the data directory (locked against a second process); migrated. */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl);
    await database.migrate();
    return database;
  }
  const release = lockDataDirectory(config.dataDir);
  try {
    const database = await openPglite({ dataDir: config.dataDir });
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
