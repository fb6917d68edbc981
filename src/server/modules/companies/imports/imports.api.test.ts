import { setImmediate as nextTurn } from 'node:timers/promises';
import { asc, count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.js';
import { buildCompany } from '../../../test/company-factories.js';
import { buildPark, client, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { companies, companyImports, companyStatusEvents } from '../schema.js';
import { companyImportQueue } from './import-jobs.js';

let t: TestContext;
let casablanca: Awaited<ReturnType<typeof buildPark>>;
let rabat: Awaited<ReturnType<typeof buildPark>>;
let admin: { id: string; cookie: string };
let casaManager: { id: string; cookie: string };
let rabatManager: { id: string; cookie: string };
let companyAdmin: { cookie: string };

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  casablanca = await buildPark(db, {
    slug: 'casablanca',
    name: { fr: 'Technopark Casablanca', ar: 'تكنوبارك الدار البيضاء' },
    city: { fr: 'Casablanca' },
  });
  rabat = await buildPark(db, { slug: 'rabat', name: { fr: 'Technopark Rabat', en: 'Technopark Rabat' }, city: { fr: 'Rabat' } });
  admin = await signedIn(t.app, db, 'network_admin');
  casaManager = await signedIn(t.app, db, 'park_manager', [casablanca.id]);
  rabatManager = await signedIn(t.app, db, 'park_manager', [rabat.id]);
  const company = await buildCompany(db, { parkId: casablanca.id });
  companyAdmin = await signedIn(t.app, db, 'company_admin', [company.id]);
});
afterAll(() => t.close());

const runJobs = () => t.deps.jobs.runQueued(companyImportQueue);

async function companyCount(): Promise<number> {
  const [{ total }] = await t.database.db.select({ total: count() }).from(companies);
  return Number(total);
}

function csv(rows: string[][], delimiter = ';'): string {
  return `\uFEFF${rows.map((cells) => cells.map((cell) => (/[;,"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)).join('\r\n')}\r\n`;
}

function upload(cookie: string | undefined, name: string, content: string | Buffer, parkId: string | null = null, locale = 'fr') {
  return client(t.app, cookie, locale).post('/api/v1/companies/imports', {
    file: { name, content: Buffer.from(content).toString('base64') },
    parkId,
  });
}

/** Sends a file, runs its check, and answers the import as its sender reads it. */
async function uploadAndCheck(cookie: string, name: string, content: string | Buffer, parkId: string | null = null, locale = 'fr') {
  const sent = await upload(cookie, name, content, parkId, locale);
  expect(sent.statusCode, sent.body).toBe(201);
  expect(sent.json()).toMatchObject({ status: 'validating', fileName: name });
  expect(await runJobs()).toBe(1);
  const checked = await client(t.app, cookie, locale).get(`/api/v1/companies/imports/${sent.json().id}`);
  expect(checked.statusCode).toBe(200);
  return checked.json();
}

const frenchHeaders = [
  'Raison sociale',
  'Nom commercial',
  'Forme juridique',
  'ICE',
  'RC',
  'Tribunal',
  'IF',
  'Patente',
  'CNSS',
  'Date de création',
  'Secteurs',
  'Stade',
  'Parc',
  'Site web',
  'E-mail',
  'Téléphone',
  'Adresse',
  'Statut',
  'Date du statut',
  "Date d'entrée",
];

