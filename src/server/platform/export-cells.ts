import { parkTimeZone } from '../../shared/calendar.js';
import type { Locale } from '../../shared/locales.js';
import { type MessageKey, translate } from './messages.js';

/**
 * What an export's cell holds, so that each writer renders it once and a spreadsheet can compute with it:
 * - `text` (the default): words, codes already turned into labels;
 * - `boolean`: yes / no in the reader's language;
 * - `integer`, `number` (`decimals` rounds it): numbers;
 * - `percent`: percentage points (12.5 for 12.5 %), an XLSX fraction (0.125) shown as a percentage;
 * - `amount`: integer centimes, written as MAD (1250000.50);
 * - `date`: a local date (yyyy-mm-dd), or an instant read as its date in the park's time zone;
 * - `instant`: an instant (ISO text or Date), written as the park's local date and time.
 */
export type ColumnKind = 'text' | 'boolean' | 'integer' | 'number' | 'percent' | 'amount' | 'date' | 'instant';

type Empty = null | undefined;
type Value<Row, T> = (row: Row) => T | Empty;

/** One column of an export: its header (a message key, read in the reader's language), its kind and its value for a row. */
export type Column<Row> = { header: MessageKey } & (
  | { kind?: 'text'; value: Value<Row, string> }
  | { kind: 'boolean'; value: Value<Row, boolean> }
  | { kind: 'integer' | 'percent' | 'amount'; value: Value<Row, number> }
  | { kind: 'number'; decimals?: number; value: Value<Row, number> }
  | { kind: 'date' | 'instant'; value: Value<Row, string | Date> }
);

export type CellValue = string | number | boolean | Date | Empty;

/** How a language writes CSV: the same separators as the companies import template, so a file goes back and forth. */
export const csvConventions: Record<Locale, { delimiter: ',' | ';'; decimal: ',' | '.' }> = {
  fr: { delimiter: ';', decimal: ',' },
  ar: { delimiter: ';', decimal: ',' },
  en: { delimiter: ',', decimal: '.' },
};

// Marks Intl and pasted text put around Arabic and numbers: invisible, yet they make a cell differ from what it shows.
const bidiControls = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
export const withoutBidiControls = (text: string) => text.replace(bidiControls, '');

const localParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: parkTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The park's wall-clock time at an instant (UTC+1, UTC+0 during Ramadan). */
function wallClock(instant: Date): Wall {
  const parts = Object.fromEntries(localParts.formatToParts(instant).map((part) => [part.type, part.value]));
  const number = (name: string) => Number.parseInt(parts[name] ?? '0', 10);
  return {
    year: number('year'),
    month: number('month'),
    day: number('day'),
    hour: number('hour'),
    minute: number('minute'),
    second: number('second'),
  };
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function wallOf(value: string | Date, kind: 'date' | 'instant'): Wall | null {
  const day = typeof value === 'string' ? isoDate.exec(value) : null;
  if (day) return { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), hour: 0, minute: 0, second: 0 };
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return null;
  const wall = wallClock(instant);
  return kind === 'date' ? { ...wall, hour: 0, minute: 0, second: 0 } : wall;
}

const two = (n: number) => String(n).padStart(2, '0');
const dateText = (wall: Wall) => `${wall.year}-${two(wall.month)}-${two(wall.day)}`;

/** A local date as `2026-12-02`, an instant as the park's `2026-12-02 14:30`: the CSV's one form, in every language. */
export function localDateText(value: string | Date, kind: 'date' | 'instant'): string {
  const wall = wallOf(value, kind);
  if (!wall) return '';
  return kind === 'date' ? dateText(wall) : `${dateText(wall)} ${two(wall.hour)}:${two(wall.minute)}`;
}

const plainNumbers = new Map<number | undefined, Intl.NumberFormat>();
function plainNumber(value: number, decimals: number | undefined, decimal: string): string {
  let format = plainNumbers.get(decimals);
  if (!format) {
    // No grouping: a thousands separator would make the number text to a spreadsheet of another language.
    const digits =
      decimals === undefined ? { maximumFractionDigits: 10 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
    format = new Intl.NumberFormat('en-US', { useGrouping: false, ...digits });
    plainNumbers.set(decimals, format);
  }
  return format.format(value).replace('.', decimal);
}

function decimalsOf<Row>(column: Column<Row>): number | undefined {
  if (column.kind === 'amount') return 2;
  if (column.kind === 'integer') return 0;
  return column.kind === 'number' ? column.decimals : undefined;
}

/** A cell of the CSV as text, and whether it is text a spreadsheet might run as a formula (numbers and dates are not). */
export function csvCell<Row>(column: Column<Row>, row: Row, locale: Locale): { text: string; isText: boolean } {
  const value: CellValue = column.value(row);
  if (value === null || value === undefined || value === '') return { text: '', isText: false };
  switch (column.kind) {
    case 'boolean':
      return { text: translate(locale, value ? 'value.yes' : 'value.no'), isText: true };
    case 'integer':
    case 'number':
    case 'percent':
    case 'amount': {
      const amount = column.kind === 'amount' ? (value as number) / 100 : (value as number);
      return { text: plainNumber(amount, decimalsOf(column), csvConventions[locale].decimal), isText: false };
    }
    case 'date':
    case 'instant':
      return { text: localDateText(value as string | Date, column.kind), isText: false };
    default:
      return { text: withoutBidiControls(String(value)), isText: true };
  }
}

/** Excel's number format of a column (none: General). Dates and times are the same unambiguous form as the CSV's. */
export function xlsxNumberFormat<Row>(column: Column<Row>): string | undefined {
  switch (column.kind) {
    case 'amount':
      return '#,##0.00 "MAD"';
    case 'percent':
      return '0.0%';
    case 'date':
      return 'yyyy-mm-dd';
    case 'instant':
      return 'yyyy-mm-dd hh:mm';
    case 'number':
      return column.decimals ? `#,##0.${'0'.repeat(column.decimals)}` : undefined;
    default:
      return undefined;
  }
}

/**
 * A cell of the XLSX as a typed value: numbers as numbers (MAD from centimes, percentages as fractions), dates
 * and times as dates. A spreadsheet has no time zone: an instant is written as the park's wall-clock time.
 */
export function xlsxCell<Row>(column: Column<Row>, row: Row, locale: Locale): string | number | Date | null {
  const value: CellValue = column.value(row);
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind) {
    case 'boolean':
      return translate(locale, value ? 'value.yes' : 'value.no');
    case 'integer':
    case 'number':
      return value as number;
    case 'percent':
      return (value as number) / 100;
    case 'amount':
      return (value as number) / 100;
    case 'date':
    case 'instant': {
      const wall = wallOf(value as string | Date, column.kind);
      return wall ? new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)) : null;
    }
    default:
      return withoutBidiControls(String(value));
  }
}

/** Several labels in one cell, with the reader's comma (the Arabic one in Arabic; the companies import reads both). */
export function joinList(items: readonly string[], locale: Locale): string {
  return items.join(locale === 'ar' ? '، ' : ', ');
}

/** A code's label in the reader's language, or the code itself when the catalog has no wording for it. */
export function labelOr(locale: Locale, key: string, code: string): string {
  const label = translate(locale, key);
  return label === key ? code : label;
}
