import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '../../../platform/files/schema.js';
import { buildCompany } from '../../../test/company-factories.js';
import { buildPark, client, origin, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { companies } from '../schema.js';

let t: TestContext;
type Park = Awaited<ReturnType<typeof buildPark>>;
type Company = Awaited<ReturnType<typeof buildCompany>>;
type Session = Awaited<ReturnType<typeof signedIn>>;
let casablanca: Park;
let rabat: Park;
let atlas: Company;
let oasis: Company;
let admin: Session;
let casablancaManager: Session;
let rabatManager: Session;
let officer: Session;
let atlasAdmin: Session;
let atlasMember: Session;
let committee: Session;

// A 1×1 PNG: a real image, recognised by its first bytes.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  casablanca = await buildPark(db, { name: { fr: 'Technopark Casablanca', ar: 'تكنوبارك الدار البيضاء' } });
  rabat = await buildPark(db, { name: { fr: 'Technopark Rabat' } });
  atlas = await buildCompany(db, {
    legalName: 'Atlas Digital SARL',
    brandName: 'Atlas',
    ice: '001524893000057',
    parkId: casablanca.id,
    sectors: ['ict', 'fintech'],
    stage: 'startup',
    creationDate: '2019-05-02',
    founders: [{ name: 'Salma Bennani', role: 'CEO', email: 'salma@atlas.ma', gender: 'female' }],
    contacts: [{ name: 'Omar Tazi', role: 'CFO', email: 'omar@atlas.ma', phone: '+212 600 000 001' }],
  });
  oasis = await buildCompany(db, {
    legalName: 'Oasis Green SA',
    brandName: 'Oasis',
    parkId: rabat.id,
    sectors: ['greentech'],
    stage: 'sme',
  });
  admin = await signedIn(t.app, db, 'network_admin');
  casablancaManager = await signedIn(t.app, db, 'park_manager', [casablanca.id]);
  rabatManager = await signedIn(t.app, db, 'park_manager', [rabat.id]);
  officer = await signedIn(t.app, db, 'program_officer');
  atlasAdmin = await signedIn(t.app, db, 'company_admin', [atlas.id]);
  atlasMember = await signedIn(t.app, db, 'company_member', [atlas.id]);
  committee = await signedIn(t.app, db, 'committee_member');
});
afterAll(() => t.close());

function newCompany(overrides: Record<string, unknown> = {}) {
  return {
    legalName: 'Sahara Robotics SARL AU',
    brandName: 'Sahara Robotics',
    legalForm: 'sarl_au',
    stage: 'project_holder',
    sectors: ['industry'],
    parkId: casablanca.id,
    initialStatus: { status: 'applicant', effectiveDate: '2021-01-10', reason: 'Application received' },
    ...overrides,
  };
}

async function companyCount() {
  const [{ total }] = await t.database.db.select({ total: count() }).from(companies);
  return Number(total);
}

function put(cookie: string, url: string, payload: unknown, locale = 'fr') {
  return t.app.inject({ method: 'PUT', url, headers: { origin, cookie, 'accept-language': locale }, payload: payload as object });
}

function logoBody(content: Buffer, name = 'logo.png') {
  return { file: { name, content: content.toString('base64') } };
}

