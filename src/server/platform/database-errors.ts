/** The PostgreSQL error behind a driver error (Drizzle wraps it in `cause`). */
function postgresError(error: unknown): { code?: string; constraint?: string } | null {
  let current = error as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) {
      return { code: current.code, constraint: current.constraint ?? current.constraint_name };
    }
    current = current.cause as typeof current;
  }
  return null;
}

/** The name of the unique constraint a write violated, or null when it failed for another reason. */
export function violatedUniqueConstraint(error: unknown): string | null {
  const found = postgresError(error);
  return found?.code === '23505' ? (found.constraint ?? '') : null;
}

export function isForeignKeyViolation(error: unknown): boolean {
  return postgresError(error)?.code === '23503';
}

export function isCheckViolation(error: unknown): string | null {
  const found = postgresError(error);
  return found?.code === '23514' ? (found.constraint ?? '') : null;
}

/** Escapes LIKE wildcards in what a user typed. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
