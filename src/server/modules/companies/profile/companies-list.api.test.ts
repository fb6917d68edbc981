import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Actor } from '../../../platform/access.js';
import { buildPark, client, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { addCompanies, type NewCompany } from '../lifecycle/history.js';

/** The companies list and its export (the list mechanism), over more companies than one export batch of 1,000. */
let t: TestContext;
let admin: Awaited<ReturnType<typeof signedIn>>;
let park: Awaited<ReturnType<typeof buildPark>>;
/** Companies in all: three in five residents of the park, one in five left it, one in five in another park. */
const total = 1_850;

const name = (n: number) => `Entreprise ${String(n).padStart(5, '0')}`;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  admin = await signedIn(t.app, db, 'network_admin');
  park = await buildPark(db, { name: { fr: 'Technopark Oujda', en: 'Technopark Oujda' } });
  const other = await buildPark(db);
  // Residents of the park, companies that left it (alumni) and companies of another park: filters must tell them apart.
  const planned: NewCompany[] = Array.from({ length: total }, (_, n) => ({
    profile: { legalName: name(n), brandName: '', stage: 'startup', sectors: ['ict'], parkId: n % 5 === 4 ? other.id : park.id },
    history:
      n % 5 === 3
        ? [
            { status: 'resident', effectiveDate: '2019-01-01' },
            { status: 'alumni', effectiveDate: '2023-06-30' },
          ]
        : [{ status: 'resident', effectiveDate: '2020-01-01' }],
  }));
  await db.transaction((tx) => addCompanies({ db: tx, actor: Actor.anonymous() }, { companies: planned }));
});
afterAll(() => t.close());

const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

describe('the companies list and its export', () => {
  it('exports every company of the filtered list, in the list order, past one batch of 1,000 (CSV and XLSX)', async () => {
    const as = client(t.app, admin.cookie, 'en');
    const query = `parkId=${park.id}&status=resident&sort=name&order=desc`;
    const first = (await as.get(`/api/v1/companies?${query}&pageSize=100`)).json();
    const expected = Array.from({ length: total }, (_, n) => n).filter((n) => n % 5 < 3);
    expect(first.total).toBe(expected.length);
    expect(first.total).toBeGreaterThan(1_000);
    const lastPage = Math.ceil(first.total / 100);
    const last = (await as.get(`/api/v1/companies?${query}&pageSize=100&page=${lastPage}`)).json();

    // The page and page size of the screen do not cut the export.
    const csv = await as.get(`/api/v1/companies/export?${query}&format=csv&page=2&pageSize=5`);
    expect(csv.statusCode).toBe(200);
    const [header, ...rows] = csvLines(csv.body);
    expect(header.split(',')[0]).toBe('Legal name');
    expect(rows).toHaveLength(expected.length);
    const names = rows.map((row) => row.split(',')[0]);
    expect(names).toEqual(expected.map(name).reverse());
    expect(names.slice(0, 100)).toEqual(first.items.map((company: { legalName: string }) => company.legalName));
    expect(names.at(-1)).toBe(last.items.at(-1).legalName);
    expect(rows.every((row) => row.includes(',Technopark Oujda,resident,2020-01-01,'))).toBe(true);

    const xlsx = await as.get(`/api/v1/companies/export?${query}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(expected.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(first.items[0].legalName);
    expect(sheet.getRow(expected.length + 1).getCell(1).value).toBe(last.items.at(-1).legalName);
  });

  it('answers the same rows on the page and in the export for a search, and refuses a bad filter on both', async () => {
    const as = client(t.app, admin.cookie, 'en');
    const query = `q=${encodeURIComponent('Entreprise 0012')}&parkId=${park.id}`;
    const page = (await as.get(`/api/v1/companies?${query}&pageSize=100`)).json();
    // Entreprise 00120 to 00129, less those of the other park; whatever their status.
    expect(page.items.map((company: { legalName: string }) => company.legalName)).toEqual(
      Array.from({ length: 10 }, (_, n) => 120 + n)
        .filter((n) => n % 5 !== 4)
        .map(name),
    );
    const csv = await as.get(`/api/v1/companies/export?${query}`);
    expect(
      csvLines(csv.body)
        .slice(1)
        .map((row) => row.split(',')[0]),
    ).toEqual(page.items.map((company: { legalName: string }) => company.legalName));
    for (const path of ['/api/v1/companies?status=gone', '/api/v1/companies/export?status=gone', '/api/v1/companies/export?format=pdf']) {
      const response = await as.get(path);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.code, path).toBe('validation');
    }
  });

  it('exports codes by their labels, with the separator of the import template, dates as dates', async () => {
    const as = (locale: 'fr' | 'ar') => client(t.app, admin.cookie, locale);
    const query = `q=${encodeURIComponent(name(3))}&parkId=${park.id}`;
    const [template] = csvLines((await as('fr').get('/api/v1/companies/import-template?format=csv')).body);
    const [header, row] = csvLines((await as('fr').get(`/api/v1/companies/export?${query}&format=csv`)).body);
    // The French import template separates columns with semicolons: so does the French export (it used commas).
    expect(template.split(';')[0]).toBe('Raison sociale');
    expect(header.split(';')[0]).toBe('Raison sociale');
    expect(row.split(';').slice(4)).toEqual([
      'startup',
      "Technologies de l'information",
      'Technopark Oujda',
      'ancienne résidente',
      '2023-06-30',
      '',
    ]);

    const arabic = (await as('ar').get(`/api/v1/companies/export?${query}&format=csv`)).body;
    expect(arabic).not.toMatch(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/);
    expect(csvLines(arabic)[1].split(';').slice(5, 9)).toEqual(['تكنولوجيا المعلومات', 'Technopark Oujda', 'مقاولة سابقة', '2023-06-30']);

    const xlsx = await as('ar').get(`/api/v1/companies/export?${query}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0].getRow(2);
    expect(cells.getCell(6).value).toBe('تكنولوجيا المعلومات');
    expect(cells.getCell(9).value).toEqual(new Date('2023-06-30T00:00:00Z'));
    expect(cells.getCell(9).numFmt).toBe('yyyy-mm-dd');
  });
});