describe('identifiers', () => {
  it.each([
    ['fr', '00152489300005', "L'ICE compte exactement 15 chiffres."],
    ['ar', '00152489300005A', 'يتكون التعريف الموحد للمقاولة (ICE) من 15 رقما بالضبط.'],
    ['en', 'ABCDEFGHIJKLMNO', 'The ICE has exactly 15 digits.'],
    ['en', '000000000000000', 'The ICE has exactly 15 digits.'],
  ])('refuses an invalid ICE with a field message (%s: %s), writing nothing', async (locale, ice, message) => {
    const before = await companyCount();
    const response = await client(t.app, admin.cookie, locale).post('/api/v1/companies', newCompany({ ice }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'ice', message }]);
    expect(await companyCount()).toBe(before);
  });

  it('refuses registry numbers that are not digits', async () => {
    const response = await client(t.app, admin.cookie, 'en').post('/api/v1/companies', newCompany({ rcNumber: 'RC-12', cnss: '12a' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: 'rcNumber', message: 'Digits only (at most 12).' },
      { path: 'cnss', message: 'Digits only (at most 12).' },
    ]);
  });

  it('accepts an ICE typed with spaces and keeps its 15 digits', async () => {
    const response = await client(t.app, admin.cookie).post(
      '/api/v1/companies',
      newCompany({ legalName: 'Spaced SARL', ice: '002 345 678 000 091' }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().ice).toBe('002345678000091');
  });

  it.each([
    ['fr', 'Une autre entreprise a déjà cet ICE.'],
    ['ar', 'هذا التعريف الموحد (ICE) مسجل لمقاولة أخرى.'],
    ['en', 'Another company already has this ICE.'],
  ])('answers a second company with the same ICE with a conflict on the field (%s), writing nothing', async (locale, message) => {
    const companiesBefore = await companyCount();
    const response = await client(t.app, admin.cookie, locale).post('/api/v1/companies', newCompany({ ice: '0015 2489 3000 057' }));
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'conflict', details: [{ path: 'ice', message }] });
    expect(await companyCount()).toBe(companiesBefore);

    const edit = await client(t.app, admin.cookie, locale).patch(`/api/v1/companies/${oasis.id}`, { ice: atlas.ice });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.details).toEqual([{ path: 'ice', message }]);
  });

  it('refuses a first status a company cannot start with, and a first date in the future', async () => {
    const before = await companyCount();
    const merged = await client(t.app, admin.cookie, 'en').post(
      '/api/v1/companies',
      newCompany({ initialStatus: { status: 'merged_acquired', effectiveDate: '2020-01-01' } }),
    );
    expect(merged.statusCode).toBe(400);
    expect(merged.json().error.details).toEqual([{ path: 'initialStatus.status', message: 'A company cannot start with this status.' }]);
    const future = await client(t.app, admin.cookie, 'en').post(
      '/api/v1/companies',
      newCompany({ initialStatus: { status: 'applicant', effectiveDate: '2999-01-01' } }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ path: 'initialStatus.effectiveDate', message: 'This date is in the future.' }]);
    expect(await companyCount()).toBe(before);
  });
});

describe('logo', () => {
  it('accepts a PNG, serves it to whoever reads the company, and deletes the one it replaces', async () => {
    const saved = await put(atlasAdmin.cookie, `/api/v1/companies/${atlas.id}/logo`, logoBody(png));
    expect(saved.statusCode).toBe(200);
    const firstUrl = saved.json().logoUrl as string;
    expect(firstUrl).toMatch(new RegExp(`^/api/v1/companies/${atlas.id}/logo\\?v=`));

    const served = await client(t.app, atlasMember.cookie).get(firstUrl);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(served.rawPayload, png)).toBe(0);
    expect((await client(t.app, rabatManager.cookie).get(firstUrl)).statusCode).toBe(404);
    expect((await client(t.app).get(firstUrl)).statusCode).toBe(401);

    const firstFileId = new URL(firstUrl, 'http://x').searchParams.get('v') as string;
    const replaced = await put(casablancaManager.cookie, `/api/v1/companies/${atlas.id}/logo`, logoBody(png, 'new.png'));
    expect(replaced.json().logoUrl).not.toBe(firstUrl);
    expect(await t.database.db.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.id, firstFileId))).toEqual([]);
  });

  it.each([
    ['an SVG', svg, 'logo.svg', 'Envoyez une image PNG, JPEG ou WebP.'],
    ['a text file renamed .png', Buffer.from('just some text, not a picture'), 'logo.png', 'Envoyez une image PNG, JPEG ou WebP.'],
    ['a PNG over 1 MB', Buffer.concat([png, Buffer.alloc(1024 * 1024)]), 'big.png', 'Le fichier est trop volumineux (1024 Ko au plus).'],
  ])('refuses %s and keeps the logo it had', async (_what, content, name, message) => {
    const before = (await client(t.app, admin.cookie).get(`/api/v1/companies/${atlas.id}`)).json().logoUrl;
    const response = await put(admin.cookie, `/api/v1/companies/${atlas.id}/logo`, logoBody(content, name));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'file', message }]);
    expect((await client(t.app, admin.cookie).get(`/api/v1/companies/${atlas.id}`)).json().logoUrl).toBe(before);
  });

  it('lets only those who edit the profile put or remove a logo', async () => {
    expect((await put(atlasMember.cookie, `/api/v1/companies/${atlas.id}/logo`, logoBody(png))).statusCode).toBe(403);
    expect((await put(rabatManager.cookie, `/api/v1/companies/${atlas.id}/logo`, logoBody(png))).statusCode).toBe(404);
    expect((await client(t.app, officer.cookie).delete(`/api/v1/companies/${atlas.id}/logo`)).statusCode).toBe(403);
    const withLogo = await buildCompany(t.database.db, { parkId: casablanca.id });
    await put(casablancaManager.cookie, `/api/v1/companies/${withLogo.id}/logo`, logoBody(png));
    const removed = await client(t.app, casablancaManager.cookie).delete(`/api/v1/companies/${withLogo.id}/logo`);
    expect(removed.statusCode).toBe(204);
    expect((await client(t.app, casablancaManager.cookie).get(`/api/v1/companies/${withLogo.id}`)).json().logoUrl).toBeNull();
    expect((await client(t.app, casablancaManager.cookie).get(`/api/v1/companies/${withLogo.id}/logo`)).statusCode).toBe(404);
  });
});

