import { Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from './database.js';

/**
 * A query of a hot path prepared once per executor (the pool, or a transaction) under a name unique in the app:
 * Drizzle builds its SQL once instead of on every request, and PostgreSQL parses it once per connection (PGlite
 * ignores the name). The values come as placeholders (`sql.placeholder('id')`), given to `execute`.
 */
export function preparedQuery<Prepared>(
  name: string,
  build: (db: Executor) => { prepare: (name: string) => Prepared },
): (db: Executor) => Prepared {
  const byExecutor = new WeakMap<Executor, Prepared>();
  return (db) => {
    let query = byExecutor.get(db);
    if (!query) {
      query = build(db).prepare(name);
      byExecutor.set(db, query);
    }
    return query;
  };
}

/**
 * `column = any($1::uuid[])`: a list of ids as one array parameter, not one parameter each (a call's ranking
 * reads about a thousand), and the same statement text whatever their number, so that it can be prepared.
 */
export function uuidIn(column: AnyPgColumn, ids: string[] | Placeholder): SQL {
  return sql`${column} = any(${ids instanceof Placeholder ? ids : sql.param(ids)}::uuid[])`;
}
