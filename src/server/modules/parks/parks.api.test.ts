import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { buildFloor, buildPark, buildSpace, client, signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { parks, spaces } from './schema.js';

let t: TestContext;
let casablanca: Awaited<ReturnType<typeof buildPark>>;
let rabat: Awaited<ReturnType<typeof buildPark>>;
let admin: { cookie: string };
let casablancaManager: { cookie: string };

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  casablanca = await buildPark(db, {
    slug: 'casa',
    name: { fr: 'Technopark Casablanca', ar: 'تكنوبارك الدار البيضاء' },
    sectors: ['ict', 'greentech'],
    openingDate: '2001-10-01',
  });
  rabat = await buildPark(db, { slug: 'rabat', name: { fr: 'Technopark Rabat' }, region: 'rabat_sale_kenitra', openingDate: '2012-06-01' });
  await buildPark(db, {
    slug: 'fes',
    name: { fr: 'Technopark Fès' },
    status: 'planned',
    openingDate: null,
    targetOpeningDate: '2027-06-30',
    region: 'fes_meknes',
  });
  admin = await signedIn(t.app, db, 'network_admin');
  casablancaManager = await signedIn(t.app, db, 'park_manager', [casablanca.id]);
});
afterAll(() => t.close());

const validPark = {
  slug: 'oujda',
  name: { fr: 'Technopark Oujda', ar: 'تكنوبارك وجدة', en: 'Technopark Oujda' },
  city: { fr: 'Oujda' },
  region: 'oriental',
  latitude: 34.68,
  longitude: -1.9,
  status: 'under_construction',
  targetOpeningDate: '2027-03-31',
  sectors: ['ict'],
};

