import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.js';
import { buildFloor, buildPark, buildSpace, client, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { buildings, floors, spaces } from '../schema.js';

let t: TestContext;
let park: Awaited<ReturnType<typeof buildPark>>;
let manager: { cookie: string };
let otherManager: { cookie: string };

beforeAll(async () => {
  t = await createTestContext();
  park = await buildPark(t.database.db, { slug: 'oujda-import' });
  const other = await buildPark(t.database.db, { slug: 'other-import' });
  manager = await signedIn(t.app, t.database.db, 'park_manager', [park.id]);
  otherManager = await signedIn(t.app, t.database.db, 'park_manager', [other.id]);
});
afterAll(() => t.close());

const header =
  'Code du bâtiment;Nom du bâtiment;Niveau de l’étage;Code de l’espace;Nom (français);Nom (arabe);Type;Surface (m²);Places assises';
const csv = (...lines: string[]) => ({
  file: { name: 'espaces.csv', content: Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}`).toString('base64') },
});
const spaceCount = async () => Number((await t.database.db.select({ n: count() }).from(spaces).where(eq(spaces.parkId, park.id)))[0].n);

describe('importing a park’s spaces from a sheet', () => {
  it('lists every problem by row and column in the reader’s language, and writes nothing', async () => {
    const { floor } = await buildFloor(t.database.db, park.id);
    await buildSpace(t.database.db, park.id, floor.id, { code: 'TAKEN-1' });
    const sheet = csv(
      'N;Nord;0;N-001;Bureau 1;;Bureau privatif;24,5;',
      'N;Nord;0;N-001;Bureau bis;;Bureau privatif;20;',
      'N;Nord;1;TAKEN-1;Pris;;office;20;',
      'N;Nord;1;N-101;Salle;;Piscine;;',
      'N;Nord;x;N-102;Salle;;Salle de réunion;grand;',
    );
    const response = await client(t.app, manager.cookie).post(`/api/v1/parks/${park.slug}/space-imports/preview`, sheet);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ rowCount: 5, newBuildings: ['N'] });
    expect(response.json().problems).toEqual([
      { row: 3, column: 'Code de l’espace', message: 'Le code « N-001 » est déjà à la ligne 2 de cette feuille.' },
      { row: 4, column: 'Code de l’espace', message: 'Le code « TAKEN-1 » est déjà celui d’un espace de ce parc.' },
      expect.objectContaining({ row: 5, column: 'Type', message: expect.stringContaining("Type d'espace inconnu : « Piscine »") }),
      { row: 5, column: 'Surface (m²)', message: 'Obligatoire.' },
      { row: 6, column: 'Niveau de l’étage', message: "« x » n'est pas un nombre entier." },
      { row: 6, column: 'Surface (m²)', message: "« grand » n'est pas un nombre." },
    ]);
    const arabic = await client(t.app, manager.cookie, 'ar').post(`/api/v1/parks/${park.slug}/space-imports/preview`, sheet);
    expect(arabic.json().problems[3]).toEqual({ row: 5, column: 'Surface (m²)', message: 'حقل إلزامي.' });
    expect(await spaceCount()).toBe(1);
  });

  it('imports nothing when one row is bad', async () => {
    const before = await spaceCount();
    const response = await client(t.app, manager.cookie).post(
      `/api/v1/parks/${park.slug}/space-imports`,
      csv('M;Mer;0;M-001;Bureau 1;;Bureau privatif;24;', 'M;Mer;0;M-002;Bureau 2;;Bureau privatif;-3;'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'file', message: expect.stringContaining('Problèmes dans la feuille (1)') }]);
    expect(await spaceCount()).toBe(before);
    expect(
      await t.database.db
        .select()
        .from(buildings)
        .where(and(eq(buildings.parkId, park.id), eq(buildings.code, 'M'))),
    ).toEqual([]);
  });

  it('creates every space, with the buildings and floors the park lacks, in one audited write', async () => {
    const before = await spaceCount();
    const response = await client(t.app, manager.cookie).post(
      `/api/v1/parks/${park.slug}/space-imports`,
      csv(
        'S;البناية الجنوبية;0;S-001;Bureau 1;مكتب 1;Bureau privatif;24,5;',
        'S;;0;S-002;Bureau 2;;office;18;',
        'S;;2;S-201;Salle de réunion;;Salle de réunion;30;12',
      ),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ spaceCount: 3, buildingCount: 1, floorCount: 2 });
    expect(await spaceCount()).toBe(before + 3);
    const [building] = await t.database.db
      .select()
      .from(buildings)
      .where(and(eq(buildings.parkId, park.id), eq(buildings.code, 'S')));
    expect(building.name).toEqual({ ar: 'البناية الجنوبية' });
    expect(await t.database.db.select({ level: floors.level }).from(floors).where(eq(floors.buildingId, building.id))).toHaveLength(2);
    const listed = (await client(t.app, undefined, 'ar').get(`/api/v1/parks/${park.slug}/spaces?q=S-&sort=code`)).json().items;
    expect(listed.map((space: { name: string; kind: string; bookable: boolean }) => [space.name, space.kind, space.bookable])).toEqual([
      ['مكتب 1', 'office', false],
      ['Bureau 2', 'office', false],
      ['Salle de réunion', 'meeting_room', true],
    ]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'space.import'), eq(auditLog.entityId, park.id)));
    expect(audit).toHaveLength(1);
  });

  it('refuses another park’s manager, and reads its own template back as a sheet without problems', async () => {
    const other = client(t.app, otherManager.cookie);
    expect((await other.post(`/api/v1/parks/${park.slug}/space-imports`, csv('Z;;0;Z-1;;;office;10;'))).statusCode).toBe(403);
    expect((await other.post(`/api/v1/parks/${park.slug}/space-imports/preview`, csv('Z;;0;Z-1;;;office;10;'))).statusCode).toBe(403);
    expect((await client(t.app).post(`/api/v1/parks/${park.slug}/space-imports`, csv('Z;;0;Z-1;;;office;10;'))).statusCode).toBe(401);

    const template = await client(t.app, manager.cookie, 'en').get(`/api/v1/parks/${park.slug}/space-import-template?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(1).getCell(1).value).toBe('Building code');
    const file = { name: 'template.xlsx', content: template.rawPayload.toString('base64') };
    const preview = await client(t.app, manager.cookie).post(`/api/v1/parks/${park.slug}/space-imports/preview`, { file });
    expect(preview.json()).toMatchObject({ rowCount: 2, problems: [] });
    const csvTemplate = await client(t.app, manager.cookie, 'ar').get(`/api/v1/parks/${park.slug}/space-import-template?format=csv`);
    expect(csvTemplate.body.split('\r\n')[0]).toContain('رمز المبنى');
  });
});
