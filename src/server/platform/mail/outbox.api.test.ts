import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { outboundEmails } from './schema.js';

let t: TestContext;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signedIn(t.app, t.database.db, 'network_admin');
  await t.database.db.insert(outboundEmails).values([
    {
      toAddress: 'salma@example.ma',
      subject: '=HYPERLINK("http://evil")',
      text: 'body',
      locale: 'ar',
      kind: 'invitation',
      status: 'sent',
      createdAt: new Date('2026-12-02T01:56:00Z'),
      sentAt: new Date('2026-12-02T01:57:00Z'),
    },
    { toAddress: 'karim@example.ma', subject: 'Rapport', text: 'body', locale: 'fr', kind: 'report_reminder', status: 'queued' },
  ]);
});
afterAll(() => t.close());

const rows = (body: string, delimiter: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(delimiter));

describe('the outbox export', () => {
  it('names kinds of e-mail and languages in the reader language, times in the park time zone', async () => {
    const fr = await client(t.app, admin.cookie, 'fr').get('/api/v1/outbox/export?format=csv&q=salma');
    expect(fr.body.startsWith('\uFEFF')).toBe(true);
    const [salma] = rows(fr.body, ';');
    // The subject would run as a formula in a spreadsheet: it is neutralised.
    expect(salma).toEqual([
      '2026-12-02 02:56',
      'salma@example.ma',
      `"'=HYPERLINK(""http://evil"")"`,
      'Invitation',
      'arabe',
      'envoyé',
      '0',
      '2026-12-02 02:57',
      '',
    ]);

    const [karim] = rows((await client(t.app, admin.cookie, 'ar').get('/api/v1/outbox/export?format=csv&q=karim')).body, ';');
    expect([karim[3], karim[4]]).toEqual(['تذكير بالتقرير', 'الفرنسية']);
  });

  it('writes its times as dates in the XLSX', async () => {
    const xlsx = await client(t.app, admin.cookie, 'en').get('/api/v1/outbox/export?format=xlsx&q=salma');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = workbook.worksheets[0].getRow(2);
    expect(row.getCell(1).value).toEqual(new Date('2026-12-02T02:56:00Z'));
    expect(row.getCell(3).value).toBe('=HYPERLINK("http://evil")');
    expect(row.getCell(3).formula).toBeUndefined();
    expect([row.getCell(4).value, row.getCell(5).value]).toEqual(['Invitation', 'Arabic']);
  });
});