describe('public park pages', () => {
  it('lists parks without signing in, filtered, sorted and paginated', async () => {
    const anonymous = client(t.app);
    const open = await anonymous.get('/api/v1/parks?status=open&sort=openingDate&order=desc');
    expect(open.statusCode).toBe(200);
    expect(open.json().items.map((p: { slug: string }) => p.slug)).toEqual(['rabat', 'casa']);

    const firstPage = await anonymous.get('/api/v1/parks?pageSize=1&sort=name');
    expect(firstPage.json()).toMatchObject({ total: 3, page: 1, pageSize: 1 });
    expect(firstPage.json().items).toHaveLength(1);

    const bySector = await anonymous.get('/api/v1/parks?sector=greentech');
    expect(bySector.json().items.map((p: { slug: string }) => p.slug)).toEqual(['casa']);
    const bySearch = await anonymous.get(`/api/v1/parks?q=${encodeURIComponent('البيضاء')}`);
    expect(bySearch.json().items.map((p: { slug: string }) => p.slug)).toEqual(['casa']);
  });

  it('shows the roadmap with open and planned parks in date order', async () => {
    const roadmap = (await client(t.app).get('/api/v1/parks/roadmap')).json();
    expect(roadmap.parks.map((p: { slug: string }) => p.slug)).toEqual(['casa', 'rabat', 'fes']);
    expect(roadmap.parks[2]).toMatchObject({ status: 'planned', date: '2027-06-30' });
    expect(roadmap).toMatchObject({ openCount: 2, plannedCount: 1 });
  });

  it('shows a park by short name with its spaces, and says who can manage it', async () => {
    const { floor } = await buildFloor(t.database.db, casablanca.id);
    await buildSpace(t.database.db, casablanca.id, floor.id, { code: 'PUB-1', areaM2: 42.5 });
    await buildSpace(t.database.db, casablanca.id, floor.id, { code: 'HIDDEN-1', active: false });
    const detail = await client(t.app).get('/api/v1/parks/casa');
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ slug: 'casa', canManage: false });
    expect(detail.json().stats.leasableAreaM2).toBe(42.5);

    const publicSpaces = (await client(t.app).get('/api/v1/parks/casa/spaces?includeInactive=true')).json();
    expect(publicSpaces.items.map((s: { code: string }) => s.code)).toEqual(['PUB-1']);
    const managerSpaces = (await client(t.app, casablancaManager.cookie).get('/api/v1/parks/casa/spaces?includeInactive=true')).json();
    expect(managerSpaces.items.map((s: { code: string }) => s.code).sort()).toEqual(['HIDDEN-1', 'PUB-1']);
    expect((await client(t.app, casablancaManager.cookie).get('/api/v1/parks/casa')).json().canManage).toBe(true);
    expect((await client(t.app, casablancaManager.cookie).get('/api/v1/parks/rabat')).json().canManage).toBe(false);
  });

  it('answers 404 for an unknown park, in the reader language', async () => {
    const response = await client(t.app, undefined, 'ar').get('/api/v1/parks/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toEqual({ code: 'not_found', message: 'غير موجود.' });
  });

  it('exports parks as CSV and XLSX with headers in the reader language', async () => {
    const csv = await client(t.app, undefined, 'en').get('/api/v1/parks/export?format=csv&status=open');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Short name,Name,City');
    expect(lines).toHaveLength(3);

    const xlsx = await client(t.app, undefined, 'ar').get('/api/v1/parks/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('الاسم');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.views[0].rightToLeft).toBe(true);
  });

  it('exports regions and sectors by their labels in the reader language, dates as dates', async () => {
    const csv = await client(t.app, undefined, 'fr').get('/api/v1/parks/export?format=csv&status=open&sort=name');
    const casa =
      csv.body
        .split('\r\n')
        .find((line) => line.startsWith('casa;'))
        ?.split(';') ?? [];
    expect([casa[3], casa[4], casa[5], casa[7]]).toEqual([
      'Casablanca-Settat',
      'ouvert',
      '2001-10-01',
      "Technologies de l'information, Greentech",
    ]);

    const xlsx = await client(t.app, undefined, 'ar').get('/api/v1/parks/export?format=xlsx&status=open&sort=name');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = workbook.worksheets[0].getRows(2, 2)?.find((line) => line.getCell(1).value === 'casa');
    expect(row?.getCell(4).value).toBe('الدار البيضاء سطات');
    expect(row?.getCell(8).value).toBe('تكنولوجيا المعلومات، التكنولوجيا الخضراء');
    expect(row?.getCell(6).value).toEqual(new Date('2001-10-01T00:00:00Z'));
    expect(typeof row?.getCell(10).value).toBe('number');
  });
});

