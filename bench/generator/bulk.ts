import type { DatabaseHandle } from '../../src/server/db/database.js';

/** A row as the database names its columns (snake_case), values as JSON gives them. */
export type Row = Record<string, unknown>;

/** Rows per statement: a few thousand, so that one statement carries a few megabytes at most. */
const rowsPerStatement = 2_500;

/**
 * Writes rows in bulk on both engines the same way: one statement per few thousand rows, the rows passed as one
 * JSON parameter and turned into the table's record type by the database (`json_populate_recordset`); the columns
 * a row does not give take their defaults. Answers how many rows were written.
 */
export async function insertRows(database: DatabaseHandle, table: string, rows: Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]);
  const list = columns.map((column) => `"${column}"`).join(', ');
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    await database.executeSql(`insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", $1::json)`, [
      JSON.stringify(chunk),
    ]);
  }
  return rows.length;
}

/** Counts of rows written per table, for the generator's report. */
export class Tally {
  readonly counts = new Map<string, number>();

  constructor(private readonly database: DatabaseHandle) {}

  async insert(table: string, rows: Row[]): Promise<void> {
    const written = await insertRows(this.database, table, rows);
    this.counts.set(table, (this.counts.get(table) ?? 0) + written);
  }

  summary(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
