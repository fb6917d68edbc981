import type { ImportField, ImportProblem } from '../../../../contracts/company-imports.js';
import type { Locale } from '../../../../shared/locales.js';
import { isMessageKey, type MessageKey, translate } from '../../../platform/messages.js';

/**
 * A problem of an import as kept with it: the row as numbered in the file (header = 1; 0 for the whole file),
 * the header as written in the file (null when the file has no such column), the field it stands for, and a
 * message key with parameters, worded in the reader's language when read (`describeProblem`).
 */
export type ImportProblemRecord = {
  row: number;
  column: string | null;
  field: ImportField | null;
  key: MessageKey;
  params?: Record<string, string>;
};

/** The file's header row: each column and the field it was recognized as (null: ignored). */
export type ColumnMapping = { header: string; field: ImportField | null }[];

/** A problem of the whole file (or of one row, without a column). */
export const fileProblem = (key: MessageKey, params?: Record<string, string>, row = 0): ImportProblemRecord => ({
  row,
  column: null,
  field: null,
  key,
  params,
});

/** A problem in the reader's language; the column is the file's header, or our name for it when the file lacks it. */
export function describeProblem(problem: ImportProblemRecord, locale: Locale): ImportProblem {
  const params = Object.fromEntries(
    Object.entries(problem.params ?? {}).map(([name, value]) => [
      name,
      (name === 'column' || name === 'status') && isMessageKey(value) ? translate(locale, value) : value,
    ]),
  );
  return {
    row: problem.row,
    column: problem.column ?? (problem.field ? translate(locale, `import.column.${problem.field}`) : ''),
    message: translate(locale, problem.key, params),
  };
}
