import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../shared/calendar.js';
import { type Column, toCsv } from './export.js';

type Row = { name: string; area: number; leasable: boolean };
const columns: Column<Row>[] = [
  { header: 'export.space.name', value: (row) => row.name },
  { header: 'export.space.areaM2', value: (row) => row.area },
  { header: 'export.space.leasable', value: (row) => row.leasable },
];

describe('toCsv', () => {
  it('quotes separators and quotes, translates headers and booleans', () => {
    const csv = toCsv(columns, [{ name: 'Bureau "A", 2e', area: 24.5, leasable: true }], 'fr');
    expect(csv).toBe('\uFEFFNom,Surface (m²),Louable\r\n"Bureau ""A"", 2e",24.5,oui\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const csv = toCsv(columns, [{ name: '=HYPERLINK("http://x")', area: -3, leasable: false }], 'en');
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",-3,no`);
  });

  it('says in the header of an instant column that it is written on the park’s clock', () => {
    const instants: Column<{ at: string }>[] = [
      { header: 'export.call.closesAt', value: (row) => formatInstant(row.at, 'fr'), parkTime: true },
    ];
    expect(toCsv(instants, [{ at: '2026-10-15T16:00:00Z' }], 'fr')).toBe('\uFEFFClôture (heure du Maroc)\r\n"15 oct. 2026, 17:00"\r\n');
    expect(toCsv(instants, [], 'ar')).toBe('\uFEFFالإغلاق (بتوقيت المغرب)\r\n');
  });
});
