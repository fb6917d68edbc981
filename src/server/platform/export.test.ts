import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../shared/calendar.js';
import { type Column, localDateText, toCsv, toXlsx } from './export.js';

type Row = {
  name: string;
  area: number;
  leasable: boolean;
  funding: number | null;
  share: number | null;
  created: string;
  at: string | null;
};
const columns: Column<Row>[] = [
  { header: 'export.space.name', value: (row) => row.name },
  { header: 'export.space.areaM2', kind: 'number', value: (row) => row.area },
  { header: 'export.space.leasable', kind: 'boolean', value: (row) => row.leasable },
  { header: 'export.report.fundingTotal', kind: 'amount', value: (row) => row.funding },
  { header: 'export.report.exportSharePercent', kind: 'percent', value: (row) => row.share },
  { header: 'export.company.creationDate', kind: 'date', value: (row) => row.created },
  { header: 'export.report.submittedAt', kind: 'instant', value: (row) => row.at },
];
const office: Row = {
  name: 'Bureau "A", 2e',
  area: 24.5,
  leasable: true,
  funding: 125_000_050,
  share: 12.5,
  created: '2021-03-15',
  // 02:56 in Casablanca (UTC+1 outside Ramadan).
  at: '2026-12-02T01:56:00Z',
};
const lines = (csv: string) => csv.split('\r\n');

describe('CSV', () => {
  it('writes French with semicolons and decimal commas, dates and local times in one form, the BOM first', () => {
    const csv = toCsv(columns, [office], 'fr');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines(csv)[0]).toBe(
      '\uFEFFNom;Surface (m²);Louable;Financements obtenus (MAD);Part export (%);Date de création;Déposé le (heure du Maroc)',
    );
    expect(lines(csv)[1]).toBe('"Bureau ""A"", 2e";24,5;oui;1250000,50;12,5;2021-03-15;2026-12-02 02:56');
  });

  it('writes English with commas and decimal points, like the English import template', () => {
    const csv = toCsv(columns, [{ ...office, name: 'Office A', leasable: false }], 'en');
    expect(lines(csv)[1]).toBe('Office A,24.5,no,1250000.50,12.5,2021-03-15,2026-12-02 02:56');
  });

  it('leaves empty cells empty, whatever their kind', () => {
    const csv = toCsv(columns, [{ ...office, funding: null, share: null, at: null }], 'en');
    expect(lines(csv)[1]).toBe('"Bureau ""A"", 2e",24.5,yes,,,2021-03-15,');
  });

  it('neutralises text a spreadsheet would run as a formula, not negative numbers', () => {
    const csv = toCsv(columns, [{ ...office, name: '=cmd|"/c calc"!A1', area: -3.5 }], 'fr');
    const [name, area] = lines(csv)[1].split(';');
    expect(name).toBe(`"'=cmd|""/c calc""!A1"`);
    expect(area).toBe('-3,5');
    expect(lines(toCsv(columns, [{ ...office, name: '@SUM(A1)' }], 'en'))[1].startsWith("'@SUM(A1)")).toBe(true);
  });

  it('writes Arabic with Latin digits and no bidirectional marks, even in text carrying some', () => {
    const arabicDate = formatInstant('2026-12-02T01:56:00Z', 'ar');
    expect(arabicDate).toContain('\u200F');
    const csv = toCsv(columns, [{ ...office, name: `مكتب ${arabicDate}` }], 'ar');
    expect(csv).not.toMatch(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/);
    expect(lines(csv)[1].split(';').slice(1)).toEqual(['24,5', 'نعم', '1250000,50', '12,5', '2021-03-15', '2026-12-02 02:56']);
  });
});

