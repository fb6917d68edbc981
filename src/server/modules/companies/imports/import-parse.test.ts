import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import {
  guessDelimiter,
  maxUnpackedBytes,
  parseCsv,
  readTable,
  type TableRow,
  tableFormatOf,
  unpackedZipSize,
} from '../../../platform/imports/table.js';
import { parseDateCell } from './import-cells.js';
import { interpretRow, type RowContext } from './import-rows.js';
import { mapColumns, type ParkChoice, parkIndex } from './import-vocabulary.js';

function problemKey(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error.fields[0]?.key;
    throw error;
  }
  return undefined;
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A ZIP with only a central directory that declares one entry of the given uncompressed size. */
function zipDeclaring(uncompressedSize: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(1000, 20);
  central.writeUInt32LE(uncompressedSize, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(4, 16);
  return Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), central, name, end]);
}

describe('reading CSV', () => {
  it('takes the separator used most in the first record', () => {
    expect(guessDelimiter('Raison sociale;ICE;"A, B"\nx,y,z,w')).toBe(';');
    expect(guessDelimiter('Legal name,ICE,Stage')).toBe(',');
    expect(guessDelimiter('Legal name\tICE\tStage')).toBe('\t');
    expect(guessDelimiter('Legal name')).toBe(',');
  });

  it('keeps separators, doubled quotes and line breaks inside quoted fields, drops the byte-order mark', () => {
    const records = parseCsv('\uFEFFNom;Adresse;Note\r\n"Atlas; SARL";"12 rue ""Anfa""\r\nCasablanca";ok\r\nB;;\n');
    expect(records).toEqual([
      ['Nom', 'Adresse', 'Note'],
      ['Atlas; SARL', '12 rue "Anfa"\r\nCasablanca', 'ok'],
      ['B', '', ''],
    ]);
  });

  it('keeps a quote written inside an unquoted field, and a last line without line break', () => {
    expect(parseCsv('a,b\nl\'atelier "ma",x')).toEqual([
      ['a', 'b'],
      ['l\'atelier "ma"', 'x'],
    ]);
  });

  it('numbers rows as the file does, skipping empty ones', async () => {
    const rows = await readTable(Buffer.from('Nom;ICE\n;\nAtlas;1\n\nBeta;2\n'), 'csv');
    expect(rows.map((row) => row.number)).toEqual([1, 3, 5]);
  });
});

describe('telling what a file is by its content', () => {
  it('reads an XLSX workbook whatever its name, and UTF-8 text as CSV', async () => {
    const xlsx = await workbook([['Legal name']]);
    expect(tableFormatOf('companies.xlsx', xlsx, 'file')).toBe('xlsx');
    expect(tableFormatOf('companies.csv', xlsx, 'file')).toBe('xlsx');
    expect(tableFormatOf('entreprises.csv', Buffer.from('\uFEFFRaison sociale;ICE\nAtlas;1\n'), 'file')).toBe('csv');
    expect(tableFormatOf('export.txt', Buffer.from('Nom,ICE\n'), 'file')).toBe('csv');
  });

  it('refuses a text file named .xlsx, other documents, old .xls files and text that is not UTF-8', () => {
    expect(problemKey(() => tableFormatOf('companies.xlsx', Buffer.from('Legal name,ICE\n'), 'file'))).toBe('import.file_not_xlsx');
    expect(problemKey(() => tableFormatOf('companies.csv', Buffer.from('%PDF-1.7 ...'), 'file'))).toBe('import.file_type');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]);
    expect(problemKey(() => tableFormatOf('old.xls', xls, 'file'))).toBe('import.file_xls');
    const latin1 = Buffer.from('Raison sociale;Activité\n', 'latin1');
    expect(problemKey(() => tableFormatOf('excel.csv', latin1, 'file'))).toBe('import.file_encoding');
    const utf16 = Buffer.from('\uFEFFName,ICE\n', 'utf16le');
    expect(problemKey(() => tableFormatOf('unicode.csv', utf16, 'file'))).toBe('import.file_encoding');
  });
});

