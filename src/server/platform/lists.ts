import { count, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import type { ExportFormat, Page } from '../../contracts/lists.js';
import { cursorBatches } from '../db/cursor.js';
import type { Executor } from '../db/database.js';
import { recordAudit } from './audit/service.js';
import type { ServiceContext } from './context.js';
import type { Column, RowBatches } from './export.js';
import { recordSubjects } from './personal-data/access-log.js';

/** Rows read at a time while an export streams (small enough that the server answers others between batches). */
const exportBatchSize = 500;
/**
 * A page's total is exact up to this many rows (counting them costs little); past it, it is the database planner's
 * estimate, marked `totalExact: false` ("about 12,000"), unless the query asks `count=exact` (a progress figure).
 * Counting everything on every page would make a page of a large network as slow as reading it whole.
 */
export const exactCountLimit = 2_000;

/** Which window of a list to read (the list query schema's page and page size), and how exact its total must be. */
export type ListWindow = { page: number; pageSize: number; count?: 'exact' };

export type ListTotal = { total: number; exact: boolean };

/** Where a list's rows come from: the rows of a window, in the list's order, and how many there are. */
export type ListSource<Row> = {
  rows: (limit: number, offset: number) => Promise<Row[]>;
  count: (mode: 'exact' | 'page') => Promise<ListTotal>;
  /** Every row in order, `size` at a time (an export); by default window after window of `rows`. */
  batches?: (size: number) => AsyncIterable<Row[]>;
};

/** Every row of a source read window after window (OFFSET): what a source without a cursor exports. */
async function* windows<Row>(rows: ListSource<Row>['rows'], size: number): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += size) {
    const batch = await rows(size, offset);
    if (batch.length > 0) yield batch;
    if (batch.length < size) return;
  }
}

/** The planner's estimate of a query's rows (EXPLAIN, nothing run). */
async function estimatedRows(db: Executor, query: SQL): Promise<number> {
  const result = await db.execute<Record<string, unknown>>(sql`explain (format json) ${query}`);
  const cell = Object.values(result.rows[0] ?? {})[0];
  const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as [{ Plan: { 'Plan Rows': number } }];
  return Math.round(plan[0].Plan['Plan Rows']);
}

/**
 * The source of most lists: a Drizzle select with the list's filters (made anew for each use, because a
 * dynamic select is changed in place by orderBy/limit), its order (ending on a unique column, so that
 * pages never overlap), counted as a subquery so that grouped selects count their groups.
 */
export function selectSource<Select extends PgSelect>(
  db: Executor,
  select: () => Select,
  order: (SQL | PgColumn)[],
): ListSource<Awaited<Select>[number]> {
  type Row = Awaited<Select>[number];
  const rows = async (limit: number, offset: number) =>
    (await select()
      .orderBy(...order)
      .limit(limit)
      .offset(offset)) as Row[];
  return {
    rows,
    // An export reads the one ordered select through a cursor where it can (one statement, see cursorBatches).
    batches: (size) => cursorBatches<Row>(db, select().orderBy(...order) as PgSelect, size, () => windows(rows, size)),
    count: async (mode) => {
      const counted = async (limit: number | null) => {
        const rows = limit === null ? sql`${select()}` : sql`${select().limit(limit)}`;
        const [{ total }] = await db.select({ total: count() }).from(sql`(${rows}) as list`);
        return Number(total);
      };
      if (mode === 'exact') return { total: await counted(null), exact: true };
      const upTo = await counted(exactCountLimit + 1);
      if (upTo <= exactCountLimit) return { total: upTo, exact: true };
      return { total: Math.max(upTo, await estimatedRows(db, sql`${select()}`)), exact: false };
    },
  };
}

/** A source over rows already in memory (a ranking computed whole, a file's preview). */
export function arraySource<Row>(all: () => Promise<Row[]>): ListSource<Row> {
  let loaded: Promise<Row[]> | null = null;
  const rows = () => {
    loaded ??= all();
    return loaded;
  };
  return {
    rows: async (limit, offset) => (await rows()).slice(offset, offset + limit),
    count: async () => ({ total: (await rows()).length, exact: true }),
  };
}

/** One page of a source, with its total (see `exactCountLimit`). */
export async function paginate<Row>(source: ListSource<Row>, window: ListWindow): Promise<Page<Row>> {
  const [items, { total, exact }] = await Promise.all([
    source.rows(window.pageSize, (window.page - 1) * window.pageSize),
    source.count(window.count === 'exact' ? 'exact' : 'page'),
  ]);
  return { items, total, totalExact: exact, page: window.page, pageSize: window.pageSize };
}

