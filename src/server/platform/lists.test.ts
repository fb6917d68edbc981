import { describe, expect, it } from 'vitest';
import { Actor } from './access.js';
import type { ServiceContext } from './context.js';
import { AppError } from './errors.js';
import { arraySource, defineList, exportRowLimit, paginate } from './lists.js';

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
      page: 3,
      pageSize: 20,
    });
    expect((await paginate(numbers(45), { page: 9, pageSize: 20 })).items).toEqual([]);
  });

  it('presents each window once and exports every row in batches of 1,000', async () => {
    const presented: number[] = [];
    const list = defineList({
      name: 'numbers',
      source: () => numbers(2_500),
      present: (_ctx, rows: number[]) => {
        presented.push(rows.length);
        return rows.map((n) => ({ n }));
      },
      columns: () => [{ header: 'export.audit.entityId', kind: 'integer' as const, value: (row: { n: number }) => row.n }],
    });
    const table = await list.exportTable(ctx, {});
    const batches = await collect(table.rows);
    expect(batches.map((batch) => batch.length)).toEqual([1_000, 1_000, 500]);
    expect(batches.flat().at(-1)).toEqual({ n: 2_499 });
    expect(presented).toEqual([1_000, 1_000, 500]);
    expect(table.filename).toBe('numbers');
  });

  it(`refuses an export past ${exportRowLimit} rows instead of cutting it, before reading any row`, async () => {
    let exported = false;
    const list = defineList({
      name: 'many',
      source: () => numbers(exportRowLimit + 1),
      columns: () => [],
      beforeExport: async () => {
        exported = true;
      },
    });
    const refusal = await list.exportTable(ctx, {}).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('export_too_large');
    expect((refusal as AppError).status).toBe(422);
    expect(exported).toBe(false);
    const atLimit = defineList({ name: 'limit', source: () => numbers(exportRowLimit), columns: () => [] });
    expect((await collect((await atLimit.exportTable(ctx, {})).rows)).flat()).toHaveLength(exportRowLimit);
  });
});
