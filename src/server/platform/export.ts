import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { ExportFormat } from '../../contracts/lists.js';
import { localToday } from '../../shared/calendar.js';
import type { Locale } from '../../shared/locales.js';
import { type MessageKey, translate } from './messages.js';

export type CellValue = string | number | boolean | null | undefined;

/**
 * One column of an export: its header (a message key, read in the reader's language) and its value for a row.
 * `parkTime` marks instants written on the park's clock: the header says so ("Clôture (heure du Maroc)").
 */
export type Column<Row> = { header: MessageKey; value: (row: Row) => CellValue; parkTime?: boolean };

function headerText<Row>(column: Column<Row>, locale: Locale): string {
  const header = translate(locale, column.header);
  return column.parkTime ? `${header} (${translate(locale, 'time.morocco')})` : header;
}

function cellText(value: CellValue, locale: Locale): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return translate(locale, value ? 'value.yes' : 'value.no');
  return value;
}

function csvField(value: string | number): string {
  const text = String(value);
  // Quote what would break the row, and neutralise cells a spreadsheet would run as formulas.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine<Row>(columns: Column<Row>[], row: Row, locale: Locale): string {
  return columns.map((column) => csvField(cellText(column.value(row), locale))).join(',');
}

function csvHeader<Row>(columns: Column<Row>[], locale: Locale): string {
  // The byte-order mark makes spreadsheet programs read Arabic and accents as UTF-8.
  return `\uFEFF${columns.map((column) => csvField(headerText(column, locale))).join(',')}`;
}

export function toCsv<Row>(columns: Column<Row>[], rows: Row[], locale: Locale): string {
  return `${[csvHeader(columns, locale), ...rows.map((row) => csvLine(columns, row, locale))].join('\r\n')}\r\n`;
}

/** Rows arriving in batches (a list read window by window), so that a large export never sits whole in memory. */
export type RowBatches<Row> = AsyncIterable<Row[]>;

async function* csvChunks<Row>(columns: Column<Row>[], batches: RowBatches<Row>, locale: Locale): AsyncGenerator<string> {
  yield `${csvHeader(columns, locale)}\r\n`;
  for await (const rows of batches) {
    if (rows.length) yield `${rows.map((row) => csvLine(columns, row, locale)).join('\r\n')}\r\n`;
  }
}

/** An XLSX workbook written while the rows arrive (exceljs' streaming writer): one sheet, right to left in Arabic. */
function xlsxStream<Row>(columns: Column<Row>[], batches: RowBatches<Row>, locale: Locale, sheetName: string): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = 'Technopark';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ rightToLeft: locale === 'ar', state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: headerText(column, locale), width: 22 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for await (const rows of batches) {
      for (const row of rows) sheet.addRow(columns.map((column) => cellText(column.value(row), locale))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => output.destroy(error as Error));
  return output;
}

async function* oneBatch<Row>(rows: Row[]): RowBatches<Row> {
  yield rows;
}

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Answers rows as a downloadable CSV or XLSX file, headers in the reader's language, streamed as the rows
 * arrive. `rows` is either every row or their batches (see `RowBatches`).
 */
export function sendTable<Row>(
  reply: FastifyReply,
  options: { format: ExportFormat; filename: string; locale: Locale; columns: Column<Row>[]; rows: Row[] | RowBatches<Row> },
) {
  const { format, filename, locale, columns } = options;
  const batches = Array.isArray(options.rows) ? oneBatch(options.rows) : options.rows;
  const date = localToday();
  reply.header('content-disposition', `attachment; filename="${filename}-${date}.${format}"`);
  reply.type(exportContentTypes[format]);
  const body = format === 'csv' ? Readable.from(csvChunks(columns, batches, locale)) : xlsxStream(columns, batches, locale, filename);
  return reply.send(body);
}