describe('reading XLSX', () => {
  it('reads the first sheet: text, numbers, dates, formulas and links as plain cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Entreprises');
    sheet.addRow(['Raison sociale', 'ICE', 'Date de création', 'Site web', 'Total']);
    sheet.addRow([
      'Atlas',
      2345678000091,
      new Date('2021-03-15T00:00:00Z'),
      { text: 'atlas.ma', hyperlink: 'https://atlas.ma' },
      { formula: '1+1', result: 2 },
    ]);
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: 'Be' }, { text: 'ta' }] }]);
    book.addWorksheet('Other').addRow(['ignored']);
    const rows = await readTable(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx');
    expect(rows.map((row) => row.number)).toEqual([1, 2, 4]);
    expect(rows[1].cells.slice(0, 2)).toEqual(['Atlas', 2345678000091]);
    expect((rows[1].cells[2] as Date).toISOString().slice(0, 10)).toBe('2021-03-15');
    expect(rows[1].cells.slice(3)).toEqual(['atlas.ma', 2]);
    expect(rows[2].cells).toEqual(['Beta']);
  });

  it('refuses a workbook that would unpack to too much, before unpacking it', async () => {
    expect(unpackedZipSize(zipDeclaring(1234))).toBe(1234);
    await expect(readTable(zipDeclaring(maxUnpackedBytes + 1), 'xlsx')).rejects.toMatchObject({
      fields: [{ key: 'import.file_too_large_unpacked' }],
    });
    await expect(readTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'xlsx')).rejects.toMatchObject({
      fields: [{ key: 'import.file_unreadable' }],
    });
  });
});

describe('recognizing columns', () => {
  const row = (...cells: string[]): TableRow => ({ number: 1, cells });

  it('recognizes headers in French, English and Arabic, with hints and stars', () => {
    const french = mapColumns(row('Raison sociale *', 'ICE', "Date d'entrée (jj/mm/aaaa)", 'Stade', 'Statut', 'Remarques'));
    expect(french.columns.map((column) => column.field)).toEqual(['legalName', 'ice', 'entryDate', 'stage', 'status', null]);
    expect(french.problems).toEqual([]);
    const english = mapColumns(row('Legal name', 'Sectors', 'Stage', 'Status', 'Status date', 'E-mail'));
    expect(english.columns.map((column) => column.field)).toEqual(['legalName', 'sectors', 'stage', 'status', 'statusDate', 'email']);
    const arabic = mapColumns(row('الاسم القانوني', 'المرحلة', 'الوضعية', 'تاريخ الوضعية', 'الحديقة', 'الهاتف'));
    expect(arabic.columns.map((column) => column.field)).toEqual(['legalName', 'stage', 'status', 'statusDate', 'park', 'phone']);
  });

  it('names required columns that are missing and columns given twice', () => {
    const { columns, problems } = mapColumns(row('Raison sociale', 'Legal name', 'Statut'));
    expect(columns.map((column) => column.field)).toEqual(['legalName', null, 'status']);
    expect(problems).toEqual([
      { row: 1, column: 'Legal name', field: 'legalName', key: 'import.column_twice', params: { column: 'import.column.legalName' } },
      { row: 1, column: null, field: 'stage', key: 'import.column_missing', params: { column: 'import.column.stage' } },
    ]);
  });
});

describe('reading dates', () => {
  it('takes yyyy-mm-dd, dd/mm/yyyy and spreadsheet dates, and refuses days that do not exist', () => {
    expect(parseDateCell('2021-03-15')).toEqual({ date: '2021-03-15' });
    expect(parseDateCell('15/03/2021')).toEqual({ date: '2021-03-15' });
    expect(parseDateCell('5.3.2021')).toEqual({ date: '2021-03-05' });
    expect(parseDateCell('2021-03-15T00:00:00Z')).toEqual({ date: '2021-03-15' });
    expect(parseDateCell(new Date('2024-02-29T00:00:00Z'))).toEqual({ date: '2024-02-29' });
    expect(parseDateCell('')).toEqual({ date: null });
    expect(parseDateCell('31/02/2024')).toEqual({ invalid: '31/02/2024' });
    expect(parseDateCell('03/15/2021')).toEqual({ invalid: '03/15/2021' });
    expect(parseDateCell('mars 2021')).toEqual({ invalid: 'mars 2021' });
  });
});

