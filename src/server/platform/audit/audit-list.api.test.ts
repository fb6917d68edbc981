import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { auditLog } from './schema.js';

let t: TestContext;
let admin: Awaited<ReturnType<typeof signedIn>>;
// More than two of the export's batches of 1,000 rows, so that streaming across batches is exercised.
const probeCount = 2_345;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signedIn(t.app, t.database.db, 'network_admin');
  const base = Date.parse('2026-03-01T08:00:00Z');
  const rows = Array.from({ length: probeCount }, (_, n) => ({
    action: n % 3 === 0 ? 'probe.odd' : 'probe.even',
    entityType: 'probe',
    entityId: `probe-${String(n).padStart(5, '0')}`,
    at: new Date(base + n * 60_000),
  }));
  for (let start = 0; start < rows.length; start += 500) await t.database.db.insert(auditLog).values(rows.slice(start, start + 500));
});
afterAll(() => t.close());

const csvRows = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1);

describe('a list and its export (the list mechanism, on the audit log)', () => {
  it('exports every row of the filtered list in the list order, across batches, as CSV and XLSX', async () => {
    const as = client(t.app, admin.cookie, 'en');
    const query = 'entityType=probe&action=probe.even&order=asc';
    const first = (await as.get(`/api/v1/audit?${query}&pageSize=100`)).json();
    const expected = Array.from({ length: probeCount }, (_, n) => n).filter((n) => n % 3 !== 0).length;
    expect(first.total).toBe(expected);
    const last = (await as.get(`/api/v1/audit?${query}&pageSize=100&page=${Math.ceil(expected / 100)}`)).json();

    const csv = await as.get(`/api/v1/audit/export?${query}&format=csv&page=3&pageSize=5`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csvRows(csv.body);
    // Page and page size do not cut the export: every row, in the same order as the pages.
    expect(lines).toHaveLength(expected);
    expect(lines.slice(0, 100).map((line) => line.split(',')[4])).toEqual(first.items.map((item: { entityId: string }) => item.entityId));
    expect(lines.at(-1)?.split(',')[4]).toBe(last.items.at(-1).entityId);
    expect(new Set(lines.map((line) => line.split(',')[4])).size).toBe(expected);

    const xlsx = await as.get(`/api/v1/audit/export?${query}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(expected + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('When (Morocco time)');
    expect(sheet.getRow(expected + 1).getCell(5).value).toBe(last.items.at(-1).entityId);
  });

  it('answers the same filters on the page and in the export, and refuses a bad filter on both', async () => {
    const as = client(t.app, admin.cookie);
    const page = (await as.get('/api/v1/audit?entityType=probe&action=probe.odd&pageSize=1')).json();
    const csv = await as.get('/api/v1/audit/export?entityType=probe&action=probe.odd');
    expect(csvRows(csv.body)).toHaveLength(page.total);
    for (const path of ['/api/v1/audit?from=yesterday', '/api/v1/audit/export?from=yesterday', '/api/v1/audit/export?format=pdf']) {
      const response = await as.get(path);
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.code, path).toBe('validation');
    }
  });

  it('filters by days of the park’s clock: 23:30 UTC in July is already the next day in Casablanca', async () => {
    await t.database.db.insert(auditLog).values([
      { action: 'probe.day', entityType: 'probe-day', entityId: 'first', at: new Date('2026-07-14T23:30:00Z') },
      { action: 'probe.day', entityType: 'probe-day', entityId: 'second', at: new Date('2026-07-15T23:30:00Z') },
    ]);
    const ids = async (query: string) =>
      (await client(t.app, admin.cookie).get(`/api/v1/audit?entityType=probe-day&${query}`))
        .json()
        .items.map((item: { entityId: string }) => item.entityId);
    expect(await ids('from=2026-07-15&to=2026-07-15')).toEqual(['first']);
    expect(await ids('from=2026-07-16')).toEqual(['second']);
    expect(await ids('to=2026-07-14')).toEqual([]);
  });
});

describe('what the audit export says', () => {
  const bidiMarks = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

  it('gives times in the park time zone, one form in every language, and kinds of record by their labels', async () => {
    // 01:56 UTC is 02:56 in Casablanca: the export used to say 01:56 (UTC, as ISO text).
    await t.database.db
      .insert(auditLog)
      .values({ action: 'park.update', entityType: 'park', entityId: 'park-tz', at: new Date('2026-12-02T01:56:00Z') });
    const query = 'entityId=park-tz&format=csv';
    const en = (await client(t.app, admin.cookie, 'en').get(`/api/v1/audit/export?${query}`)).body;
    expect(csvRows(en)[0].split(',').slice(0, 5)).toEqual(['2026-12-02 02:56', '', 'park.update', 'Park', 'park-tz']);

    const fr = await client(t.app, admin.cookie, 'fr').get(`/api/v1/audit/export?${query}`);
    expect(fr.body.startsWith('\uFEFFQuand (heure du Maroc);Qui;Action;')).toBe(true);
    expect(csvRows(fr.body)[0].split(';').slice(0, 4)).toEqual(['2026-12-02 02:56', '', 'park.update', 'Parc']);

    const ar = (await client(t.app, admin.cookie, 'ar').get(`/api/v1/audit/export?${query}`)).body;
    expect(ar).not.toMatch(bidiMarks);
    expect(csvRows(ar)[0].split(';').slice(0, 4)).toEqual(['2026-12-02 02:56', '', 'park.update', 'حديقة']);

    const xlsx = await client(t.app, admin.cookie, 'ar').get('/api/v1/audit/export?entityId=park-tz&format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const at = workbook.worksheets[0].getRow(2).getCell(1);
    // A spreadsheet has no time zone: the cell is a date holding Casablanca's wall-clock time.
    expect(at.value).toEqual(new Date('2026-12-02T02:56:00Z'));
    expect(at.numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('keeps a kind of record nobody words as its code', async () => {
    const csv = (await client(t.app, admin.cookie, 'fr').get('/api/v1/audit/export?entityId=probe-00001')).body;
    expect(csvRows(csv)[0].split(';')[3]).toBe('probe');
  });
});
