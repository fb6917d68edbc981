import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
/**
 * Both drivers expose the same query API; we type against the node-postgres one. Queries are built from each
 * module's tables (no relational query API), so the connection needs no schema.
 */
export type Database = NodePgDatabase;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgresql';

/**
 * Raw SQL for libraries that bring their own (pg-boss): one statement with values, or a script of several
 * statements without values (its own BEGIN…COMMIT inside the one script is fine). Answers the last statement's rows.
 */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[]; rowCount: number }>;

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  executeSql: ExecuteSql;
  version: () => Promise<string>;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

// int8 arrives as a string from node-postgres and as a number from PGlite: make it a number everywhere.
pg.types.setTypeParser(20, (value) => Number(value));

export class DatabaseUnavailableError extends Error {}

/**
 * Who is told of every statement the app runs through Drizzle (text and parameters): the bench counts and
 * replays them. Empty in the app, where it costs one loop over nothing per statement.
 */
export const statementObservers = new Set<(text: string, params: unknown[]) => void>();
const logger = {
  logQuery: (text: string, params: unknown[]) => {
    for (const observe of statementObservers) observe(text, params);
  },
};

/**
 * Ends the pool and waits until every connection is really closed: pool.end() resolves as soon as the
 * clients are told to end, and a connection still closing then can be cut by whoever drops the database.
 */
async function closePool(pool: pg.Pool): Promise<void> {
  const open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    let removed = 0;
    if (open === 0) resolve();
    pool.on('remove', () => {
      removed += 1;
      if (removed >= open) resolve();
    });
  });
  await pool.end();
  await closed;
}

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`database: cannot connect to DATABASE_URL (${(error as Error).message})`);
  }
  const db = drizzlePostgres(pool, { logger });
  return {
    db,
    kind: 'postgresql',
    executeSql: async (text, values) => {
      // A script of several statements answers one result per statement; a failed one discards its connection.
      const result = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
    },
    version: () => serverVersion(db),
    migrate: () => migratePostgres(db, { migrationsFolder }),
    close: () => closePool(pool),
  };
}

/** dataDir undefined → in memory; loadDataDir → start from a dumped template (tests). */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<DatabaseHandle> {
  const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  await client.waitReady;
  const db = drizzlePglite(client, { logger }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    executeSql: async (text, values) => {
      try {
        if (values?.length) {
          const result = await client.query<Record<string, unknown>>(text, values);
          return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
        }
        const results = await client.exec(text);
        const last = results.at(-1);
        return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.affectedRows ?? 0 };
      } catch (error) {
        // A failed script that had begun a transaction leaves the one session inside it: end it for the next caller.
        if (client.isInTransaction()) await client.exec('rollback');
        throw error;
      }
    },
    version: () => serverVersion(db),
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
    },
    close: () => client.close(),
    // exposed for the test template
    ...({ client } as object),
  };
}

async function serverVersion(db: Database): Promise<string> {
  const result = await db.execute<{ server_version: string }>(sql`show server_version`);
  return String(result.rows[0].server_version);
}
