import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Records in CSV text (header included): line ends outside quoted fields, plus a last line without one. */
export function countCsvRecords(text: string): number {
  const counter = csvCounter();
  counter.add(Buffer.from(text));
  return counter.total();
}

/** Counts CSV records as the bytes arrive, without keeping them. */
export function csvCounter() {
  let records = 0;
  let quoted = false;
  let pending = false;
  return {
    add(chunk: Buffer) {
      for (const byte of chunk) {
        if (byte === 0x22) quoted = !quoted;
        if (byte === 0x0a && !quoted) {
          records += 1;
          pending = false;
        } else if (byte !== 0x0d) pending = true;
      }
    },
    total: () => records + (pending ? 1 : 0),
  };
}

/** Rows of the first sheet of an XLSX file (header included), read as a stream. */
export async function countXlsxRows(file: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { worksheets: 'emit', sharedStrings: 'cache' });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const _row of sheet) rows += 1;
    break;
  }
  return rows;
}