describe('local dates and times', () => {
  it('reads instants in the park time zone, Ramadan included', () => {
    expect(localDateText('2026-12-02T01:56:00Z', 'instant')).toBe('2026-12-02 02:56');
    // Morocco is on UTC+0 during Ramadan (about 18 February to 20 March 2026).
    expect(localDateText('2026-03-01T10:00:00Z', 'instant')).toBe('2026-03-01 10:00');
    expect(localDateText(new Date('2026-07-01T12:05:00Z'), 'instant')).toBe('2026-07-01 13:05');
  });

  it('gives an instant late in the UTC evening the next local day', () => {
    expect(localDateText('2026-12-01T23:30:00Z', 'date')).toBe('2026-12-02');
    expect(localDateText('2026-12-01', 'date')).toBe('2026-12-01');
  });
});

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('XLSX', () => {
  it('types its cells: numbers, MAD amounts, percentages as fractions, dates and local times as dates', async () => {
    const second = { ...office, funding: 49_950, share: 40 };
    const sheet = await readBack(await toXlsx(columns, [office, second], 'fr'));
    const [name, area, leasable, funding, share, created, at] = [1, 2, 3, 4, 5, 6, 7].map((n) => sheet.getRow(2).getCell(n));
    expect(name.value).toBe('Bureau "A", 2e');
    expect(area.value).toBe(24.5);
    expect(leasable.value).toBe('oui');
    expect(funding.value).toBe(1_250_000.5);
    expect(funding.numFmt).toContain('MAD');
    // What SUM adds up: numbers, not the text "1250000.50".
    const fundings = [2, 3].map((row) => sheet.getRow(row).getCell(4).value);
    expect(fundings.every((value) => typeof value === 'number')).toBe(true);
    expect((fundings as number[]).reduce((sum, value) => sum + value, 0)).toBeCloseTo(1_250_500, 2);
    expect(share.value).toBe(0.125);
    expect(share.numFmt).toBe('0.0%');
    expect(created.value).toBeInstanceOf(Date);
    expect((created.value as Date).toISOString()).toBe('2021-03-15T00:00:00.000Z');
    expect(created.numFmt).toBe('yyyy-mm-dd');
    // A spreadsheet has no time zone: the cell holds the park's wall-clock time.
    expect(at.value).toBeInstanceOf(Date);
    expect((at.value as Date).toISOString()).toBe('2026-12-02T02:56:00.000Z');
    expect(at.numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('streams many batches whole, the rows read only as the compressor takes the sheet', async () => {
    let pulled = 0;
    async function* batches() {
      for (let batch = 0; batch < 40; batch += 1) {
        pulled += 1;
        yield Array.from({ length: 500 }, (_, index) => ({ ...office, name: `Bureau ${batch * 500 + index}`, area: index }));
      }
    }
    const sheet = await readBack(await toXlsx(columns, batches(), 'en'));
    expect(pulled).toBe(40);
    expect(sheet.rowCount).toBe(1 + 40 * 500);
    expect(sheet.getRow(1 + 40 * 500).getCell(1).value).toBe('Bureau 19999');
    expect(sheet.getRow(3 + 7 * 500).getCell(2).value).toBe(1);
  });

  it('keeps formula-like text as text, never as a formula', async () => {
    const sheet = await readBack(await toXlsx(columns, [{ ...office, name: '=cmd|"/c calc"!A1' }], 'en'));
    const cell = sheet.getRow(2).getCell(1);
    expect(cell.value).toBe('=cmd|"/c calc"!A1');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });

  it('writes Arabic right to left, without bidirectional marks', async () => {
    const arabicDate = formatInstant('2026-12-02T01:56:00Z', 'ar');
    const sheet = await readBack(await toXlsx(columns, [{ ...office, name: arabicDate }], 'ar'));
    expect(sheet.views[0].rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(1).value).toBe('الاسم');
    expect(String(sheet.getRow(2).getCell(1).value)).not.toMatch(/[\u200E\u200F\u061C]/);
    expect(sheet.getRow(2).getCell(3).value).toBe('نعم');
  });

  it('says in the header of an instant column that it is written on the park’s clock', () => {
    const instants: Column<{ at: string }>[] = [{ header: 'export.call.closesAt', kind: 'instant', value: (row) => row.at }];
    expect(toCsv(instants, [{ at: '2026-10-15T16:00:00Z' }], 'fr')).toBe('\uFEFFClôture (heure du Maroc)\r\n2026-10-15 17:00\r\n');
    expect(toCsv(instants, [], 'ar')).toBe('\uFEFFالإغلاق (بتوقيت المغرب)\r\n');
  });
});