describe('managing parks', () => {
  it('lets a network admin create a park and records it in the audit log', async () => {
    const response = await client(t.app, admin.cookie).post('/api/v1/parks', validPark);
    expect(response.statusCode).toBe(201);
    const id = response.json().id;
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entry).toMatchObject({ action: 'park.create', entityType: 'park' });
    expect((entry.after as { slug: string }).slug).toBe('oujda');
  });

  it('refuses park creation to park managers and anonymous visitors', async () => {
    expect((await client(t.app, casablancaManager.cookie).post('/api/v1/parks', { ...validPark, slug: 'x1' })).statusCode).toBe(403);
    expect((await client(t.app).post('/api/v1/parks', { ...validPark, slug: 'x2' })).statusCode).toBe(401);
  });

  it('rejects bad parks with field messages and writes nothing', async () => {
    const db = t.database.db;
    const [{ before }] = await db.select({ before: count() }).from(parks);
    const admins = client(t.app, admin.cookie, 'fr');
    const wrongTypes = await admins.post('/api/v1/parks', {
      ...validPark,
      slug: 'Bad Slug!',
      latitude: 'north',
      name: { fr: 'x'.repeat(500) },
    });
    expect(wrongTypes.statusCode).toBe(400);
    const paths = wrongTypes.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['slug', 'latitude', 'name.fr']));
    expect(wrongTypes.json().error.details.find((d: { path: string }) => d.path === 'slug').message).toBe(
      'Lettres minuscules, chiffres et tirets uniquement.',
    );

    const openWithoutDate = await admins.post('/api/v1/parks', { ...validPark, slug: 'nodate', status: 'open' });
    expect(openWithoutDate.statusCode).toBe(400);
    expect(openWithoutDate.json().error.details).toEqual([{ path: 'openingDate', message: 'Une date est obligatoire pour ce statut.' }]);

    const taken = await admins.post('/api/v1/parks', { ...validPark, slug: 'casa' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.details[0].path).toBe('slug');

    const [{ after }] = await db.select({ after: count() }).from(parks);
    expect(after).toBe(before);
  });

  it('lets a park manager edit their park but not another one, nor its status', async () => {
    const manager = client(t.app, casablancaManager.cookie);
    const ok = await manager.patch('/api/v1/parks/casa', { capacityCompanies: 260, address: 'Route de Nouaceur' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      capacityCompanies: 260,
      address: 'Route de Nouaceur',
      openingDate: '2001-10-01',
      sectors: ['ict', 'greentech'],
    });
    expect((await manager.patch('/api/v1/parks/rabat', { capacityCompanies: 1 })).statusCode).toBe(403);
    expect((await manager.patch('/api/v1/parks/casa', { status: 'planned' })).statusCode).toBe(403);
    expect((await client(t.app).patch('/api/v1/parks/casa', { capacityCompanies: 1 })).statusCode).toBe(401);
    const [row] = await t.database.db.select().from(parks).where(eq(parks.id, rabat.id));
    expect(row.capacityCompanies).toBeNull();
  });

  it('refuses other roles on every management route', async () => {
    const officer = await signedIn(t.app, t.database.db, 'program_officer');
    const as = client(t.app, officer.cookie);
    const { building, floor } = await buildFloor(t.database.db, casablanca.id);
    const space = await buildSpace(t.database.db, casablanca.id, floor.id);
    const attempts = [
      as.patch('/api/v1/parks/casa', { capacityCompanies: 1 }),
      as.post('/api/v1/parks/casa/buildings', { code: 'Z', name: { fr: 'Z' } }),
      as.patch(`/api/v1/buildings/${building.id}`, { name: { fr: 'Z' } }),
      as.delete(`/api/v1/buildings/${building.id}`),
      as.post(`/api/v1/buildings/${building.id}/floors`, { level: 3, name: 'Z' }),
      as.patch(`/api/v1/floors/${floor.id}`, { name: 'Z' }),
      as.delete(`/api/v1/floors/${floor.id}`),
      as.post('/api/v1/parks/casa/spaces', { floorId: floor.id, code: 'Z', name: { fr: 'Z' }, kind: 'office', areaM2: 10, leasable: true }),
      as.patch(`/api/v1/spaces/${space.id}`, { name: { fr: 'Z' } }),
      as.delete(`/api/v1/spaces/${space.id}`),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(403);
  });
});

