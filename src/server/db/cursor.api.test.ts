import { asc } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectSource } from '../platform/lists.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import { statementObservers } from './database.js';

const cursorRows = pgTable('cursor_test_rows', {
  id: integer('id').primaryKey(),
  label: text('label').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  score: integer('score'),
});

let context: TestContext;
const total = 1_234;

beforeAll(async () => {
  context = await createTestContext();
  await context.database.executeSql(
    `create table cursor_test_rows (id integer primary key, label text not null, at timestamptz not null, score integer);
     insert into cursor_test_rows select n, 'row ' || n, timestamptz '2026-03-01 09:30:00+00' + n * interval '1 hour', nullif(n % 3, 0)
     from generate_series(1, ${total}) as n;`,
  );
});
afterAll(() => context?.close());

const source = () => {
  const db = context.database.db;
  return selectSource(db, () => db.select().from(cursorRows).$dynamic(), [asc(cursorRows.label), asc(cursorRows.id)]);
};

/** A select source's export batches (selectSource always has them). */
function batchesOf(size: number): AsyncIterable<unknown[]> {
  const batches = source().batches;
  if (!batches) throw new Error('selectSource exports in batches');
  return batches(size);
}

/** The statements run while `run` runs. */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const observe = (text: string) => seen.push(text);
  statementObservers.add(observe);
  try {
    await run();
  } finally {
    statementObservers.delete(observe);
  }
  return seen;
}

async function readAll(batches: AsyncIterable<unknown[]>): Promise<unknown[][]> {
  const read: unknown[][] = [];
  for await (const batch of batches) read.push(batch);
  return read;
}

describe('exports read through a cursor', () => {
  it('reads every row in order, typed as a page reads them, in one statement on PostgreSQL', async () => {
    let batches: unknown[][] = [];
    const statements = await statementsOf(async () => {
      batches = await readAll(batchesOf(500));
    });
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 234]);
    const firstPage = await source().rows(500, 0);
    expect(batches[0]).toEqual(firstPage);
    expect(batches[2].at(-1)).toEqual((await source().rows(1, total - 1))[0]);
    // Timestamps stay the text Drizzle answers for mode 'string', empty scores null, as on a page.
    expect(batches[0][0]).toMatchObject({ label: 'row 1', score: 1 });
    expect(typeof (batches[0][0] as { at: unknown }).at).toBe('string');
    expect(batches[0].some((row) => (row as { score: number | null }).score === null)).toBe(true);
    // PostgreSQL: one statement whatever the rows; PGlite has no cursor and reads windows (the last one short).
    expect(statements).toHaveLength(context.database.kind === 'postgresql' ? 1 : 3);
  });

  it('gives the connection back when the reader stops early, so that later exports still get a cursor', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      for await (const batch of batchesOf(100)) {
        expect(batch).toHaveLength(100);
        break;
      }
    }
    const statements = await statementsOf(async () => {
      expect((await readAll(batchesOf(500))).flat()).toHaveLength(total);
    });
    expect(statements).toHaveLength(context.database.kind === 'postgresql' ? 1 : 3);
  });

  it('reads windows for the exports beyond the cursors it may hold at once, every row for each', async () => {
    if (context.database.kind !== 'postgresql') return;
    const readers = Array.from({ length: 4 }, () => batchesOf(500)[Symbol.asyncIterator]());
    const statements = await statementsOf(async () => {
      // Each of the four holds its first batch: three cursors are open, the fourth reads windows.
      for (const reader of readers) expect((await reader.next())?.value).toHaveLength(500);
    });
    try {
      expect(statements.filter((text) => / limit /.test(text))).toHaveLength(1);
      for (const reader of readers) {
        let rows = 500;
        for (let next = await reader.next(); next && !next.done; next = await reader.next()) rows += next.value.length;
        expect(rows).toBe(total);
      }
    } finally {
      for (const reader of readers) await reader.return?.(undefined);
    }
  });
});
