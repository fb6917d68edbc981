import type { z } from 'zod';
import type { ImportField } from '../../../../contracts/company-imports.js';
import { type CellValue, isoDateOfCell, type TableRow, textOf } from '../../../platform/imports/table.js';
import { isMessageKey, type MessageKey } from '../../../platform/messages.js';
import type { ColumnMapping, ImportProblemRecord } from './import-problems.js';
import { compact } from './import-vocabulary.js';

/** How the cells of one row are read and checked, each problem noted on its column (import-rows.ts reads the fields). */

function realDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A date cell: an Excel date, yyyy-mm-dd (a time after it is ignored) or dd/mm/yyyy (also with - or .). */
export function parseDateCell(cell: CellValue | undefined): { date: string | null } | { invalid: string } {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { invalid: '' } : { date: isoDateOfCell(cell) };
  const text = textOf(cell);
  if (!text) return { date: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+Z?)?$/.exec(text);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const date = iso
    ? realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : french
      ? realDate(Number(french[3]), Number(french[2]), Number(french[1]))
      : null;
  return date ? { date } : { invalid: text };
}

/** The message of a failed check of the company form's rules, as an import problem. */
function problemOfIssue(issue: z.core.$ZodIssue, formatKey?: MessageKey): { key: MessageKey; params?: Record<string, string> } {
  if (issue.message.startsWith('validation.') && isMessageKey(issue.message)) return { key: issue.message };
  if (issue.code === 'too_big') return { key: 'import.too_long', params: { max: String(issue.maximum) } };
  if (issue.code === 'too_small') return { key: 'validation.required' };
  if (issue.code === 'invalid_format') {
    if (formatKey) return { key: formatKey };
    if (issue.format === 'email') return { key: 'import.invalid_email' };
    if (issue.format === 'url') return { key: 'import.invalid_url' };
  }
  return { key: 'import.invalid_value' };
}

export type CellReader = {
  /** The problems noted so far, in the order the cells were read. */
  problems: ImportProblemRecord[];
  cell: (field: ImportField) => CellValue | undefined;
  text: (field: ImportField) => string;
  report: (field: ImportField, key: MessageKey, params?: Record<string, string>) => void;
  /** Checks a value with the form's rule for the field; null (and a problem) when it fails. */
  checked: <Output>(field: ImportField, schema: z.ZodType<Output>, value: unknown, formatKey?: MessageKey) => Output | null;
  /** The same for a field that may stay empty. */
  optional: <Output>(field: ImportField, schema: z.ZodType<Output>, value: string, formatKey?: MessageKey) => Output | null;
  /** A value named by any of its spellings; an unknown one is a problem with the value. */
  lookup: <Code>(field: ImportField, index: Map<string, Code>, key: MessageKey) => Code | null;
  date: (field: ImportField) => { date: string | null; invalid: boolean };
};

/** Reads the cells of one row by the field each column was recognized as. */
export function cellReader(row: TableRow, columns: ColumnMapping): CellReader {
  const problems: ImportProblemRecord[] = [];
  const indexOf = new Map<ImportField, number>();
  columns.forEach((column, index) => {
    if (column.field) indexOf.set(column.field, index);
  });
  const cell = (field: ImportField): CellValue | undefined => {
    const index = indexOf.get(field);
    return index === undefined ? undefined : (row.cells[index] ?? null);
  };
  const text = (field: ImportField) => textOf(cell(field));
  const report = (field: ImportField, key: MessageKey, params?: Record<string, string>) => {
    const index = indexOf.get(field);
    problems.push({ row: row.number, column: index === undefined ? null : columns[index].header, field, key, params });
  };
  const checked = <Output>(field: ImportField, schema: z.ZodType<Output>, value: unknown, formatKey?: MessageKey): Output | null => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const { key, params } = problemOfIssue(result.error.issues[0], formatKey);
    report(field, key, params);
    return null;
  };
  return {
    problems,
    cell,
    text,
    report,
    checked,
    optional: (field, schema, value, formatKey) => (value ? checked(field, schema, value, formatKey) : null),
    lookup: (field, index, key) => {
      const value = text(field);
      if (!value) return null;
      const found = index.get(compact(value));
      if (found === undefined) report(field, key, { value });
      return found ?? null;
    },
    date: (field) => {
      const parsed = parseDateCell(cell(field));
      if ('invalid' in parsed) {
        report(field, 'import.invalid_date', { value: parsed.invalid });
        return { date: null, invalid: true };
      }
      return { date: parsed.date, invalid: false };
    },
  };
}
