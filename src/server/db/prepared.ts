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
