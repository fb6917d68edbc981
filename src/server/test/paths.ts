export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's migrated templates: several test runs may share a machine and a PostgreSQL server. */
    pgliteTemplatePath: string;
    postgresTemplateName: string;
  }
}