describe('importing a good file', () => {
  it('checks a French CSV (semicolons, byte-order mark), previews it, then imports every company with its history', async () => {
    const file = csv([
      frenchHeaders,
      [
        'Atlas Digital',
        'AtlasDS',
        'SARL',
        '002345678000107',
        '412345',
        'Casablanca',
        '45678901',
        '34567890',
        '9876543',
        '15/03/2021',
        'Fintech; Logistique',
        'Startup',
        'casablanca',
        'www.atlas-ds.ma',
        'contact@atlas-ds.ma',
        '+212 522 00 00 00',
        'Technopark, Casablanca',
        'ancienne résidente',
        '30/06/2024',
        '01/09/2021',
      ],
      [
        'Bidaya Labs',
        '',
        'SARL AU',
        '001112223000045',
        '',
        '',
        '',
        '',
        '',
        '2022-01-10',
        'Edtech',
        'Porteur de projet',
        '',
        '',
        '',
        '',
        '',
        'résidente',
        '2023-02-01',
        '',
      ],
    ]);
    const before = await companyCount();
    const checked = await uploadAndCheck(casaManager.cookie, 'entreprises.csv', file, casablanca.id);
    expect(checked).toMatchObject({
      status: 'ready',
      totalRows: 2,
      processedRows: 2,
      invalidRows: 0,
      problemCount: 0,
      problems: [],
      canConfirm: true,
    });
    expect(checked.columns.map((column: { field: string }) => column.field)).toEqual([
      'legalName',
      'brandName',
      'legalForm',
      'ice',
      'rcNumber',
      'rcCourt',
      'ifNumber',
      'patente',
      'cnss',
      'creationDate',
      'sectors',
      'stage',
      'park',
      'website',
      'email',
      'phone',
      'address',
      'status',
      'statusDate',
      'entryDate',
    ]);
    expect(checked.preview).toEqual([
      expect.objectContaining({
        row: 2,
        legalName: 'Atlas Digital',
        legalForm: 'sarl',
        ice: '002345678000107',
        creationDate: '2021-03-15',
        sectors: ['fintech', 'logistics'],
        stage: 'startup',
        park: { id: casablanca.id, name: 'Technopark Casablanca' },
        website: 'https://www.atlas-ds.ma',
        history: [
          { status: 'resident', effectiveDate: '2021-09-01' },
          { status: 'alumni', effectiveDate: '2024-06-30' },
        ],
        hasProblems: false,
      }),
      expect.objectContaining({
        row: 3,
        legalName: 'Bidaya Labs',
        legalForm: 'sarl_au',
        stage: 'project_holder',
        park: { id: casablanca.id, name: 'Technopark Casablanca' },
      }),
    ]);
    expect(await companyCount()).toBe(before);

    const confirmed = await client(t.app, casaManager.cookie).post(`/api/v1/companies/imports/${checked.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'importing', canConfirm: false });
    const again = await client(t.app, casaManager.cookie).post(`/api/v1/companies/imports/${checked.id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual([
      { path: 'status', message: 'Cet import ne peut pas être confirmé : il est en cours d’import.' },
    ]);
    expect(await runJobs()).toBe(1);

    const done = (await client(t.app, casaManager.cookie).get(`/api/v1/companies/imports/${checked.id}`)).json();
    expect(done).toMatchObject({ status: 'completed', importedRows: 2, confirmedBy: { id: casaManager.id } });
    expect(await companyCount()).toBe(before + 2);
    const atlas = await t.database.db.select().from(companies).where(eq(companies.ice, '002345678000107'));
    expect(atlas[0]).toMatchObject({
      legalName: 'Atlas Digital',
      parkId: casablanca.id,
      rcCourt: 'Casablanca',
      phone: '+212 522 00 00 00',
    });
    const history = await t.database.db
      .select()
      .from(companyStatusEvents)
      .where(eq(companyStatusEvents.companyId, atlas[0].id))
      .orderBy(asc(companyStatusEvents.effectiveDate));
    expect(history.map((event) => [event.status, event.effectiveDate, event.source, event.recordedBy])).toEqual([
      ['resident', '2021-09-01', 'import', casaManager.id],
      ['alumni', '2024-06-30', 'import', casaManager.id],
    ]);
    const [bidaya] = await t.database.db.select().from(companies).where(eq(companies.ice, '001112223000045'));
    const bidayaHistory = await t.database.db.select().from(companyStatusEvents).where(eq(companyStatusEvents.companyId, bidaya.id));
    expect(bidayaHistory.map((event) => [event.status, event.effectiveDate, event.source])).toEqual([['resident', '2023-02-01', 'import']]);

    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.entityId, [checked.id, atlas[0].id, bidaya.id]));
    expect(audit.map((entry) => entry.action).sort()).toEqual([
      'company.create',
      'company.create',
      'company_import.complete',
      'company_import.confirm',
      'company_import.create',
      'company_import.validate',
    ]);
    const after = await client(t.app, casaManager.cookie).post(`/api/v1/companies/imports/${checked.id}/confirm`);
    expect(after.statusCode).toBe(409);
  });

  it('checks an XLSX workbook with English headers, spreadsheet dates and number cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Companies');
    sheet.addRow(['Legal name', 'ICE', 'Legal form', 'Sectors', 'Stage', 'Park', 'Status', 'Status date', 'Entry date', 'Phone', 'Notes']);
    sheet.addRow([
      'Sahara Green',
      3456789000012,
      'SA',
      'Greentech',
      'SME',
      'Technopark Rabat',
      'Closed',
      new Date('2023-12-31T00:00:00Z'),
      new Date('2019-05-02T00:00:00Z'),
      537000000,
      'kept aside',
    ]);
    sheet.addRow([
      'Medina Soft',
      '004567890000023',
      'Other',
      'Information technology, Fintech',
      'Startup',
      'casablanca',
      'Non-resident member',
      '2022-04-01',
      '',
      '',
      '',
    ]);
    book.addWorksheet('Notes').addRow(['This sheet is not read']);
    const before = await companyCount();
    const checked = await uploadAndCheck(admin.cookie, 'companies.xlsx', Buffer.from(await book.xlsx.writeBuffer()), null, 'en');
    expect(checked.problems).toEqual([]);
    expect(checked).toMatchObject({ status: 'ready', totalRows: 2 });
    expect(checked.columns.at(-1)).toEqual({ header: 'Notes', field: null });
    expect(checked.preview[0]).toMatchObject({
      ice: '003456789000012',
      legalForm: 'sa',
      stage: 'sme',
      park: { id: rabat.id, name: 'Technopark Rabat' },
      phone: '0537000000',
      history: [
        { status: 'resident', effectiveDate: '2019-05-02' },
        { status: 'closed', effectiveDate: '2023-12-31' },
      ],
    });
    expect(checked.preview[1]).toMatchObject({
      sectors: ['ict', 'fintech'],
      history: [{ status: 'non_resident_member', effectiveDate: '2022-04-01' }],
    });

    expect((await client(t.app, admin.cookie).post(`/api/v1/companies/imports/${checked.id}/confirm`)).statusCode).toBe(200);
    await runJobs();
    expect((await client(t.app, admin.cookie).get(`/api/v1/companies/imports/${checked.id}`)).json()).toMatchObject({
      status: 'completed',
      importedRows: 2,
    });
    expect(await companyCount()).toBe(before + 2);
  });

  it('gives a template in the reader language that imports as it is', async () => {
    const frenchCsv = await client(t.app, casaManager.cookie, 'fr').get('/api/v1/companies/import-template?format=csv');
    expect(frenchCsv.statusCode).toBe(200);
    expect(frenchCsv.headers['content-type']).toContain('text/csv');
    const [header, example] = frenchCsv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header.split(';')).toEqual([
      'Raison sociale',
      'Nom commercial',
      'Forme juridique',
      'ICE',
      'RC',
      'Tribunal',
      'IF',
      'Patente',
      'CNSS',
      'Date de création',
      'Secteurs',
      'Stade',
      'Parc',
      'Site web',
      'E-mail',
      'Téléphone',
      'Adresse',
      'Description',
      'Statut',
      'Date du statut',
      "Date d'entrée",
      "Nom de l'administrateur",
      "E-mail de l'administrateur",
    ]);
    expect(example).toContain(';casablanca;');

    const arabic = await client(t.app, rabatManager.cookie, 'ar').get('/api/v1/companies/import-template?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arabic.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].getRow(1).getCell(1).value).toBe('الاسم القانوني');
    expect(book.worksheets[0].views[0].rightToLeft).toBe(true);

    // The example is a real company of the reader's park: sent back, it is understood whole.
    const checkedCsv = await uploadAndCheck(casaManager.cookie, 'modele.csv', frenchCsv.rawPayload);
    expect(checkedCsv).toMatchObject({ status: 'ready', problems: [] });
    expect(checkedCsv.preview[0]).toMatchObject({ park: { id: casablanca.id }, history: [{ status: 'resident' }, { status: 'alumni' }] });
    const checkedXlsx = await uploadAndCheck(rabatManager.cookie, 'نموذج.xlsx', arabic.rawPayload, null, 'ar');
    expect(checkedXlsx).toMatchObject({ status: 'ready', problems: [] });
    expect(checkedXlsx.preview[0]).toMatchObject({ park: { id: rabat.id }, legalForm: 'sarl', sectors: ['fintech', 'logistics'] });
  });
});