describe('understanding a row', () => {
  const casablanca: ParkChoice = {
    id: '00000000-0000-4000-8000-000000000001',
    slug: 'casablanca',
    name: { fr: 'Technopark Casablanca', ar: 'تكنوبارك الدار البيضاء' },
    city: { fr: 'Casablanca' },
  };
  const rabat: ParkChoice = {
    id: '00000000-0000-4000-8000-000000000002',
    slug: 'rabat',
    name: { fr: 'Technopark Rabat' },
    city: { fr: 'Rabat' },
  };
  const rabatAnnex: ParkChoice = {
    id: '00000000-0000-4000-8000-000000000003',
    slug: 'rabat-2',
    name: { fr: 'Annexe' },
    city: { fr: 'Rabat' },
  };
  const headers = [
    'Raison sociale',
    'ICE',
    'Forme juridique',
    'Secteurs',
    'Stade',
    'Parc',
    'Statut',
    'Date du statut',
    "Date d'entrée",
    'Site web',
    'Téléphone',
    'Date de création',
  ];
  const { columns } = mapColumns({ number: 1, cells: headers });
  const context = (overrides: Partial<RowContext> = {}): RowContext => ({
    columns,
    parks: parkIndex([casablanca, rabat, rabatAnnex]),
    defaultPark: null,
    managesPark: (id) => id === casablanca.id,
    parkRequired: true,
    today: '2026-01-10',
    ...overrides,
  });
  const read = (values: Partial<Record<string, unknown>>, overrides?: Partial<RowContext>) =>
    interpretRow({ number: 7, cells: headers.map((header) => (values[header] ?? null) as never) }, context(overrides));
  const base = { 'Raison sociale': 'Atlas', Stade: 'startup', Parc: 'casablanca', Statut: 'résidente' };
  const problemsOf = (values: Partial<Record<string, unknown>>, overrides?: Partial<RowContext>) =>
    read(values, overrides).problems.map((problem) => [problem.column ?? problem.field, problem.key, problem.params ?? {}]);

  it('reads values by code or by label in any language', () => {
    const { company, problems } = read({
      ...base,
      'Forme juridique': 'S.A.R.L. A.U.',
      Secteurs: 'Fintech; edtech; Information technology، الصحة الرقمية',
      Stade: 'PME',
      Parc: 'تكنوبارك الدار البيضاء',
      Statut: 'Alumni',
      'Date du statut': '30/06/2024',
      "Date d'entrée": new Date('2021-09-01T00:00:00Z'),
      'Site web': 'www.atlas.ma',
      Téléphone: 522000000,
      ICE: 2345678000091,
    });
    expect(problems).toEqual([]);
    expect(company).toMatchObject({
      legalForm: 'sarl_au',
      sectors: ['fintech', 'edtech', 'ict', 'healthtech'],
      stage: 'sme',
      parkId: casablanca.id,
      website: 'https://www.atlas.ma',
      phone: '0522000000',
      ice: '002345678000091',
      history: [
        { status: 'resident', effectiveDate: '2021-09-01' },
        { status: 'alumni', effectiveDate: '2024-06-30' },
      ],
    });
  });

  it('checks fields with the rules of the company form', () => {
    expect(problemsOf({ ...base, 'Raison sociale': '', ICE: '12345678901234', 'Site web': 'not a site', Téléphone: 'call me' })).toEqual([
      ['Raison sociale', 'validation.required', {}],
      ['ICE', 'validation.ice_format', {}],
      ['Site web', 'import.invalid_url', {}],
      ['Téléphone', 'validation.phone_format', {}],
    ]);
    expect(problemsOf({ ...base, 'Date de création': '2021-13-01', Secteurs: 'Fintech, spatial', 'Forme juridique': 'GIE' })).toEqual([
      ['Forme juridique', 'import.unknown_legal_form', { value: 'GIE' }],
      ['Date de création', 'import.invalid_date', { value: '2021-13-01' }],
      ['Secteurs', 'import.unknown_sector', { value: 'spatial' }],
    ]);
  });

  it('places rows in a park the sender manages: by name, short name or unique city; else the target park', () => {
    expect(read({ ...base, Parc: 'Casablanca' }).company.parkId).toBe(casablanca.id);
    expect(read({ ...base, Parc: 'rabat-2' }, { managesPark: () => true }).company.parkId).toBe(rabatAnnex.id);
    expect(problemsOf({ ...base, Parc: 'rabat' })).toEqual([['Parc', 'import.park_not_managed', { park: 'rabat' }]]);
    expect(problemsOf({ ...base, Parc: 'Tanger' })).toEqual([['Parc', 'import.unknown_park', { value: 'Tanger' }]]);
    // Two parks in Rabat: the city names neither (the short name "rabat" still names its park).
    expect(problemsOf({ ...base, Parc: 'Technopark Rabat' }, { managesPark: () => true })).toEqual([]);
    const twoInRabat = parkIndex([casablanca, { ...rabat, slug: 'rabat-centre' }, rabatAnnex]);
    expect(problemsOf({ ...base, Parc: 'Rabat' }, { managesPark: () => true, parks: twoInRabat })).toEqual([
      ['Parc', 'import.unknown_park', { value: 'Rabat' }],
    ]);
    expect(problemsOf({ ...base, Parc: '' })).toEqual([['Parc', 'import.park_required', {}]]);
    expect(read({ ...base, Parc: '' }, { defaultPark: casablanca }).company.parkId).toBe(casablanca.id);
    expect(read({ ...base, Parc: '' }, { parkRequired: false }).company.parkId).toBeNull();
  });

  it('builds the history: a stay without a date starts on the import day, a departure must be dated', () => {
    expect(read(base).company.history).toEqual([{ status: 'resident', effectiveDate: '2026-01-10' }]);
    expect(read({ ...base, "Date d'entrée": '2020-01-01' }).company.history).toEqual([{ status: 'resident', effectiveDate: '2020-01-01' }]);
    expect(problemsOf({ ...base, Statut: 'ancienne résidente' })).toEqual([
      ['Date du statut', 'import.status_date_required', { status: 'lifecycle.alumni' }],
    ]);
    expect(problemsOf({ ...base, Statut: 'merged or acquired', 'Date du statut': '2024-01-01' })).toEqual([
      ["Date d'entrée", 'import.entry_date_required', { status: 'lifecycle.merged_acquired' }],
    ]);
    expect(problemsOf({ ...base, 'Date du statut': '2024-01-01', "Date d'entrée": '2023-01-01' })).toEqual([
      ['Date du statut', 'import.resident_dates_differ', {}],
    ]);
  });

  it('checks the history with the lifecycle rules, on the column at fault', () => {
    expect(problemsOf({ ...base, Statut: 'alumni', 'Date du statut': '2020-01-01', "Date d'entrée": '2021-01-01' })).toEqual([
      ['Date du statut', 'validation.date_before_previous_status', { date: '2021-01-01' }],
    ]);
    expect(problemsOf({ ...base, Statut: 'candidate', 'Date du statut': '2024-01-01', "Date d'entrée": '2021-01-01' })).toEqual([
      ['Statut', 'validation.status_cannot_follow', { from: 'lifecycle.resident', to: 'lifecycle.applicant' }],
    ]);
    expect(problemsOf({ ...base, "Date d'entrée": '2999-01-01' })).toEqual([["Date d'entrée", 'validation.date_in_future', {}]]);
    expect(problemsOf({ ...base, Statut: 'somewhere' })).toEqual([['Statut', 'import.unknown_status', { value: 'somewhere' }]]);
  });
});