/**
 * A list and its export in one declaration: the page and the CSV/XLSX file read the same source (same
 * filters, scope and order) and present rows the same way; the export's columns are declared here once.
 */
export type ListDefinition<Input, Row, Item, Header extends object = object> = {
  /** Names the export's file and sheet. */
  name: string;
  /** The rows the actor may read for this input; throws (404, 403) when the list itself may not be read. */
  source: (ctx: ServiceContext, input: Input) => ListSource<Row> | Promise<ListSource<Row>>;
  /** Turns the rows of one window into the items answered (reading, once per window, what the rows need). */
  present?: (ctx: ServiceContext, rows: Row[], input: Input) => Item[] | Promise<Item[]>;
  /**
   * What the page says besides its rows (the call a ranking ranks, the park of a waiting list), merged into the
   * page's answer; the export has the rows only.
   */
  header?: (ctx: ServiceContext, input: Input) => Header | Promise<Header>;
  /** The export's columns, in the reader's language (some depend on the data: a ranking's criteria). */
  columns: (ctx: ServiceContext, input: Input) => Column<Item>[] | Promise<Column<Item>[]>;
  /** Runs before an export is answered, with its row count (an export of personal data is audited). */
  beforeExport?: (ctx: ServiceContext, input: Input, total: number) => Promise<void>;
  /**
   * A list of personal data (Law 09-08): every page read and every export is recorded in the audit log as
   * `<name>.read` / `<name>.export`, with who, the filters and how many rows; `subjects` names the accounts
   * whose data the items show, so that each person sees who read it (`personal_data_reads`).
   */
  personalData?: {
    entityType: string;
    /** The one record the list belongs to (a company's members), when there is one. */
    entityId?: (input: Input) => string;
    subjects?: (ctx: ServiceContext, items: Item[]) => (string | null)[] | Promise<(string | null)[]>;
  };
};

export type ExportTable<Item> = { filename: string; columns: Column<Item>[]; rows: RowBatches<Item> };

export type List<Input, Item, Header extends object = object> = {
  readonly name: string;
  page: (ctx: ServiceContext, input: Input & ListWindow) => Promise<Page<Item> & Header>;
  /** Every row for the input, read in batches as the file is written. */
  exportTable: (ctx: ServiceContext, input: Input) => Promise<ExportTable<Item>>;
};

export function defineList<Input, Row, Item = Row, Header extends object = object>(
  definition: ListDefinition<Input, Row, Item, Header>,
): List<Input, Item, Header> {
  const present = async (ctx: ServiceContext, rows: Row[], input: Input): Promise<Item[]> =>
    definition.present ? definition.present(ctx, rows, input) : (rows as unknown as Item[]);

  return {
    name: definition.name,
    async page(ctx, input) {
      const page = await paginate(await definition.source(ctx, input), input);
      const header = (await definition.header?.(ctx, input)) ?? ({} as Header);
      const items = await present(ctx, page.items, input);
      await recordRead(ctx, definition, 'read', input, page.total);
      await recordReadSubjects(ctx, definition, 'read', items);
      return { ...header, ...page, items };
    },
    async exportTable(ctx, input) {
      const source = await definition.source(ctx, input);
      const { total } = await source.count('exact');
      await definition.beforeExport?.(ctx, input, total);
      await recordRead(ctx, definition, 'export', input, total);
      async function* batches() {
        for await (const rows of source.batches?.(exportBatchSize) ?? windows(source.rows, exportBatchSize)) {
          const items = await present(ctx, rows, input);
          await recordReadSubjects(ctx, definition, 'export', items);
          yield items;
        }
      }
      return { filename: definition.name, columns: await definition.columns(ctx, input), rows: batches() };
    },
  };
}

async function recordReadSubjects<Item>(
  ctx: ServiceContext,
  definition: { name: string; personalData?: ListDefinition<never, never, Item>['personalData'] },
  kind: 'read' | 'export',
  items: Item[],
): Promise<void> {
  const subjects = definition.personalData?.subjects;
  if (!subjects || items.length === 0) return;
  await recordSubjects(ctx, `${definition.name}.${kind}`, await subjects(ctx, items));
}

async function recordRead<Input>(
  ctx: ServiceContext,
  definition: { name: string; personalData?: { entityType: string; entityId?: (input: Input) => string } },
  kind: 'read' | 'export',
  input: Input,
  total: number,
): Promise<void> {
  if (!definition.personalData) return;
  await recordAudit(ctx.db, ctx.actor, {
    action: `${definition.name}.${kind}`,
    entityType: definition.personalData.entityType,
    entityId: definition.personalData.entityId?.(input) ?? '*',
    after: { filters: input, count: total },
  });
}

export type { ExportFormat };