describe('a file with bad rows', () => {
  const rows = [
    ['Raison sociale', 'ICE', 'Secteurs', 'Stade', 'Parc', 'Statut', 'Date du statut'],
    ['Quatorze', '12345678901234', 'Fintech', 'Startup', 'casablanca', 'résidente', ''],
    ['Premier', '005555555000011', 'Fintech', 'Startup', 'casablanca', 'résidente', ''],
    ['Doublon', '005555555000011', 'Fintech', 'Startup', 'casablanca', 'résidente', ''],
    ['Ailleurs', '', 'Fintech', 'Startup', 'tanger', 'résidente', ''],
    ['Spatiale', '', 'Spatial', 'Startup', 'casablanca', 'résidente', ''],
    ['Partie', '', 'Fintech', 'Startup', 'casablanca', 'ancienne résidente', ''],
    ['Voisine', '', 'Fintech', 'Startup', 'rabat', 'résidente', ''],
    ['Bonne', '006666666000022', 'Edtech', 'TPE', 'casablanca', 'résidente', '2024-01-01'],
  ];

  it('lists every problem with its row and column in the reader language, and imports nothing', async () => {
    const before = await companyCount();
    const checked = await uploadAndCheck(casaManager.cookie, 'a-corriger.csv', csv(rows));
    expect(checked).toMatchObject({
      status: 'invalid',
      totalRows: 8,
      processedRows: 8,
      invalidRows: 6,
      problemCount: 6,
      canConfirm: false,
    });
    expect(checked.problems).toEqual([
      { row: 2, column: 'ICE', message: "L'ICE compte exactement 15 chiffres." },
      { row: 4, column: 'ICE', message: 'Cet ICE figure déjà à la ligne 3.' },
      { row: 5, column: 'Parc', message: 'Aucun parc « tanger » dans le réseau.' },
      { row: 6, column: 'Secteurs', message: 'Secteur inconnu : « Spatial ».' },
      { row: 7, column: 'Date du statut', message: 'La date du statut est obligatoire pour le statut « ancienne résidente ».' },
      { row: 8, column: 'Parc', message: 'Vous ne gérez pas le parc « rabat ».' },
    ]);
    expect(checked.preview.map((row: { row: number; hasProblems: boolean }) => [row.row, row.hasProblems])).toEqual([
      [2, true],
      [3, false],
      [4, true],
      [5, true],
      [6, true],
      [7, true],
      [8, true],
      [9, false],
    ]);

    const arabic = (await client(t.app, casaManager.cookie, 'ar').get(`/api/v1/companies/imports/${checked.id}`)).json();
    expect(arabic.problems[4]).toEqual({ row: 7, column: 'Date du statut', message: 'تاريخ الوضعية إلزامي للوضعية «مقاولة سابقة».' });

    const confirm = await client(t.app, casaManager.cookie, 'en').post(`/api/v1/companies/imports/${checked.id}/confirm`);
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.details[0].message).toBe('This import cannot be confirmed: it is to correct.');
    expect(await runJobs()).toBe(0);
    expect(await companyCount()).toBe(before);

    const exported = await client(t.app, casaManager.cookie, 'fr').get(
      `/api/v1/companies/imports/${checked.id}/problems/export?format=csv`,
    );
    const lines = exported.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // French: semicolons, like the French import template the file came from.
    expect(lines[0]).toBe('Ligne;Colonne;Problème');
    expect(lines.slice(1)).toEqual(
      checked.problems.map(
        (problem: { row: number; column: string; message: string }) => `${problem.row};${problem.column};${problem.message}`,
      ),
    );
    // The same problems a page at a time, in file order.
    const second = (
      await client(t.app, casaManager.cookie).get(`/api/v1/companies/imports/${checked.id}/problems?page=2&pageSize=4`)
    ).json();
    expect(second).toEqual({ items: checked.problems.slice(4), total: 6, totalExact: true, page: 2, pageSize: 4 });
    const xlsx = await client(t.app, casaManager.cookie, 'en').get(`/api/v1/companies/imports/${checked.id}/problems/export?format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].getRow(2).values).toEqual([undefined, 2, 'ICE', 'The ICE has exactly 15 digits.']);
  });

  it('says which required columns are missing, in the reader language', async () => {
    const checked = await uploadAndCheck(
      admin.cookie,
      'colonnes.csv',
      csv([
        ['Nom', 'ICE'],
        ['Atlas', ''],
      ]),
      null,
      'en',
    );
    expect(checked).toMatchObject({ status: 'invalid', processedRows: 0 });
    expect(checked.problems).toEqual([
      { row: 1, column: 'Stage', message: 'The column "Stage" is missing.' },
      { row: 1, column: 'Status', message: 'The column "Status" is missing.' },
    ]);
  });

  it('fails whole when another company takes one of its ICE numbers before it is imported', async () => {
    const checked = await uploadAndCheck(
      casaManager.cookie,
      'course.csv',
      csv([
        ['Raison sociale', 'ICE', 'Stade', 'Statut'],
        ['Alpha', '007777777000033', 'Startup', 'résidente'],
        ['Beta', '008888888000044', 'Startup', 'résidente'],
        ['Gamma', '', 'Startup', 'résidente'],
      ]),
      casablanca.id,
    );
    expect(checked.status).toBe('ready');
    await buildCompany(t.database.db, { ice: '008888888000044', parkId: rabat.id });
    const before = await companyCount();
    expect((await client(t.app, casaManager.cookie).post(`/api/v1/companies/imports/${checked.id}/confirm`)).statusCode).toBe(200);
    await runJobs();
    const failed = (await client(t.app, casaManager.cookie).get(`/api/v1/companies/imports/${checked.id}`)).json();
    expect(failed).toMatchObject({ status: 'failed', importedRows: 0, canConfirm: false });
    expect(failed.problems).toEqual([
      { row: 3, column: 'ICE', message: 'Une entreprise avec cet ICE est déjà enregistrée dans le réseau.' },
    ]);
    expect(await companyCount()).toBe(before);
    const alpha = await t.database.db.select().from(companies).where(eq(companies.ice, '007777777000033'));
    expect(alpha).toEqual([]);
  });
});

describe('progress of a large file', () => {
  const bigFile = () =>
    csv([
      ['Raison sociale', 'ICE', 'Stade', 'Statut', 'Date du statut'],
      ...Array.from({ length: 2000 }, (_, index) => [
        `Entreprise ${index + 1}`,
        `9${String(index + 1).padStart(14, '0')}`,
        'Startup',
        'résidente',
        '2020-01-01',
      ]),
    ]);

  it('commits progress as the check goes, so that a reader sees it move, then imports all 2,000', async () => {
    const sent = await upload(casaManager.cookie, 'grand.csv', bigFile(), casablanca.id);
    const id = sent.json().id;
    // A reader polls the import while the queued job runs beside it in this process. An injected request on
    // PGlite completes without leaving the current turn of the event loop (no socket, no I/O), so each poll waits
    // for the next turn, as a browser's request would arrive from the network: otherwise the job, which yields a
    // turn between batches, would never run again and the loop would poll forever.
    let finished = false;
    const job = runJobs().finally(() => {
      finished = true;
    });
    const seen: number[] = [];
    while (!finished && seen.length < 100_000) {
      await nextTurn();
      const reading = (await client(t.app, casaManager.cookie).get(`/api/v1/companies/imports/${id}`)).json();
      if (reading.status === 'validating') seen.push(reading.processedRows);
    }
    expect(finished).toBe(true);
    expect(await job).toBe(1);
    expect(seen.some((processed) => processed > 0 && processed < 2000)).toBe(true);
    expect(seen.every((processed) => processed % 250 === 0)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const ready = (await client(t.app, casaManager.cookie).get(`/api/v1/companies/imports/${id}`)).json();
    expect(ready).toMatchObject({ status: 'ready', processedRows: 2000, totalRows: 2000 });
    expect(ready.preview).toHaveLength(20);

    const before = await companyCount();
    await client(t.app, casaManager.cookie).post(`/api/v1/companies/imports/${id}/confirm`);
    await runJobs();
    expect((await client(t.app, casaManager.cookie).get(`/api/v1/companies/imports/${id}`)).json()).toMatchObject({
      status: 'completed',
      importedRows: 2000,
    });
    expect(await companyCount()).toBe(before + 2000);
    const [stored] = await t.database.db.select({ rows: companyImports.rows }).from(companyImports).where(eq(companyImports.id, id));
    expect(stored.rows).toHaveLength(20);
  }, 120_000);
});

describe('files that are not tables', () => {
  it('refuses a text file named .xlsx, an empty file and a file over the limit, and keeps nothing', async () => {
    const [{ total: before }] = await t.database.db.select({ total: count() }).from(companyImports);
    const renamed = await upload(casaManager.cookie, 'entreprises.xlsx', 'Raison sociale;ICE\nAtlas;1\n', null, 'en');
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.details).toEqual([
      {
        path: 'file',
        message: 'This file is named .xlsx but is not an Excel workbook: save it again from your spreadsheet as XLSX, or as CSV UTF-8.',
      },
    ]);
    const empty = await upload(casaManager.cookie, 'vide.csv', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([{ path: 'file', message: 'Le fichier est vide.' }]);
    const large = await upload(casaManager.cookie, 'enorme.csv', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'));
    expect(large.statusCode).toBe(400);
    expect(large.json().error.details).toEqual([{ path: 'file', message: 'Le fichier est trop volumineux (5120 Ko au plus).' }]);
    const pdf = await upload(casaManager.cookie, 'scan.pdf', '%PDF-1.7\n...');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.details[0].message).toBe('Envoyez un fichier CSV (UTF-8) ou un classeur Excel (XLSX).');
    const [{ total: after }] = await t.database.db.select({ total: count() }).from(companyImports);
    expect(after).toBe(before);
  });

  it('says when a CSV has a header but no company under it', async () => {
    const checked = await uploadAndCheck(admin.cookie, 'entete.csv', '\uFEFFRaison sociale;Stade;Statut\r\n;;\r\n');
    expect(checked).toMatchObject({
      status: 'invalid',
      problems: [{ row: 0, column: '', message: "Le fichier n'a aucune ligne d'entreprise sous sa ligne d'en-tête." }],
    });
  });
});

describe('who may import', () => {
  const oneRow = () =>
    csv([
      ['Raison sociale', 'Stade', 'Statut'],
      ['Solo', 'Startup', 'résidente'],
    ]);

  it('keeps park managers to their parks, with the reason on the field', async () => {
    const response = await upload(casaManager.cookie, 'rabat.csv', oneRow(), rabat.id);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.details).toEqual([{ path: 'parkId', message: 'Vous ne gérez pas le parc « Technopark Rabat ».' }]);
    const unknown = await upload(admin.cookie, 'x.csv', oneRow(), '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('parkId');
    // Without a target park, a manager's rows must name one of their parks.
    const checked = await uploadAndCheck(casaManager.cookie, 'sans-parc.csv', oneRow());
    expect(checked.problems).toEqual([
      {
        row: 2,
        column: 'Parc',
        message: 'Indiquez le parc (colonne ou parc cible) : vous ne pouvez importer que dans les parcs que vous gérez.',
      },
    ]);
  });

  it('shows an import only to its sender and network admins; a network admin may confirm it', async () => {
    const checked = await uploadAndCheck(casaManager.cookie, 'prive.csv', oneRow(), casablanca.id);
    const other = client(t.app, rabatManager.cookie);
    expect((await other.get(`/api/v1/companies/imports/${checked.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/companies/imports/${checked.id}/confirm`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/companies/imports/${checked.id}/problems/export?format=csv`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/companies/imports/${checked.id}/problems`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/companies/imports/${checked.id}/file`)).statusCode).toBe(404);
    const othersList = (await other.get('/api/v1/companies/imports?pageSize=100')).json();
    expect(othersList.items.map((item: { id: string }) => item.id)).not.toContain(checked.id);

    const own = (await client(t.app, casaManager.cookie).get('/api/v1/companies/imports?pageSize=100&sort=createdAt&order=desc')).json();
    expect(own.items[0]).toMatchObject({ id: checked.id, fileName: 'prive.csv', status: 'ready', createdBy: { id: casaManager.id } });
    expect(own.items.every((item: { createdBy: { id: string } }) => item.createdBy.id === casaManager.id)).toBe(true);
    const file = await client(t.app, casaManager.cookie).get(`/api/v1/companies/imports/${checked.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('Solo');

    const all = (await client(t.app, admin.cookie).get('/api/v1/companies/imports?pageSize=100&status=ready')).json();
    expect(all.items.map((item: { id: string }) => item.id)).toContain(checked.id);
    const exported = await client(t.app, admin.cookie, 'en').get('/api/v1/companies/imports/export?format=csv&q=prive');
    const lines = exported.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Sent (Morocco time),By,File,Park,Status,Rows,Imported,Rows with problems');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',prive.csv,Technopark Casablanca,ready to import,1,0,0');
    // The export of a filter has the rows of the list with that filter, in its order.
    const readyList = (await client(t.app, admin.cookie).get('/api/v1/companies/imports?status=ready&sort=fileName&pageSize=100')).json();
    const readyCsv = await client(t.app, admin.cookie, 'en').get('/api/v1/companies/imports/export?format=csv&status=ready&sort=fileName');
    const readyLines = readyCsv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    // The date, first, is one plain field (2026-12-02 14:30), in the park's time zone.
    expect(readyLines.every((line) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2},/.test(line))).toBe(true);
    expect(readyLines.map((line) => line.split(',')[2])).toEqual(readyList.items.map((item: { fileName: string }) => item.fileName));
    expect(readyList.total).toBe(readyLines.length);

    expect((await client(t.app, admin.cookie).post(`/api/v1/companies/imports/${checked.id}/confirm`)).statusCode).toBe(200);
    await runJobs();
    expect((await client(t.app, casaManager.cookie).get(`/api/v1/companies/imports/${checked.id}`)).json()).toMatchObject({
      status: 'completed',
      confirmedBy: { id: admin.id },
    });
  });

  it('refuses company administrators and anonymous callers on every route', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/companies/import-template?format=csv'],
      ['GET', '/api/v1/companies/imports'],
      ['GET', '/api/v1/companies/imports/export?format=csv'],
      ['GET', '/api/v1/companies/imports/00000000-0000-4000-8000-000000000000'],
      ['POST', '/api/v1/companies/imports/00000000-0000-4000-8000-000000000000/confirm'],
      ['GET', '/api/v1/companies/imports/00000000-0000-4000-8000-000000000000/problems/export?format=csv'],
      ['GET', '/api/v1/companies/imports/00000000-0000-4000-8000-000000000000/problems'],
      ['GET', '/api/v1/companies/imports/00000000-0000-4000-8000-000000000000/file'],
    ];
    for (const [method, url] of routes) {
      const asCompany = client(t.app, companyAdmin.cookie);
      const anonymous = client(t.app);
      const call = (who: typeof anonymous) => (method === 'GET' ? who.get(url) : who.post(url));
      expect((await call(asCompany)).statusCode, url).toBe(403);
      expect((await call(anonymous)).statusCode, url).toBe(401);
    }
    expect((await upload(companyAdmin.cookie, 'x.csv', oneRow())).statusCode).toBe(403);
    expect((await upload(undefined, 'x.csv', oneRow())).statusCode).toBe(401);
  });
});
