import { describe, expect, it } from 'vitest';
import { Actor } from './access.js';
import type { ServiceContext } from './context.js';
import { arraySource, defineList, paginate } from './lists.js';

const ctx = { actor: Actor.anonymous(), locale: 'en' } as ServiceContext;
const numbers = (count: number) => arraySource(async () => Array.from({ length: count }, (_, n) => n));

async function collect<Row>(rows: AsyncIterable<Row[]>): Promise<Row[][]> {
  const batches: Row[][] = [];
  for await (const batch of rows) batches.push(batch);
  return batches;
}

describe('the list mechanism', () => {
  it('reads one window with the total', async () => {
    expect(await paginate(numbers(45), { page: 3, pageSize: 20 })).toEqual({
      items: [40, 41, 42, 43, 44],
      total: 45,
      totalExact: true,
      page: 3,
      pageSize: 20,
    });
    expect((await paginate(numbers(45), { page: 9, pageSize: 20 })).items).toEqual([]);
  });

  it('presents each window once and exports every row in batches of 500', async () => {
    const presented: number[] = [];
    const list = defineList({
      name: 'numbers',
      source: () => numbers(1_250),
      present: (_ctx, rows: number[]) => {
        presented.push(rows.length);
        return rows.map((n) => ({ n }));
      },
      columns: () => [{ header: 'export.audit.entityId', kind: 'integer' as const, value: (row: { n: number }) => row.n }],
    });
    const table = await list.exportTable(ctx, {});
    const batches = await collect(table.rows);
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 250]);
    expect(batches.flat().at(-1)).toEqual({ n: 1_249 });
    expect(presented).toEqual([500, 500, 250]);
    expect(table.filename).toBe('numbers');
  });

  it('exports every row however many there are, and reads one batch past a full last one to know it ended', async () => {
    const list = defineList({ name: 'many', source: () => numbers(150_001), columns: () => [] });
    expect((await collect((await list.exportTable(ctx, {})).rows)).flat()).toHaveLength(150_001);
    const even = defineList({ name: 'even', source: () => numbers(1_000), columns: () => [] });
    expect((await collect((await even.exportTable(ctx, {})).rows)).map((batch) => batch.length)).toEqual([500, 500]);
  });
});
