import { count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundEmails } from '../../../platform/mail/schema.js';
import { outboxTo } from '../../../test/applicant-client.js';
import { buildCompany } from '../../../test/company-factories.js';
import { buildPark, client, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { companies } from '../schema.js';
import { companyImportQueue } from './import-jobs.js';

/** The company admin a row of an import may name: checked with the file, invited (and e-mailed) with the import. */
let t: TestContext;
let casablanca: Awaited<ReturnType<typeof buildPark>>;
let manager: { id: string; cookie: string };

beforeAll(async () => {
  t = await createTestContext();
  casablanca = await buildPark(t.database.db, { slug: 'casablanca', name: { fr: 'Technopark Casablanca' }, city: { fr: 'Casablanca' } });
  manager = await signedIn(t.app, t.database.db, 'park_manager', [casablanca.id]);
});
afterAll(() => t.close());

const runJobs = () => t.deps.jobs.runQueued(companyImportQueue);
const csv = (rows: string[][]) => `\uFEFF${rows.map((cells) => cells.join(';')).join('\r\n')}\r\n`;
const headers = ['Raison sociale', 'ICE', 'Stade', 'Statut', "Nom de l'administrateur", "E-mail de l'administrateur"];

async function outboxSize(): Promise<number> {
  const [{ total }] = await t.database.db.select({ total: count() }).from(outboundEmails);
  return Number(total);
}

/** Sends a file as the park's manager, runs its check, and answers the import as the manager reads it. */
async function uploadAndCheck(name: string, content: string | Buffer) {
  const sent = await client(t.app, manager.cookie, 'fr').post('/api/v1/companies/imports', {
    file: { name, content: Buffer.from(content).toString('base64') },
    parkId: casablanca.id,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  expect(await runJobs()).toBe(1);
  return (await client(t.app, manager.cookie, 'fr').get(`/api/v1/companies/imports/${sent.json().id}`)).json();
}

async function confirmAndRun(importId: string) {
  expect((await client(t.app, manager.cookie).post(`/api/v1/companies/imports/${importId}/confirm`)).statusCode).toBe(200);
  expect(await runJobs()).toBe(1);
  return (await client(t.app, manager.cookie, 'fr').get(`/api/v1/companies/imports/${importId}`)).json();
}

const companyNamed = async (legalName: string) =>
  (await t.database.db.select().from(companies).where(eq(companies.legalName, legalName)))[0];

describe('the company admin named by an import', () => {
  it('invites each row’s admin to their new company, an e-mail each queued with the import', async () => {
    const checked = await uploadAndCheck(
      'avec-admins.csv',
      csv([
        headers,
        ['Argane Robotique', '', 'Startup', 'résidente', 'Salma Bennani', 'Salma.Bennani@argane.ma'],
        ['Oasis Cloud', '', 'TPE', 'résidente', '', 'ops@oasis-cloud.ma'],
        ['Sans Admin', '', 'Startup', 'résidente', '', ''],
      ]),
    );
    expect(checked).toMatchObject({ status: 'ready', problems: [] });
    expect(checked.preview.map((row: { admin: unknown }) => row.admin)).toEqual([
      { name: 'Salma Bennani', email: 'salma.bennani@argane.ma' },
      // No name: the invitation greets the company.
      { name: 'Oasis Cloud', email: 'ops@oasis-cloud.ma' },
      null,
    ]);
    // Checking the file writes no invitation and sends nothing.
    expect(await outboxTo(t.database.db, 'salma.bennani@argane.ma')).toEqual([]);

    const outboxBefore = await outboxSize();
    expect(await confirmAndRun(checked.id)).toMatchObject({ status: 'completed', importedRows: 3 });
    const argane = await companyNamed('Argane Robotique');
    const oasis = await companyNamed('Oasis Cloud');
    const invited = async (companyId: string) =>
      (await client(t.app, manager.cookie).get(`/api/v1/companies/${companyId}/invitations`)).json();
    expect(await invited(argane.id)).toEqual([
      expect.objectContaining({ email: 'salma.bennani@argane.ma', name: 'Salma Bennani', role: 'company_admin' }),
    ]);
    expect(await invited(oasis.id)).toEqual([expect.objectContaining({ email: 'ops@oasis-cloud.ma', role: 'company_admin' })]);
    expect(await invited((await companyNamed('Sans Admin')).id)).toEqual([]);

    expect(await outboxSize()).toBe(outboxBefore + 2);
    const [mail] = await outboxTo(t.database.db, 'salma.bennani@argane.ma');
    expect(mail).toMatchObject({ kind: 'invitation', locale: 'fr', containsSecret: true });
    expect(mail.text).toContain('Bonjour Salma Bennani');
    expect(mail.text).toContain('Argane Robotique');
    expect(mail.text).toContain('/invitation?token=');
    expect(await outboxTo(t.database.db, 'ops@oasis-cloud.ma')).toHaveLength(1);
  });

  it('reads the admin columns of an XLSX template, and the template has them', async () => {
    const template = await client(t.app, manager.cookie, 'fr').get('/api/v1/companies/import-template?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const header = book.worksheets[0].getRow(1).values as unknown[];
    expect(header.slice(-2)).toEqual(["Nom de l'administrateur", "E-mail de l'administrateur"]);
    const checked = await uploadAndCheck('modele.xlsx', template.rawPayload);
    expect(checked).toMatchObject({ status: 'ready', problems: [] });
    expect(checked.preview[0].admin).toEqual({ name: 'Salma Bennani', email: 'salma.bennani@atlas-ds.ma' });
  });

  it('puts a bad e-mail, or a name without one, on its row and column, and writes nothing', async () => {
    const companiesBefore = (await t.database.db.select({ total: count() }).from(companies))[0].total;
    const outboxBefore = await outboxSize();
    const checked = await uploadAndCheck(
      'admins-a-corriger.csv',
      csv([
        headers,
        ['Mauvais Courriel', '', 'Startup', 'résidente', 'Karim', 'karim@'],
        ['Nom Seul', '', 'Startup', 'résidente', 'Nadia Alaoui', ''],
        ['Correcte', '', 'Startup', 'résidente', '', 'contact@correcte.ma'],
      ]),
    );
    expect(checked).toMatchObject({ status: 'invalid', invalidRows: 2, canConfirm: false });
    expect(checked.problems).toEqual([
      { row: 2, column: "E-mail de l'administrateur", message: "Ce n'est pas une adresse e-mail valide." },
      {
        row: 3,
        column: "E-mail de l'administrateur",
        message: "L'administrateur est invité par e-mail : indiquez son adresse, ou laissez son nom vide.",
      },
    ]);
    expect((await client(t.app, manager.cookie).post(`/api/v1/companies/imports/${checked.id}/confirm`)).statusCode).toBe(409);
    expect(await runJobs()).toBe(0);
    expect((await t.database.db.select({ total: count() }).from(companies))[0].total).toBe(companiesBefore);
    expect(await outboxSize()).toBe(outboxBefore);
  });

  it('sends no invitation when the import fails: the e-mails were queued in its transaction', async () => {
    const checked = await uploadAndCheck(
      'course-admins.csv',
      csv([
        headers,
        ['Premiere Invitee', '', 'Startup', 'résidente', 'Hind', 'hind@premiere.ma'],
        ['Prise Entre-Temps', '009999999000055', 'Startup', 'résidente', 'Yassine', 'yassine@prise.ma'],
      ]),
    );
    expect(checked.status).toBe('ready');
    await buildCompany(t.database.db, { ice: '009999999000055' });
    expect(await confirmAndRun(checked.id)).toMatchObject({ status: 'failed', importedRows: 0 });
    expect(await outboxTo(t.database.db, 'hind@premiere.ma')).toEqual([]);
    expect(
      await t.database.db
        .select()
        .from(companies)
        .where(inArray(companies.legalName, ['Premiere Invitee'])),
    ).toEqual([]);
  });
});
