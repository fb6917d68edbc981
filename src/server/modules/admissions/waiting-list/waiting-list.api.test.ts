import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../../../shared/calendar.js';
import { auditLog } from '../../../platform/audit/schema.js';
import { buildCompany } from '../../../test/company-factories.js';
import { csvColumn, csvRows } from '../../../test/csv.js';
import { buildPark, client, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { buildWaitingEntry } from '../../../test/review-factories.js';
import { waitingListEntries } from '../schema.js';

let t: TestContext;
let casablanca: Awaited<ReturnType<typeof buildPark>>;
let rabat: Awaited<ReturnType<typeof buildPark>>;
let manager: { cookie: string };
let officer: { cookie: string };
let admin: { cookie: string };
type Entry = Awaited<ReturnType<typeof buildWaitingEntry>>;
let queue: Record<string, Entry>;

/** A company waiting in a park since a date for an area. */
async function waiting(parkId: string, name: string, requestedOn: string, requiredAreaM2: number) {
  const company = await buildCompany(t.database.db, { legalName: name, parkId }, [{ status: 'admitted', effectiveDate: requestedOn }]);
  return buildWaitingEntry(t.database.db, { parkId, companyId: company.id, requiredAreaM2, requestedOn });
}

beforeAll(async () => {
  t = await createTestContext();
  casablanca = await buildPark(t.database.db, { slug: 'casablanca' });
  rabat = await buildPark(t.database.db, { slug: 'rabat' });
  manager = await signedIn(t.app, t.database.db, 'park_manager', [casablanca.id]);
  officer = await signedIn(t.app, t.database.db, 'program_officer');
  admin = await signedIn(t.app, t.database.db, 'network_admin');
  // Entered out of order on purpose: the queue follows the requested date, then the order of entry.
  queue = {
    delta: await waiting(casablanca.id, 'Delta Labs', '2025-03-01', 80),
    alpha: await waiting(casablanca.id, 'Alpha Soft', '2025-01-10', 40),
    bravo: await waiting(casablanca.id, 'Bravo Agritech', '2025-02-01', 120),
    charlie: await waiting(casablanca.id, 'Charlie Health', '2025-02-01', 25),
    echo: await waiting(casablanca.id, 'Echo Fintech', '2025-04-15', 30),
  };
  await waiting(rabat.id, 'Rabat Only', '2024-12-01', 20);
});
afterAll(() => t.close());

const as = (person: { cookie: string }, locale = 'fr') => client(t.app, person.cookie, locale);
type Row = { id: string; position: number | null; companyName: string; requiredAreaM2: number; daysWaiting: number };

describe('a park’s waiting list', () => {
  it('is first come, first served, with positions, areas and days waiting', async () => {
    const response = await as(manager).get('/api/v1/parks/casablanca/waiting-list');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ canManage: true, total: 5, park: { id: casablanca.id } });
    expect(body.items.map((row: Row) => [row.position, row.companyName])).toEqual([
      [1, 'Alpha Soft'],
      [2, 'Bravo Agritech'],
      [3, 'Charlie Health'],
      [4, 'Delta Labs'],
      [5, 'Echo Fintech'],
    ]);
    const alpha = body.items[0];
    const expectedDays = Math.round((Date.parse(`${localToday()}T00:00:00Z`) - Date.parse('2025-01-10T00:00:00Z')) / 86400000);
    expect(alpha).toMatchObject({ requiredAreaM2: 40, requestedOn: '2025-01-10', daysWaiting: expectedDays, status: 'waiting' });
  });

  it('shows, in order, who would get a unit of a given size', async () => {
    const fits = (await as(manager).get('/api/v1/parks/casablanca/waiting-list?fitsAreaM2=40')).json();
    expect(fits.items.map((row: Row) => [row.position, row.companyName])).toEqual([
      [1, 'Alpha Soft'],
      [2, 'Charlie Health'],
      [3, 'Echo Fintech'],
    ]);
    const small = (await as(manager).get('/api/v1/parks/casablanca/waiting-list?fitsAreaM2=24.99')).json();
    expect(small.items).toEqual([]);
    // Searching narrows what is shown, never the positions in the queue.
    const search = (await as(manager).get('/api/v1/parks/casablanca/waiting-list?q=echo')).json();
    expect(search.items.map((row: Row) => [row.position, row.companyName])).toEqual([[5, 'Echo Fintech']]);
    const byArea = (await as(manager).get('/api/v1/parks/casablanca/waiting-list?sort=requiredAreaM2&order=desc&pageSize=2')).json();
    expect(byArea.items.map((row: Row) => row.companyName)).toEqual(['Bravo Agritech', 'Delta Labs']);
    expect(byArea.total).toBe(5);
  });

  it('exports the queue as CSV and XLSX in the reader’s language', async () => {
    const csv = await as(manager, 'en').get('/api/v1/parks/casablanca/waiting-list/export?format=csv&fitsAreaM2=40');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Position,Company,Reference,Required area (m²),Requested on,Days waiting,Status,Closed on,Note');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2))).toEqual([
      ['1', 'Alpha Soft'],
      ['2', 'Charlie Health'],
      ['3', 'Echo Fintech'],
    ]);
    const xlsx = await as(officer, 'ar').get('/api/v1/parks/casablanca/waiting-list/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('الرتبة');
    expect(sheet.getRow(2).getCell(2).value).toBe('Alpha Soft');
    expect(sheet.getRow(2).getCell(7).value).toBe('في الانتظار');
    // Positions, areas and days are numbers, the request day a date.
    expect(typeof sheet.getRow(2).getCell(1).value).toBe('number');
    expect(typeof sheet.getRow(2).getCell(4).value).toBe('number');
    expect(sheet.getRow(2).getCell(5).value).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(typeof sheet.getRow(2).getCell(6).value).toBe('number');
    expect(sheet.rowCount).toBe(6);
  });

  it('exports a filtered, sorted list with its rows and positions, as the list shows them', async () => {
    const query = 'fitsAreaM2=100&sort=companyName&order=desc';
    const page = (await as(manager).get(`/api/v1/parks/casablanca/waiting-list?${query}`)).json();
    expect(page.items.map((row: Row) => [row.position, row.companyName])).toEqual([
      [4, 'Echo Fintech'],
      [3, 'Delta Labs'],
      [2, 'Charlie Health'],
      [1, 'Alpha Soft'],
    ]);
    const csv = await as(manager, 'en').get(`/api/v1/parks/casablanca/waiting-list/export?format=csv&${query}`);
    expect(
      csvRows(csv.body)
        .slice(1)
        .map((row) => [Number(row[0]), row[1]]),
    ).toEqual(page.items.map((row: Row) => [row.position, row.companyName]));
    const searched = await as(manager, 'en').get('/api/v1/parks/casablanca/waiting-list/export?format=csv&q=labs');
    expect(
      csvRows(searched.body)
        .slice(1)
        .map((row) => [row[0], row[1]]),
    ).toEqual([['4', 'Delta Labs']]);
  });
});

