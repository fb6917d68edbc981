export const pgliteTemplatePath = '.tmp/pglite-template.tar';
export const postgresTemplateName = 'technopark_test_template';

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
