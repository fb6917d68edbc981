import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFloor, buildPark, buildPerson, buildSpace, client, signedIn, signIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { installAuditNames } from './naming.js';
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
    // The record column names each entry (a kind nobody names: its code and id).
    const record = (item: { typeLabel: string; objectName: string }) => `${item.typeLabel} ${item.objectName}`;
    expect(lines.slice(0, 100).map((line) => line.split(',')[3])).toEqual(first.items.map(record));
    expect(lines.at(-1)?.split(',')[3]).toBe(record(last.items.at(-1)));
    expect(new Set(lines.map((line) => line.split(',')[3])).size).toBe(expected);

    const xlsx = await as.get(`/api/v1/audit/export?${query}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(expected + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('When (Morocco time)');
    expect(sheet.getRow(expected + 1).getCell(4).value).toBe(record(last.items.at(-1)));
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
    expect(csvRows(en)[0].split(',').slice(0, 4)).toEqual([
      '2026-12-02 02:56',
      'The platform',
      'The platform changed the park park-tz',
      'Park park-tz',
    ]);

    const fr = await client(t.app, admin.cookie, 'fr').get(`/api/v1/audit/export?${query}`);
    expect(fr.body.startsWith('\uFEFFQuand (heure du Maroc);Qui;Quoi;Objet;Modifications')).toBe(true);
    expect(csvRows(fr.body)[0].split(';').slice(0, 4)).toEqual([
      '2026-12-02 02:56',
      'La plateforme',
      'La plateforme a modifié le parc park-tz',
      'Parc park-tz',
    ]);

    const ar = (await client(t.app, admin.cookie, 'ar').get(`/api/v1/audit/export?${query}`)).body;
    expect(ar).not.toMatch(bidiMarks);
    expect(csvRows(ar)[0].split(';').slice(0, 4)).toEqual(['2026-12-02 02:56', 'المنصة', 'المنصة: تعديل الحديقة park-tz', 'حديقة park-tz']);

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
    expect(csvRows(csv)[0].split(';')[3]).toBe('probe probe-00001');
  });
});

describe('the audit log reads as sentences about named things', () => {
  let fatimaCookie: string;
  let spaceId: string;
  let parkId: string;

  beforeAll(async () => {
    const fatima = await buildPerson(t.database.db, { role: 'network_admin', name: 'Fatima Zahra' });
    fatimaCookie = await signIn(t.app, fatima.email);
    const park = await buildPark(t.database.db, {
      name: { fr: 'Technopark de Casablanca', ar: 'تكنوبارك الدار البيضاء', en: 'Casablanca Technopark' },
      status: 'planned',
      openingDate: null,
    });
    parkId = park.id;
    const { floor } = await buildFloor(t.database.db, park.id);
    spaceId = (await buildSpace(t.database.db, park.id, floor.id, { code: 'B2-104', areaM2: 40 })).id;
    const as = client(t.app, fatimaCookie);
    expect((await as.patch(`/api/v1/spaces/${spaceId}`, { areaM2: 45, active: false })).statusCode).toBe(200);
    expect((await as.patch(`/api/v1/parks/${park.id}`, { status: 'open', openingDate: '2026-09-01' })).statusCode).toBe(200);
  });

  const entry = async (locale: string, query: string) =>
    (await client(t.app, fatimaCookie, locale).get(`/api/v1/audit?${query}`)).json().items[0];

  it('names the actor with their role, the space by its code and park, and the fields changed in words', async () => {
    const fr = await entry('fr', `entityType=space&entityId=${spaceId}`);
    expect(fr.sentence).toBe('Fatima Zahra (administrateur réseau) a modifié l’espace B2-104 de Technopark de Casablanca');
    expect(fr.changes).toEqual([
      { field: 'Surface', before: '40 m²', after: '45 m²' },
      { field: 'En service', before: 'oui', after: 'non' },
    ]);
    const ar = await entry('ar', `entityType=space&entityId=${spaceId}`);
    expect(ar.sentence).toBe('Fatima Zahra (مدير الشبكة): تعديل الفضاء B2-104 في تكنوبارك الدار البيضاء');
    expect(ar.changes).toContainEqual({ field: 'في الخدمة', before: 'نعم', after: 'لا' });
  });

  it('gives codes as their labels: a park’s status in French and Arabic', async () => {
    const fr = await entry('fr', `entityType=park&entityId=${parkId}`);
    expect(fr.sentence).toBe('Fatima Zahra (administrateur réseau) a modifié le parc Technopark de Casablanca');
    expect(fr.changes).toContainEqual({ field: 'Statut', before: 'prévu', after: 'ouvert' });
    const ar = await entry('ar', `entityType=park&entityId=${parkId}`);
    expect(ar.changes).toContainEqual({ field: 'الحالة', before: 'مبرمجة', after: 'مفتوحة' });
  });

  it('exports the same words as the page: who, what, the record, the changes', async () => {
    const csv = (await client(t.app, fatimaCookie, 'fr').get(`/api/v1/audit/export?entityId=${spaceId}`)).body;
    expect(csvRows(csv)[0].split(';').slice(1)).toEqual([
      'Fatima Zahra (administrateur réseau)',
      'Fatima Zahra (administrateur réseau) a modifié l’espace B2-104 de Technopark de Casablanca',
      'Espace B2-104 de Technopark de Casablanca',
      'Surface : 40 m² → 45 m² · En service : oui → non',
    ]);
    const ar = (await client(t.app, fatimaCookie, 'ar').get(`/api/v1/audit/export?entityId=${spaceId}`)).body;
    expect(csvRows(ar)[0]).toContain('المساحة: 40 m² ← 45 m²');
  });

  it('still reads an entry of a kind nobody names, and an action nobody words', async () => {
    await t.database.db.insert(auditLog).values([
      { action: 'gadget.polish', entityType: 'gadget', entityId: 'g-1', after: { shineLevel: 'bright' } },
      { action: 'gadget.update', entityType: 'gadget', entityId: 'g-2', before: { name: 'Old' }, after: { name: 'New' } },
    ]);
    const polish = await entry('fr', 'entityType=gadget&entityId=g-1');
    expect(polish.sentence).toBe('La plateforme : gadget polish (gadget g-1)');
    expect(polish.changes).toEqual([{ field: 'Shine level', before: null, after: 'bright' }]);
    const update = await entry('en', 'entityType=gadget&entityId=g-2');
    // Named from its own snapshot when nobody names it.
    expect(update.sentence).toBe('The platform changed gadget New');
    expect(update.changes).toEqual([{ field: 'Name', before: 'Old', after: 'New' }]);
  });

  it('words a read of a list of personal data as a read of that list, with its row count', async () => {
    expect((await client(t.app, fatimaCookie).get('/api/v1/people?pageSize=5')).statusCode).toBe(200);
    const read = await entry('fr', 'action=people.read&entityType=user');
    expect(read.sentence).toBe('Fatima Zahra (administrateur réseau) a consulté la liste : personne');
    expect(read.changes).toContainEqual({ field: 'Lignes', before: null, after: expect.stringMatching(/^\d+$/) });
  });

  it('names a window of entries with one call per kind of record, not one per row', async () => {
    const batches: string[][] = [];
    installAuditNames('audit-test', {
      counted: {
        names: async (_ctx, ids) => {
          batches.push(ids);
          return new Map(ids.map((id) => [id, `Counted ${id}`]));
        },
      },
    });
    const ids = Array.from({ length: 30 }, () => crypto.randomUUID());
    await t.database.db.insert(auditLog).values(ids.map((entityId) => ({ action: 'counted.update', entityType: 'counted', entityId })));
    const page = (await client(t.app, fatimaCookie, 'en').get('/api/v1/audit?entityType=counted&pageSize=25')).json();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(25);
    expect(page.items[0].sentence).toMatch(/^The platform changed counted Counted [0-9a-f-]{36}$/);
  });
});