describe('buildings, floors and spaces', () => {
  it('lets a park manager build a building, a floor and a space, visible publicly', async () => {
    const manager = client(t.app, casablancaManager.cookie);
    const building = await manager.post('/api/v1/parks/casa/buildings', { code: 'C', name: { fr: 'Bâtiment C' } });
    expect(building.statusCode).toBe(201);
    const floor = await manager.post(`/api/v1/buildings/${building.json().id}/floors`, { level: 2, name: 'Étage 2' });
    expect(floor.statusCode).toBe(201);
    const space = await manager.post('/api/v1/parks/casa/spaces', {
      floorId: floor.json().id,
      code: 'C-201',
      name: { fr: 'Bureau 201' },
      kind: 'office',
      areaM2: 24.5,
      desks: 3,
      amenities: ['fiber_internet', 'natural_light'],
      leasable: true,
    });
    expect(space.statusCode).toBe(201);
    expect(space.json()).toMatchObject({ code: 'C-201', buildingName: 'Bâtiment C', floorLevel: 2, areaM2: 24.5, desks: 3 });

    const seen = await client(t.app).get(`/api/v1/parks/casa/spaces?q=C-201`);
    expect(seen.json().items).toHaveLength(1);
    const one = await client(t.app).get(`/api/v1/spaces/${space.json().id}`);
    expect(one.json().amenities).toEqual(['fiber_internet', 'natural_light']);
  });

  it('filters and sorts spaces', async () => {
    const db = t.database.db;
    const park = await buildPark(db);
    const { floor } = await buildFloor(db, park.id);
    await buildSpace(db, park.id, floor.id, { code: 'A', kind: 'office', areaM2: 30 });
    await buildSpace(db, park.id, floor.id, { code: 'B', kind: 'meeting_room', areaM2: 18, bookable: true, leasable: false });
    await buildSpace(db, park.id, floor.id, { code: 'C', kind: 'office', areaM2: 12 });
    const anonymous = client(t.app);
    const byArea = (await anonymous.get(`/api/v1/parks/${park.slug}/spaces?sort=areaM2&order=desc`)).json();
    expect(byArea.items.map((s: { code: string }) => s.code)).toEqual(['A', 'B', 'C']);
    const bookable = (await anonymous.get(`/api/v1/parks/${park.slug}/spaces?bookable=true`)).json();
    expect(bookable.items.map((s: { code: string }) => s.code)).toEqual(['B']);
    const offices = (await anonymous.get(`/api/v1/parks/${park.slug}/spaces?kind=office&pageSize=1`)).json();
    expect(offices).toMatchObject({ total: 2, pageSize: 1 });
  });

  it('keeps codes unique per park and refuses a floor of another park', async () => {
    const db = t.database.db;
    const { floor } = await buildFloor(db, casablanca.id);
    const { floor: rabatFloor } = await buildFloor(db, rabat.id);
    await buildSpace(db, casablanca.id, floor.id, { code: 'DUP-1' });
    const manager = client(t.app, casablancaManager.cookie);
    const body = { floorId: floor.id, code: 'DUP-1', name: { fr: 'x' }, kind: 'office', areaM2: 10, leasable: true };
    const duplicate = await manager.post('/api/v1/parks/casa/spaces', body);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.details).toEqual([{ path: 'code', message: 'Ce code est déjà utilisé dans ce parc.' }]);
    const foreignFloor = await manager.post('/api/v1/parks/casa/spaces', { ...body, code: 'NEW-1', floorId: rabatFloor.id });
    expect(foreignFloor.statusCode).toBe(400);
    expect(foreignFloor.json().error.details[0].path).toBe('floorId');
    const noUse = await manager.post('/api/v1/parks/casa/spaces', { ...body, code: 'NEW-2', leasable: false });
    expect(noUse.json().error.details[0].path).toBe('leasable');
  });

  it('refuses a floor level the building already has, on the level field, in plain words', async () => {
    const { building, floor } = await buildFloor(t.database.db, casablanca.id);
    const floors = `/api/v1/buildings/${building.id}/floors`;
    const duplicate = await client(t.app, casablancaManager.cookie).post(floors, { level: floor.level, name: 'Doublon' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.details).toEqual([
      { path: 'level', message: 'Ce bâtiment a déjà un étage à ce niveau : choisissez un autre niveau.' },
    ]);
    const arabic = await client(t.app, casablancaManager.cookie, 'ar').post(floors, { level: floor.level, name: 'Doublon' });
    expect(arabic.json().error.details).toEqual([{ path: 'level', message: 'يتوفر هذا المبنى على طابق في هذا المستوى: اختر مستوى آخر.' }]);
    const moved = await client(t.app, casablancaManager.cookie).post(floors, { level: floor.level + 1, name: 'Suivant' });
    expect(moved.statusCode).toBe(201);
    const renumbered = await client(t.app, casablancaManager.cookie).patch(`/api/v1/floors/${moved.json().id}`, { level: floor.level });
    expect(renumbered.json().error.details).toEqual([
      { path: 'level', message: 'Ce bâtiment a déjà un étage à ce niveau : choisissez un autre niveau.' },
    ]);
  });

  it('keeps a manager out of another park’s spaces, and answers 404 for unknown ids', async () => {
    const db = t.database.db;
    const { floor } = await buildFloor(db, rabat.id);
    const rabatSpace = await buildSpace(db, rabat.id, floor.id);
    const manager = client(t.app, casablancaManager.cookie);
    expect((await manager.patch(`/api/v1/spaces/${rabatSpace.id}`, { name: { fr: 'mine' } })).statusCode).toBe(403);
    expect((await manager.delete(`/api/v1/spaces/${rabatSpace.id}`)).statusCode).toBe(403);
    expect(
      (
        await manager.post('/api/v1/parks/rabat/spaces', {
          floorId: floor.id,
          code: 'R',
          name: { fr: 'R' },
          kind: 'office',
          areaM2: 9,
          leasable: true,
        })
      ).statusCode,
    ).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await manager.patch(`/api/v1/spaces/${unknown}`, { name: { fr: 'x' } })).statusCode).toBe(404);
    expect((await manager.get('/api/v1/spaces/not-a-uuid')).statusCode).toBe(400);
    const [row] = await db.select().from(spaces).where(eq(spaces.id, rabatSpace.id));
    expect(row.name).toEqual(rabatSpace.name);
  });

  it('edits and removes a space, and refuses to remove a floor or building still in use', async () => {
    const db = t.database.db;
    const { building, floor } = await buildFloor(db, casablanca.id);
    const space = await buildSpace(db, casablanca.id, floor.id, { desks: 4, notes: 'corner office' });
    const manager = client(t.app, casablancaManager.cookie);
    const edited = await manager.patch(`/api/v1/spaces/${space.id}`, { areaM2: 31.25, bookable: true });
    // A partial update leaves what it does not mention untouched.
    expect(edited.json()).toMatchObject({ areaM2: 31.25, bookable: true, desks: 4, notes: 'corner office', leasable: true });
    expect((await manager.delete(`/api/v1/floors/${floor.id}`)).statusCode).toBe(409);
    expect((await manager.delete(`/api/v1/buildings/${building.id}`)).statusCode).toBe(409);
    expect((await manager.delete(`/api/v1/spaces/${space.id}`)).statusCode).toBe(204);
    expect((await manager.delete(`/api/v1/floors/${floor.id}`)).statusCode).toBe(204);
    expect((await manager.delete(`/api/v1/buildings/${building.id}`)).statusCode).toBe(204);
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, space.id));
    expect(actions.map((a) => a.action)).toEqual(['space.update', 'space.delete']);
  });

  it('exports kinds of space and amenities by their labels, areas as numbers', async () => {
    const { floor } = await buildFloor(t.database.db, rabat.id);
    await buildSpace(t.database.db, rabat.id, floor.id, {
      code: 'R-1',
      kind: 'meeting_room',
      areaM2: 42.5,
      amenities: ['projector', 'whiteboard'],
    });
    const csv = await client(t.app, undefined, 'fr').get('/api/v1/parks/rabat/spaces/export?format=csv&q=R-1');
    const [, line] = csv.body.split('\r\n');
    const [, , kind, , , area, , , , , amenities] = line.split(';');
    expect([kind, area, amenities]).toEqual(['Salle de réunion', '42,5', 'Vidéoprojecteur, Tableau blanc']);

    const xlsx = await client(t.app, undefined, 'ar').get('/api/v1/parks/rabat/spaces/export?format=xlsx&q=R-1');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = workbook.worksheets[0].getRow(2);
    expect([row.getCell(3).value, row.getCell(6).value, row.getCell(11).value]).toEqual(['قاعة اجتماعات', 42.5, 'جهاز عرض، سبورة بيضاء']);
  });

  it('exports a park’s spaces', async () => {
    const csv = await client(t.app, undefined, 'fr').get('/api/v1/parks/casa/spaces/export?format=csv');
    expect(csv.statusCode).toBe(200);
    // French CSV separates with semicolons, like the French import template.
    expect(csv.body).toContain('Code;Nom;Type;Bâtiment');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="spaces-\d{4}-\d{2}-\d{2}\.csv"/);
  });
});
