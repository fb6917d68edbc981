import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { ExportFormat } from '../../contracts/lists.js';
import type { Locale } from '../../shared/locales.js';
import { type MessageKey, translate } from './messages.js';

export type Column<Row> = { header: MessageKey; value: (row: Row) => string | number | boolean | null | undefined };

function cellText(value: string | number | boolean | null | undefined, locale: Locale): string | number {
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

export function toCsv<Row>(columns: Column<Row>[], rows: Row[], locale: Locale): string {
  const lines = [columns.map((column) => csvField(translate(locale, column.header))).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(cellText(column.value(row), locale))).join(','));
  // The byte-order mark makes spreadsheet programs read Arabic and accents as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx<Row>(columns: Column<Row>[], rows: Row[], locale: Locale, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Technopark';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ rightToLeft: locale === 'ar', state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: translate(locale, column.header), width: 22 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => cellText(column.value(row), locale)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Answers a list as a downloadable CSV or XLSX file, with headers in the reader's language. */
export async function sendTable<Row>(
  reply: FastifyReply,
  options: { format: ExportFormat; filename: string; locale: Locale; columns: Column<Row>[]; rows: Row[] },
) {
  const { format, filename, locale, columns, rows } = options;
  const date = new Date().toISOString().slice(0, 10);
  reply.header('content-disposition', `attachment; filename="${filename}-${date}.${format}"`);
  if (format === 'csv') {
    return reply.type('text/csv; charset=utf-8').send(toCsv(columns, rows, locale));
  }
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(await toXlsx(columns, rows, locale, filename));
}
