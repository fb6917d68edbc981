import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { ExportFormat } from '../../contracts/lists.js';
import type { Locale } from '../../shared/locales.js';
import { type Column, csvCell, csvConventions, localDateText, withoutBidiControls, xlsxCell, xlsxNumberFormat } from './export-cells.js';
import { translate } from './messages.js';

export { type CellValue, type Column, type ColumnKind, csvConventions, joinList, labelOr, localDateText } from './export-cells.js';

function csvField(text: string, isText: boolean, delimiter: string): string {
  // Neutralise text a spreadsheet would run as a formula (numbers such as -3,5 are numbers, left alone).
  const safe = isText && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  // Quote what would break the row: quotes, line breaks and the language's separator (not a French decimal comma).
  return safe.includes(delimiter) || /["\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine<Row>(columns: Column<Row>[], row: Row, locale: Locale): string {
  const { delimiter } = csvConventions[locale];
  return columns
    .map((column) => {
      const cell = csvCell(column, row, locale);
      return csvField(cell.text, cell.isText, delimiter);
    })
    .join(delimiter);
}

/** The header in the reader's language; an instant column says it is on the park's clock ("Clôture (heure du Maroc)"). */
function headerText<Row>(column: Column<Row>, locale: Locale): string {
  const header = translate(locale, column.header);
  return withoutBidiControls(column.kind === 'instant' ? `${header} (${translate(locale, 'time.morocco')})` : header);
}

function csvHeader<Row>(columns: Column<Row>[], locale: Locale): string {
  // The byte-order mark makes spreadsheet programs read Arabic and accents as UTF-8.
  const { delimiter } = csvConventions[locale];
  return `\uFEFF${columns.map((column) => csvField(headerText(column, locale), true, delimiter)).join(delimiter)}`;
}

/**
 * Rows as CSV in the reader's language: separators of the companies import template (`;` and decimal comma in
 * French and Arabic, `,` and decimal point in English), dates `2026-12-02`, times `2026-12-02 14:30` in the park's time zone.
 */
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

const columnWidths: Partial<Record<NonNullable<Column<unknown>['kind']>, number>> = { date: 12, instant: 17, boolean: 10, integer: 12 };

/** How much sheet XML may wait for the zip's compressor before the next batch of rows is read. */
const sheetBacklogBytes = 256 * 1024;

/**
 * The stream exceljs' worksheet writer pipes into the zip (its `_stream.pipes[0]`, an archiver PassThrough),
 * found only once the first row is written; null if a later exceljs is built otherwise (then only the
 * reply's own backpressure paces the rows, as before).
 */
function sheetEntryInput(sheet: ExcelJS.Worksheet): { stream: NodeJS.EventEmitter; bufferedBytes: () => number } | null {
  const entry = (sheet as unknown as { _stream?: { pipes?: { _writableState?: { length: number } }[] } })._stream?.pipes?.[0];
  if (!entry?._writableState) return null;
  const state = entry._writableState;
  return { stream: entry as unknown as NodeJS.EventEmitter, bufferedBytes: () => state.length };
}

/**
 * An XLSX workbook written while the rows arrive (exceljs' streaming writer): one sheet, right to left in Arabic,
 * cells typed (numbers, MAD amounts, percentages, dates) so that a spreadsheet computes with them.
 */
function xlsxStream<Row>(columns: Column<Row>[], batches: RowBatches<Row>, locale: Locale, sheetName: string): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = 'Technopark';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ rightToLeft: locale === 'ar', state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: headerText(column, locale), width: columnWidths[column.kind ?? 'text'] ?? 22 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const formats = columns.map((column) => xlsxNumberFormat(column));
  // One listener for the reader going away, whatever the number of waits (a new one per wait would pile up).
  const closed = once(output, 'close').catch(() => {});
  (async () => {
    for await (const rows of batches) {
      // Rows are read only as fast as the reader takes the file: the zip writer pipes into `output`, which says when it is full.
      while (output.writableNeedDrain && !output.destroyed) await Promise.race([once(output, 'drain'), closed]);
      // exceljs writes the sheet into its zip entry without asking whether it is full: wait while the entry's
      // input holds more than a batch, or a reader slower than the rows would leave the whole sheet in memory.
      for (let entry = sheetEntryInput(sheet); entry && entry.bufferedBytes() > sheetBacklogBytes && !output.destroyed; ) {
        await Promise.race([once(entry.stream, 'drain'), closed]);
      }
      if (output.destroyed) return;
      for (const row of rows) {
        const line = sheet.addRow(columns.map((column) => xlsxCell(column, row, locale)));
        formats.forEach((format, index) => {
          if (format) line.getCell(index + 1).numFmt = format;
        });
        line.commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => output.destroy(error as Error));
  return output;
}

/** A whole XLSX file in memory (tests, small tables): the same workbook `sendTable` streams. */
export async function toXlsx<Row>(
  columns: Column<Row>[],
  rows: Row[] | RowBatches<Row>,
  locale: Locale,
  sheetName = 'export',
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const batches = Array.isArray(rows) ? oneBatch(rows) : rows;
  for await (const chunk of xlsxStream(columns, batches, locale, sheetName)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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
  // Today in the park's time zone: after 23:00 UTC (midnight in Casablanca) the file is already of the next day.
  const date = localDateText(new Date(), 'date');
  reply.header('content-disposition', `attachment; filename="${filename}-${date}.${format}"`);
  reply.type(exportContentTypes[format]);
  const body = format === 'csv' ? Readable.from(csvChunks(columns, batches, locale)) : xlsxStream(columns, batches, locale, filename);
  return reply.send(body);
}