describe('allocating and withdrawing', () => {
  it('an allocated company leaves the queue, the next ones move up, and the allocation stays visible', async () => {
    const allocated = await as(manager).post(`/api/v1/waiting-list/${queue.alpha.id}/allocate`, {
      allocatedOn: '2025-06-30',
      note: 'Bureau B2-14',
    });
    expect(allocated.statusCode).toBe(204);
    const list = (await as(manager).get('/api/v1/parks/casablanca/waiting-list?fitsAreaM2=40')).json();
    expect(list.items.map((row: Row) => [row.position, row.companyName])).toEqual([
      [1, 'Charlie Health'],
      [2, 'Echo Fintech'],
    ]);
    const closed = (await as(manager).get('/api/v1/parks/casablanca/waiting-list?status=allocated')).json();
    expect(closed.items).toHaveLength(1);
    expect(closed.items[0]).toMatchObject({
      companyName: 'Alpha Soft',
      position: null,
      closedOn: '2025-06-30',
      note: 'Bureau B2-14',
      daysWaiting: 171,
    });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'waiting_list.allocated'), eq(auditLog.entityId, queue.alpha.id)));
    expect(audit).toHaveLength(1);

    const twice = await as(manager).post(`/api/v1/waiting-list/${queue.alpha.id}/allocate`, { allocatedOn: '2025-07-01' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('not_editable');
  });

  it('refuses a date in the future or before the request, and writes nothing', async () => {
    const future = await as(manager, 'en').post(`/api/v1/waiting-list/${queue.bravo.id}/allocate`, { allocatedOn: '2999-01-01' });
    expect(future.json().error.details).toEqual([{ path: 'allocatedOn', message: 'This date is in the future.' }]);
    const early = await as(manager, 'en').post(`/api/v1/waiting-list/${queue.bravo.id}/allocate`, { allocatedOn: '2025-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details).toEqual([{ path: 'allocatedOn', message: 'This date is before the request (2025-02-01).' }]);
    const [entry] = await t.database.db.select().from(waitingListEntries).where(eq(waitingListEntries.id, queue.bravo.id));
    expect(entry).toMatchObject({ status: 'waiting', closedOn: null });
  });

  it('a withdrawal says why', async () => {
    const silent = await as(manager, 'en').post(`/api/v1/waiting-list/${queue.delta.id}/withdraw`, { withdrawnOn: '2025-05-01', note: '' });
    expect(silent.statusCode).toBe(400);
    expect(silent.json().error.details[0].path).toBe('note');
    const withdrawn = await as(admin).post(`/api/v1/waiting-list/${queue.delta.id}/withdraw`, {
      withdrawnOn: '2025-05-01',
      note: 'Installée à Technopolis',
    });
    expect(withdrawn.statusCode).toBe(204);
    const list = (await as(manager).get('/api/v1/parks/casablanca/waiting-list?status=withdrawn')).json();
    expect(list.items.map((row: Row) => row.companyName)).toEqual(['Delta Labs']);
  });
});

describe('who sees and keeps the waiting list', () => {
  it('park managers of the park and network admins keep it; program officers read it; others are kept out', async () => {
    expect((await as(officer).get('/api/v1/parks/casablanca/waiting-list')).json().canManage).toBe(false);
    expect((await as(officer).post(`/api/v1/waiting-list/${queue.echo.id}/allocate`, { allocatedOn: '2025-06-01' })).statusCode).toBe(403);
    expect((await as(admin).get('/api/v1/parks/rabat/waiting-list')).json()).toMatchObject({ canManage: true, total: 1 });

    // A manager of Casablanca does not read or keep Rabat's list.
    expect((await as(manager).get('/api/v1/parks/rabat/waiting-list')).statusCode).toBe(403);
    expect((await as(manager).get('/api/v1/parks/rabat/waiting-list/export')).statusCode).toBe(403);
    const rabatEntry = (await as(admin).get('/api/v1/parks/rabat/waiting-list')).json().items[0];
    expect((await as(manager).post(`/api/v1/waiting-list/${rabatEntry.id}/allocate`, { allocatedOn: '2025-06-01' })).statusCode).toBe(404);

    const committee = await signedIn(t.app, t.database.db, 'committee_member');
    const companyAdmin = await signedIn(t.app, t.database.db, 'company_admin', [queue.echo.companyId]);
    for (const person of [committee, companyAdmin]) {
      expect((await as(person).get('/api/v1/parks/casablanca/waiting-list')).statusCode).toBe(403);
      expect((await as(person).get('/api/v1/waiting-lists')).statusCode).toBe(403);
      expect(
        (await as(person).post(`/api/v1/waiting-list/${queue.echo.id}/withdraw`, { withdrawnOn: '2025-06-01', note: 'x' })).statusCode,
      ).toBe(403);
    }
    expect((await client(t.app).get('/api/v1/parks/casablanca/waiting-list')).statusCode).toBe(401);
    const [echo] = await t.database.db.select().from(waitingListEntries).where(eq(waitingListEntries.id, queue.echo.id));
    expect(echo.status).toBe('waiting');
  });

  it('lists the parks each reader follows, with how many wait and since when', async () => {
    const mine = (await as(manager).get('/api/v1/waiting-lists')).json();
    expect(mine.items.map((park: { parkId: string }) => park.parkId)).toEqual([casablanca.id]);
    const all = (await as(admin).get('/api/v1/waiting-lists')).json();
    const rabatSummary = all.items.find((park: { parkId: string }) => park.parkId === rabat.id);
    expect(rabatSummary).toMatchObject({ waiting: 1, oldestRequestedOn: '2024-12-01' });
    expect(all.items.map((park: { parkId: string }) => park.parkId).sort()).toEqual([casablanca.id, rabat.id].sort());
    expect(all).toMatchObject({ total: 2, page: 1 });
    const casablancaSummary = all.items.find((park: { parkId: string }) => park.parkId === casablanca.id);
    // Alpha Soft got a unit and Delta Labs withdrew (above): Bravo Agritech has waited longest of the three left.
    expect(casablancaSummary).toMatchObject({ waiting: 3, oldestRequestedOn: '2025-02-01' });

    // A page at a time, and exported with the same rows.
    const firstPage = (await as(admin).get('/api/v1/waiting-lists?pageSize=1')).json();
    expect(firstPage).toMatchObject({ total: 2, pageSize: 1 });
    expect(firstPage.items).toHaveLength(1);
    const csv = await as(admin, 'en').get('/api/v1/waiting-lists/export?format=csv');
    expect(csvRows(csv.body)[0]).toEqual(['Park', 'Companies waiting', 'Waiting since']);
    const inEnglish = (await as(admin, 'en').get('/api/v1/waiting-lists')).json();
    expect(csvColumn(csv.body, 0)).toEqual(inEnglish.items.map((park: { name: string }) => park.name));
    expect((await as(manager).get('/api/v1/waiting-lists/export?format=csv')).body).not.toContain(rabatSummary.name);
  });
});
