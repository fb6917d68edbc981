import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { detectMediaType } from '../files/media-types.js';
import type { MessageKey } from '../messages.js';

/**
 * Reading an import file into rows of cells: CSV (comma, semicolon or tab separated, UTF-8 with or without
 * byte-order mark) or the first sheet of an XLSX workbook. What the cells mean is `import-rows.ts`'s business.
 */
export type TableFormat = 'csv' | 'xlsx';
export type CellValue = string | number | boolean | Date | null;
/** One non-empty row with its number as a spreadsheet shows it (the header is usually row 1). */
export type TableRow = { number: number; cells: CellValue[] };

/** A workbook may not unpack to more than this (a small ZIP can hold gigabytes of repeated XML). */
export const maxUnpackedBytes = 150 * 1024 * 1024;

function fileProblem(path: string, key: MessageKey, params?: Record<string, string>) {
  return new AppError('validation', [{ path, key, params }]);
}

function isUtf8Text(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/**
 * What kind of table a file is, judged by its content: an XLSX workbook, or UTF-8 text read as CSV. The
 * name only has to agree: a text file named .xlsx is refused rather than read as something it does not claim to be.
 */
export function tableFormatOf(name: string, content: Buffer, path: string): TableFormat {
  const detected = detectMediaType(content);
  if (detected?.extension === 'xlsx') return 'xlsx';
  const extension = /\.([^./\\]+)$/.exec(name.trim())?.[1]?.toLowerCase() ?? '';
  if (detected) throw fileProblem(path, 'import.file_type');
  if (!isUtf8Text(content)) throw fileProblem(path, extension === 'xls' ? 'import.file_xls' : 'import.file_encoding');
  if (extension === 'xlsx' || extension === 'xls') throw fileProblem(path, 'import.file_not_xlsx', { extension });
  return 'csv';
}

/** The separator of a CSV: the most frequent of `;`, `,` and tab in its first record (French Excel writes `;`). */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold separators, doubled quotes and line breaks).
 * A quote inside an unquoted field is kept as written, as spreadsheets do.
 */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[index + 1] === '"') {
        field += '"';
        index++;
      } else quoted = false;
    } else if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (fieldStarted || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * The uncompressed size of a ZIP archive's entries, read from its central directory before anything is
 * unpacked; null when the directory cannot be found or uses ZIP64 (sizes too large for 32 bits).
 */
export function unpackedZipSize(content: Buffer): number | null {
  const endSignature = 0x06054b50;
  const searchFrom = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let offset = content.length - 22; offset >= searchFrom; offset--) {
    if (content.readUInt32LE(offset) === endSignature) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const entries = content.readUInt16LE(end + 10);
  let offset = content.readUInt32LE(end + 16);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (offset + 46 > content.length || content.readUInt32LE(offset) !== 0x02014b50) return null;
    const size = content.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return null;
    total += size;
    offset += 46 + content.readUInt16LE(offset + 28) + content.readUInt16LE(offset + 30) + content.readUInt16LE(offset + 32);
  }
  return total;
}

/** A cell of exceljs as plain text, number, boolean or date (formulas give their result, links their text). */
export function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return plainCell(value.text as ExcelJS.CellValue);
  if ('result' in value) return plainCell((value.result ?? null) as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('error' in value) return value.error;
  return null;
}

function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

async function readXlsx(content: Buffer, path: string): Promise<TableRow[]> {
  const unpacked = unpackedZipSize(content);
  if (unpacked === null) throw fileProblem(path, 'import.file_unreadable');
  if (unpacked > maxUnpackedBytes) throw fileProblem(path, 'import.file_too_large_unpacked');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw fileProblem(path, 'import.file_unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: CellValue[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(plainCell(row.getCell(column).value));
    if (!cells.every(isBlank)) rows.push({ number, cells });
  });
  return rows;
}

/** The non-empty rows of the file, header included, each with its number in the file. */
export async function readTable(content: Buffer, format: TableFormat, path = 'file'): Promise<TableRow[]> {
  if (format === 'xlsx') return readXlsx(content, path);
  const records = parseCsv(content.toString('utf8'));
  return records.map((cells, index) => ({ number: index + 1, cells: cells as CellValue[] })).filter((row) => !row.cells.every(isBlank));
}

/** A cell as trimmed text: dates as yyyy-mm-dd, whole numbers without exponent. */
export function textOf(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDateOfCell(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) ? BigInt(cell).toString() : String(cell);
  return String(cell).trim();
}

export function isoDateOfCell(date: Date): string {
  // Spreadsheet dates carry no time zone: exceljs gives them at midnight UTC, so the UTC day is the day written.
  return date.toISOString().slice(0, 10);
}
