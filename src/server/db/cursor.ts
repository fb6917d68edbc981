import * as drizzle from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Executor } from './database.js';
import { statementObservers } from './database.js';

/**
 * A select read through a server-side cursor (PostgreSQL): one statement, whatever the number of rows, its
 * rows fetched `batchSize` at a time as the reader asks for them, so that a large export neither sits whole in
 * memory nor re-reads the rows before each window (OFFSET). Where there is no cursor to use (PGlite, a
 * transaction's connection, or every cursor connection already busy) the rows come from `otherwise`.
 */
export async function* cursorBatches<Row>(
  db: Executor,
  select: PgSelect,
  batchSize: number,
  otherwise: () => AsyncIterable<Row[]>,
): AsyncGenerator<Row[]> {
  const pool = (db as { $client?: unknown }).$client;
  if (!(pool instanceof pg.Pool) || openCursors >= cursorLimit) {
    yield* otherwise();
    return;
  }
  openCursors += 1;
  try {
    yield* readCursor<Row>(pool, select, batchSize);
  } finally {
    openCursors -= 1;
  }
}

/**
 * How many exports may hold a connection of the pool (10) at once: a download lasts as long as its reader
 * takes, and the other requests keep the rest. The next exports read windows meanwhile.
 */
const cursorLimit = 3;
let openCursors = 0;

/** What Drizzle prepares for a select: the statement, its values, and how its array rows become objects. */
type PreparedSelect = {
  queryString: string;
  params: unknown[];
  fields: unknown;
  joinsNotNullableMap: unknown;
  queryConfig: { types: pg.CustomTypesConfig };
};

// Drizzle's own mapping of a row (its column types: timestamps as text, numbers), exported by the package but not typed.
const mapResultRow = (drizzle as unknown as { mapResultRow: (fields: unknown, row: unknown[], joins: unknown) => unknown }).mapResultRow;

async function* readCursor<Row>(pool: pg.Pool, select: PgSelect, batchSize: number): AsyncGenerator<Row[]> {
  let client: pg.PoolClient | null = null;
  let cursor: Cursor<unknown[]> | null = null;
  try {
    const prepared = (select as unknown as { _prepare: () => PreparedSelect })._prepare();
    client = await pool.connect();
    for (const observe of statementObservers) observe(prepared.queryString, prepared.params);
    cursor = client.query(
      new Cursor<unknown[]>(prepared.queryString, prepared.params, { rowMode: 'array', types: prepared.queryConfig.types }),
    );
    for (;;) {
      const rows = await cursor.read(batchSize);
      if (rows.length === 0) return;
      yield rows.map((row) => mapResultRow(prepared.fields, row, prepared.joinsNotNullableMap) as Row);
      if (rows.length < batchSize) return;
    }
  } finally {
    // A reader that went away (or a failed read) closes the cursor; a connection in doubt is not reused.
    const closed = cursor
      ? await cursor.close().then(
          () => true,
          () => false,
        )
      : true;
    client?.release(closed ? undefined : true);
  }
}