describe('who may do what', () => {
  it('asks anonymous callers to sign in and refuses roles without companies', async () => {
    const anonymous = client(t.app);
    expect((await anonymous.get('/api/v1/companies')).statusCode).toBe(401);
    expect((await anonymous.get(`/api/v1/companies/${atlas.id}`)).statusCode).toBe(401);
    expect((await anonymous.get(`/api/v1/companies/${atlas.id}/history`)).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/companies', newCompany())).statusCode).toBe(401);
    expect((await client(t.app, committee.cookie).get('/api/v1/companies')).statusCode).toBe(403);
    expect((await client(t.app, committee.cookie).get(`/api/v1/companies/${atlas.id}`)).statusCode).toBe(403);
  });

  it('shows a park manager the companies of their park only; another park is not found', async () => {
    const manager = client(t.app, casablancaManager.cookie);
    const list = (await manager.get('/api/v1/companies?pageSize=100')).json();
    const ids = list.items.map((company: { id: string }) => company.id);
    expect(ids).toContain(atlas.id);
    expect(ids).not.toContain(oasis.id);
    expect(list.items.every((company: { parkId: string }) => company.parkId === casablanca.id)).toBe(true);
    expect(list.total).toBe(list.items.length);
    expect((await manager.get(`/api/v1/companies/${oasis.id}`)).statusCode).toBe(404);
    expect((await manager.get(`/api/v1/companies/${oasis.id}/history`)).statusCode).toBe(404);
    expect((await manager.patch(`/api/v1/companies/${oasis.id}`, { brandName: 'Mine' })).statusCode).toBe(404);
    const transition = await manager.post(`/api/v1/companies/${oasis.id}/transitions`, {
      status: 'alumni',
      effectiveDate: '2023-01-01',
      reason: 'x',
    });
    expect(transition.statusCode).toBe(404);

    const detail = (await manager.get(`/api/v1/companies/${atlas.id}`)).json();
    expect(detail.rights).toMatchObject({ read: true, editProfile: true, recordStatus: true, manageMembers: true });
    expect(detail.founders[0].email).toBe('salma@atlas.ma');
  });

  it('lets a park manager create companies in their park only, and a network admin anywhere', async () => {
    const elsewhere = await client(t.app, casablancaManager.cookie, 'en').post('/api/v1/companies', newCompany({ parkId: rabat.id }));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.details).toEqual([{ path: 'parkId', message: 'You can only add companies to the parks you manage.' }]);
    const noPark = await client(t.app, casablancaManager.cookie).post('/api/v1/companies', newCompany({ parkId: null }));
    expect(noPark.statusCode).toBe(400);
    expect(
      (await client(t.app, admin.cookie).post('/api/v1/companies', newCompany({ legalName: 'Rabat One', parkId: rabat.id }))).statusCode,
    ).toBe(201);
    expect((await client(t.app, officer.cookie).post('/api/v1/companies', newCompany())).statusCode).toBe(403);
    expect((await client(t.app, atlasAdmin.cookie).post('/api/v1/companies', newCompany())).statusCode).toBe(403);
    const unknownPark = await client(t.app, admin.cookie).post(
      '/api/v1/companies',
      newCompany({ parkId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknownPark.statusCode).toBe(400);
    expect(unknownPark.json().error.details[0].path).toBe('parkId');
  });

  it('lets program officers read every company and change none', async () => {
    const officerClient = client(t.app, officer.cookie);
    const detail = await officerClient.get(`/api/v1/companies/${oasis.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().rights).toMatchObject({ read: true, editProfile: false, recordStatus: false, manageMembers: false });
    expect((await officerClient.patch(`/api/v1/companies/${oasis.id}`, { brandName: 'x' })).statusCode).toBe(403);
    const transition = await officerClient.post(`/api/v1/companies/${oasis.id}/transitions`, {
      status: 'alumni',
      effectiveDate: '2023-01-01',
      reason: 'x',
    });
    expect(transition.statusCode).toBe(403);
  });

  it('lets a company admin edit their profile but not their status, and not see another company', async () => {
    const own = client(t.app, atlasAdmin.cookie);
    const edited = await own.patch(`/api/v1/companies/${atlas.id}`, {
      // Given in English only: a French reader reads it in English.
      description: { en: 'Payments for Moroccan SMEs' },
      website: 'https://atlas.ma',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      description: 'Payments for Moroccan SMEs',
      website: 'https://atlas.ma',
      legalName: 'Atlas Digital SARL',
    });
    expect(edited.json().rights).toMatchObject({ editProfile: true, recordStatus: false, manageMembers: true });
    const transition = await own.post(`/api/v1/companies/${atlas.id}/transitions`, {
      status: 'alumni',
      effectiveDate: '2023-01-01',
      reason: 'x',
    });
    expect(transition.statusCode).toBe(403);
    expect((await own.get(`/api/v1/companies/${oasis.id}`)).statusCode).toBe(404);
    expect((await own.patch(`/api/v1/companies/${oasis.id}`, { brandName: 'Mine' })).statusCode).toBe(404);
    const list = (await own.get('/api/v1/companies')).json();
    expect(list.items.map((company: { id: string }) => company.id)).toEqual([atlas.id]);
    const move = await own.patch(`/api/v1/companies/${atlas.id}`, { parkId: rabat.id });
    expect(move.statusCode).toBe(403);
    expect(move.json().error.details[0].path).toBe('parkId');
  });

  it('shows a company member their company read-only', async () => {
    const member = client(t.app, atlasMember.cookie);
    const detail = await member.get(`/api/v1/companies/${atlas.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().rights).toMatchObject({ read: true, editProfile: false, manageMembers: false, recordStatus: false });
    expect((await member.patch(`/api/v1/companies/${atlas.id}`, { brandName: 'x' })).statusCode).toBe(403);
    expect((await member.get(`/api/v1/companies/${oasis.id}`)).statusCode).toBe(404);
  });

  it('moves a company to another park only for a network admin or the staff of both parks', async () => {
    const company = await buildCompany(t.database.db, { parkId: casablanca.id });
    expect((await client(t.app, casablancaManager.cookie).patch(`/api/v1/companies/${company.id}`, { parkId: rabat.id })).statusCode).toBe(
      403,
    );
    const both = await signedIn(t.app, t.database.db, 'park_manager', [casablanca.id, rabat.id]);
    const moved = await client(t.app, both.cookie).patch(`/api/v1/companies/${company.id}`, { parkId: rabat.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parkId).toBe(rabat.id);
    const back = await client(t.app, admin.cookie).patch(`/api/v1/companies/${company.id}`, { parkId: casablanca.id });
    expect(back.json().parkId).toBe(casablanca.id);
    // The history keeps where the company was at the time of each status.
    expect(back.json().history[0].parkId).toBe(casablanca.id);
  });

  it('leaves unmentioned fields alone on a partial update', async () => {
    const company = await buildCompany(t.database.db, {
      parkId: casablanca.id,
      brandName: 'Keep',
      sectors: ['edtech'],
      description: { fr: 'Kept' },
    });
    const response = await client(t.app, casablancaManager.cookie).patch(`/api/v1/companies/${company.id}`, { legalName: 'Renamed SARL' });
    expect(response.json()).toMatchObject({ legalName: 'Renamed SARL', brandName: 'Keep', sectors: ['edtech'], description: 'Kept' });
  });

  it('keeps a description in each language given, read in the reader’s language or else in the one given', async () => {
    const company = await buildCompany(t.database.db, { parkId: casablanca.id });
    const url = `/api/v1/companies/${company.id}`;
    const edited = await client(t.app, casablancaManager.cookie).patch(url, { description: { fr: 'Paiements', ar: ' أداءات ', en: '' } });
    expect(edited.statusCode).toBe(200);
    // Blank languages are not kept, so that nobody reads an empty text.
    expect(edited.json().descriptions).toEqual({ fr: 'Paiements', ar: 'أداءات' });
    expect((await client(t.app, casablancaManager.cookie, 'ar').get(url)).json().description).toBe('أداءات');
    expect((await client(t.app, casablancaManager.cookie, 'en').get(url)).json().description).toBe('Paiements');
    await client(t.app, casablancaManager.cookie).patch(url, { description: { ar: 'أداءات' } });
    expect((await client(t.app, casablancaManager.cookie, 'fr').get(url)).json().description).toBe('أداءات');
  });
});

describe('company list', () => {
  let list: Park;
  beforeAll(async () => {
    const db = t.database.db;
    list = await buildPark(db, { name: { fr: 'Technopark Agadir' } });
    await buildCompany(
      db,
      {
        legalName: 'Argan Labs',
        brandName: 'Argan',
        parkId: list.id,
        sectors: ['agritech'],
        stage: 'startup',
        ice: '003111222000044',
        creationDate: '2018-01-01',
      },
      [{ status: 'resident', effectiveDate: '2020-02-01' }],
    );
    await buildCompany(
      db,
      { legalName: 'Souss Fish', brandName: '', parkId: list.id, sectors: ['fisheries'], stage: 'sme', creationDate: '2010-06-01' },
      [
        { status: 'resident', effectiveDate: '2019-01-01' },
        { status: 'alumni', effectiveDate: '2022-09-01' },
      ],
    );
    await buildCompany(
      db,
      { legalName: 'Bahia Tours', brandName: 'Bahia', parkId: list.id, sectors: ['tourism', 'ict'], stage: 'tpe', creationDate: null },
      [{ status: 'applicant', effectiveDate: '2023-03-01' }],
    );
  });

  const names = (response: { json: () => { items: { legalName: string }[] } }) => response.json().items.map((company) => company.legalName);

  it('filters by park, status, sector and stage, and searches names and ICE', async () => {
    const a = client(t.app, admin.cookie);
    expect(names(await a.get(`/api/v1/companies?parkId=${list.id}`))).toEqual(['Argan Labs', 'Bahia Tours', 'Souss Fish']);
    const alumni = await a.get(`/api/v1/companies?parkId=${list.id}&status=alumni`);
    expect(names(alumni)).toEqual(['Souss Fish']);
    expect(alumni.json().total).toBe(1);
    expect(names(await a.get(`/api/v1/companies?parkId=${list.id}&sector=ict`))).toEqual(['Bahia Tours']);
    expect(names(await a.get(`/api/v1/companies?parkId=${list.id}&stage=sme`))).toEqual(['Souss Fish']);
    expect(names(await a.get('/api/v1/companies?q=argan'))).toEqual(['Argan Labs']);
    expect(names(await a.get(`/api/v1/companies?q=${encodeURIComponent('003 111 222')}`))).toEqual(['Argan Labs']);
    expect((await a.get('/api/v1/companies?status=bogus')).statusCode).toBe(400);
  });

  it('sorts by name, creation date and status date, and paginates', async () => {
    const a = client(t.app, admin.cookie);
    const base = `/api/v1/companies?parkId=${list.id}`;
    expect(names(await a.get(`${base}&sort=name&order=desc`))).toEqual(['Souss Fish', 'Bahia Tours', 'Argan Labs']);
    expect(names(await a.get(`${base}&sort=creationDate`))).toEqual(['Souss Fish', 'Argan Labs', 'Bahia Tours']);
    expect(names(await a.get(`${base}&sort=statusDate&order=desc`))).toEqual(['Bahia Tours', 'Souss Fish', 'Argan Labs']);
    const page2 = await a.get(`${base}&sort=name&pageSize=2&page=2`);
    expect(page2.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(names(page2)).toEqual(['Souss Fish']);
    expect(page2.json().items[0]).toMatchObject({ status: 'alumni', statusDate: '2022-09-01', parkName: 'Technopark Agadir' });
  });

  it('exports the filtered list as CSV and XLSX in the reader language, within the reader scope', async () => {
    const csv = await client(t.app, admin.cookie, 'en').get(`/api/v1/companies/export?format=csv&parkId=${list.id}&sort=name`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Legal name,Brand,ICE,Legal form,Stage,Sectors,Park,Status,Status since,Creation date');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('Argan Labs,Argan,003111222000044');
    expect(lines[3]).toContain('alumni,2022-09-01');

    const xlsx = await client(t.app, admin.cookie, 'fr').get(`/api/v1/companies/export?format=xlsx&parkId=${list.id}&status=resident`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Raison sociale');
    expect(sheet.getRow(2).getCell(8).value).toBe('résidente');
    expect(sheet.rowCount).toBe(2);

    const scoped = await client(t.app, rabatManager.cookie, 'en').get(`/api/v1/companies/export?format=csv&parkId=${list.id}`);
    expect(
      scoped.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
  });
});
