import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.js';
import { client, signedIn } from '../../../test/factories.js';
import { correctionBody, currentYear, lastYear, reportBody, reportingFixture } from '../../../test/report-factories.js';
import { companyReports } from '../schema.js';

const { reporting: r, companyWithAdmin } = reportingFixture();

async function reportCount(companyId: string): Promise<number> {
  const [{ total }] = await r.t.database.db.select({ total: count() }).from(companyReports).where(eq(companyReports.companyId, companyId));
  return Number(total);
}
afterEach(() => {
  vi.useRealTimers();
});

describe('filing a report', () => {
  it('records version 1 with exact figures, who filed it and when, and audits it', async () => {
    const { company, admin, as } = await companyWithAdmin();
    const response = await as.post(`/api/v1/companies/${company.id}/reports`, reportBody());
    expect(response.statusCode).toBe(201);
    const report = response.json();
    expect(report).toMatchObject({
      companyId: company.id,
      year: lastYear,
      quarter: null,
      version: 1,
      supersedesId: null,
      latest: true,
      employees: 12,
      interns: 3,
      founders: 2,
      exportCountries: ['FR', 'SN'],
      exportSharePercent: 35,
      fundingTotalCentimes: 50_123_456,
      submittedBy: { id: admin.id },
      onBehalf: false,
    });
    expect(Date.now() - Date.parse(report.submittedAt)).toBeLessThan(60_000);

    const [row] = await r.t.database.db.select().from(companyReports).where(eq(companyReports.id, report.id));
    expect(row.fundings).toEqual([
      { amountCentimes: 50_000_000, source: 'Innov Invest', type: 'grant' },
      { amountCentimes: 123_456, source: 'Banque Populaire', type: 'loan' },
    ]);
    const audits = await r.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'company_report.file'), eq(auditLog.entityId, company.id)));
    expect(audits).toHaveLength(1);
  });

  it('lets park staff file for a company that reports on paper, recorded as on its behalf', async () => {
    const { company } = await companyWithAdmin();
    const byManager = await client(r.t.app, r.managerA.cookie).post(`/api/v1/companies/${company.id}/reports`, reportBody({ quarter: 1 }));
    expect(byManager.statusCode).toBe(201);
    expect(byManager.json()).toMatchObject({ quarter: 1, onBehalf: true, submittedBy: { id: r.managerA.id } });
    const byAdmin = await client(r.t.app, r.networkAdmin.cookie).post(
      `/api/v1/companies/${company.id}/reports`,
      reportBody({ quarter: 2 }),
    );
    expect(byAdmin.json()).toMatchObject({ quarter: 2, onBehalf: true, submittedBy: { id: r.networkAdmin.id } });
  });

  it('refuses a second first version of the same period: it must be corrected instead', async () => {
    const { company, as } = await companyWithAdmin();
    expect((await as.post(`/api/v1/companies/${company.id}/reports`, reportBody())).statusCode).toBe(201);
    const again = await as.post(`/api/v1/companies/${company.id}/reports`, reportBody({ employees: 40 }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('report_already_filed');
    expect(again.json().error.message).toContain('corrigez-le');
    // A quarter of the same year is another period.
    expect((await as.post(`/api/v1/companies/${company.id}/reports`, reportBody({ quarter: 4 }))).statusCode).toBe(201);
    expect(await reportCount(company.id)).toBe(2);
  });

  it('lets exactly one of two racing first filings in', async () => {
    const { company, as } = await companyWithAdmin();
    const responses = await Promise.all([
      as.post(`/api/v1/companies/${company.id}/reports`, reportBody({ employees: 5 })),
      as.post(`/api/v1/companies/${company.id}/reports`, reportBody({ employees: 6 })),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(await reportCount(company.id)).toBe(1);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    [
      'exports without countries',
      { exportCountries: [] },
      'exportCountries',
      'Indiquez au moins un pays vers lequel l’entreprise exporte.',
    ],
    ['exports without share', { exportSharePercent: null }, 'exportSharePercent', 'Indiquez la part du chiffre d’affaires'],
    [
      'a share over 100',
      { exportSharePercent: 101 },
      'exportSharePercent',
      'La part export est un pourcentage du chiffre d’affaires : entre 0 et 100 %.',
    ],
    [
      'a share of 120 %',
      { exportSharePercent: 120 },
      'exportSharePercent',
      'La part export est un pourcentage du chiffre d’affaires : entre 0 et 100 %.',
    ],
    ['a negative share', { exportSharePercent: -5 }, 'exportSharePercent', 'entre 0 et 100 %'],
    ['countries while not exporting', { exports: false, exportSharePercent: null }, 'exportCountries', 'Pas de pays'],
    ['a future year', { year: currentYear + 1 }, 'year', 'Cette année n’est pas encore arrivée.'],
    ['a negative headcount', { employees: -1 }, 'employees', '0'],
    ['an unknown country code', { exportCountries: ['FR', 'XX'] }, 'exportCountries.1', 'Code pays inconnu'],
    ['a country twice', { exportCountries: ['FR', 'FR'] }, 'exportCountries', 'Un pays figure deux fois.'],
    ['a funding of zero', { fundings: [{ amountCentimes: 0, source: 'X', type: 'grant' }] }, 'fundings.0.amountCentimes', '0'],
    ['a year before the company was created', { year: 2017 }, 'year', 'L’entreprise a été créée en 2018'],
  ];

  it.each(cases)('answers 400 for %s, with the field and a French message, and writes nothing', async (_name, change, path, words) => {
    const { company, as } = await companyWithAdmin();
    const response = await as.post(`/api/v1/companies/${company.id}/reports`, reportBody(change));
    expect(response.statusCode).toBe(400);
    const detail = response.json().error.details.find((problem: { path: string }) => problem.path === path);
    expect(detail?.message, JSON.stringify(response.json())).toContain(words);
    expect(await reportCount(company.id)).toBe(0);
  });

  it('words the problems in Arabic for an Arabic reader', async () => {
    const { company, admin } = await companyWithAdmin();
    const response = await client(r.t.app, admin.cookie, 'ar').post(
      `/api/v1/companies/${company.id}/reports`,
      reportBody({ exportCountries: [] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toContainEqual({
      path: 'exportCountries',
      message: 'اذكر بلدا واحدا على الأقل تصدّر إليه المقاولة.',
    });
  });

  it('refuses a quarter that has not started yet', async () => {
    const { company, as } = await companyWithAdmin();
    // On 10 February, the second quarter of the year has not begun; the first has.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${currentYear}-02-10T10:00:00Z`));
    const early = await as.post(`/api/v1/companies/${company.id}/reports`, reportBody({ year: currentYear, quarter: 2 }));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details).toContainEqual({ path: 'quarter', message: 'Ce trimestre n’a pas encore commencé.' });
    const started = await as.post(`/api/v1/companies/${company.id}/reports`, reportBody({ year: currentYear, quarter: 1 }));
    expect(started.statusCode).toBe(201);
    vi.useRealTimers();
    expect(await reportCount(company.id)).toBe(1);
  });
});

describe('versions', () => {
  it('makes a correction the next version; the corrected one stays unchanged; the list shows both, the latest marked', async () => {
    const { company, admin, as } = await companyWithAdmin();
    const first = (await as.post(`/api/v1/companies/${company.id}/reports`, reportBody())).json();
    const [before] = await r.t.database.db.select().from(companyReports).where(eq(companyReports.id, first.id));

    const correction = await as.post(
      `/api/v1/companies/${company.id}/reports/${first.id}/corrections`,
      correctionBody({ employees: 14, exports: false, exportCountries: [], exportSharePercent: null }),
    );
    expect(correction.statusCode).toBe(201);
    expect(correction.json()).toMatchObject({
      year: lastYear,
      quarter: null,
      version: 2,
      supersedesId: first.id,
      latest: true,
      employees: 14,
      exports: false,
      exportCountries: [],
      submittedBy: { id: admin.id },
    });

    const [after] = await r.t.database.db.select().from(companyReports).where(eq(companyReports.id, first.id));
    expect(after).toEqual(before);
    const old = await as.get(`/api/v1/companies/${company.id}/reports/${first.id}`);
    expect(old.json()).toMatchObject({ version: 1, latest: false, employees: 12, exports: true });

    const list = (await as.get(`/api/v1/companies/${company.id}/reports?sort=period&order=desc`)).json();
    expect(list.total).toBe(2);
    expect(list.items.map((report: { version: number; latest: boolean }) => [report.version, report.latest])).toEqual([
      [2, true],
      [1, false],
    ]);
    const latestOnly = (await as.get(`/api/v1/companies/${company.id}/reports?latestOnly=true`)).json();
    expect(latestOnly.items.map((report: { id: string }) => report.id)).toEqual([correction.json().id]);

    const summary = (await as.get(`/api/v1/companies/${company.id}/reports/summary`)).json();
    expect(summary).toMatchObject({
      earliestYear: 2018,
      currentYear,
      filedPeriods: [{ year: lastYear, quarter: null }],
      headcount: [{ year: lastYear, employees: 14, founders: 2 }],
    });
  });

  it('refuses to correct a version that has been corrected already', async () => {
    const { company, as } = await companyWithAdmin();
    const first = (await as.post(`/api/v1/companies/${company.id}/reports`, reportBody())).json();
    await as.post(`/api/v1/companies/${company.id}/reports/${first.id}/corrections`, correctionBody({ employees: 13 }));
    const stale = await as.post(`/api/v1/companies/${company.id}/reports/${first.id}/corrections`, correctionBody({ employees: 99 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('report_already_corrected');
    expect(await reportCount(company.id)).toBe(2);
  });

  it('keeps exactly one of two corrections racing for the same version', async () => {
    const { company, as } = await companyWithAdmin();
    const first = (await as.post(`/api/v1/companies/${company.id}/reports`, reportBody())).json();
    const responses = await Promise.all([
      as.post(`/api/v1/companies/${company.id}/reports/${first.id}/corrections`, correctionBody({ employees: 20 })),
      as.post(`/api/v1/companies/${company.id}/reports/${first.id}/corrections`, correctionBody({ employees: 21 })),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const rows = await r.t.database.db.select().from(companyReports).where(eq(companyReports.companyId, company.id));
    expect(rows.map((row) => row.version).sort()).toEqual([1, 2]);
  });

  it('has no route that changes or removes a submitted report', async () => {
    const { company, as } = await companyWithAdmin();
    const first = (await as.post(`/api/v1/companies/${company.id}/reports`, reportBody())).json();
    const [before] = await r.t.database.db.select().from(companyReports).where(eq(companyReports.id, first.id));
    const url = `/api/v1/companies/${company.id}/reports/${first.id}`;
    const admin = client(r.t.app, r.networkAdmin.cookie);
    for (const response of [
      await as.patch(url, { employees: 1 }),
      await admin.patch(url, { employees: 1 }),
      await as.delete(url),
      await admin.delete(url),
      await r.t.app.inject({
        method: 'PUT',
        url,
        headers: { cookie: r.networkAdmin.cookie, origin: 'http://localhost:3000' },
        payload: reportBody(),
      }),
    ]) {
      expect(response.statusCode).toBe(404);
    }
    const [after] = await r.t.database.db.select().from(companyReports).where(eq(companyReports.id, first.id));
    expect(after).toEqual(before);
  });

  it('exports every version as CSV with headers in the reader language', async () => {
    const { company, as } = await companyWithAdmin();
    const first = (await as.post(`/api/v1/companies/${company.id}/reports`, reportBody())).json();
    await as.post(`/api/v1/companies/${company.id}/reports/${first.id}/corrections`, correctionBody({ employees: 15 }));
    const csv = await as.get(`/api/v1/companies/${company.id}/reports/export?format=csv&sort=period`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('Salariés');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('France');
    // French: semicolons and a decimal comma, as in the French import template.
    expect(lines[1].split(';')[11]).toBe('501234,56');
  });

  it('exports amounts and percentages a spreadsheet can add up, and times in the park time zone', async () => {
    const { company, admin, as } = await companyWithAdmin();
    const funding = { amountCentimes: 125_000_050, source: 'Maroc PME', type: 'grant' };
    await as.post(`/api/v1/companies/${company.id}/reports`, reportBody({ fundings: [funding], exportSharePercent: 35 }));
    const xlsx = await as.get(`/api/v1/companies/${company.id}/reports/export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = workbook.worksheets[0].getRow(2);
    // The funding column was the text "1250000.50": SUM gave 0.
    expect(row.getCell(12).value).toBe(1_250_000.5);
    expect(row.getCell(12).numFmt).toContain('MAD');
    expect(row.getCell(11).value).toBe(0.35);
    expect(row.getCell(11).numFmt).toContain('%');
    expect(row.getCell(5).value).toBe(12);
    expect(row.getCell(19).value).toBeInstanceOf(Date);
    expect(row.getCell(19).numFmt).toBe('yyyy-mm-dd hh:mm');

    const csv = (await as.get(`/api/v1/companies/${company.id}/reports/export?format=csv`)).body;
    const cells = csv.trim().split('\r\n')[1].split(';');
    expect(cells.slice(10, 13)).toEqual(['35', '1250000,50', '1.250.000,50 MAD · subvention · Maroc PME']);
    expect(cells[18]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const arabic = (await client(r.t.app, admin.cookie, 'ar').get(`/api/v1/companies/${company.id}/reports/export?format=csv`)).body;
    expect(arabic).not.toMatch(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/);
    expect(arabic.trim().split('\r\n')[1].split(';').slice(10, 12)).toEqual(['35', '1250000,50']);
  });
});

describe('who may read and file reports', () => {
  it('keeps each company to its own reports, members out, officers reading only, strangers signed out', async () => {
    const db = r.t.database.db;
    const a = await companyWithAdmin();
    const b = await companyWithAdmin();
    const reportOfB = (await b.as.post(`/api/v1/companies/${b.company.id}/reports`, reportBody())).json();
    const member = await signedIn(r.t.app, db, 'company_member', [b.company.id]);
    const managerB = await signedIn(r.t.app, db, 'park_manager', [r.parkB.id]);
    const routes = {
      list: `/api/v1/companies/${b.company.id}/reports`,
      summary: `/api/v1/companies/${b.company.id}/reports/summary`,
      export: `/api/v1/companies/${b.company.id}/reports/export`,
      one: `/api/v1/companies/${b.company.id}/reports/${reportOfB.id}`,
    };
    const file = (as: ReturnType<typeof client>) => as.post(routes.list, reportBody({ quarter: 1 }));
    const correct = (as: ReturnType<typeof client>) => as.post(`${routes.one}/corrections`, correctionBody());

    // The admin of A does not learn that B's reports exist.
    for (const url of Object.values(routes)) expect((await a.as.get(url)).statusCode, url).toBe(404);
    expect((await file(a.as)).statusCode).toBe(404);
    expect((await correct(a.as)).statusCode).toBe(404);
    // Nor does a manager of another park.
    const otherManager = client(r.t.app, managerB.cookie);
    expect((await otherManager.get(routes.list)).statusCode).toBe(404);
    expect((await file(otherManager)).statusCode).toBe(404);
    // A member of B reads the company but not its reports.
    const asMember = client(r.t.app, member.cookie);
    for (const url of Object.values(routes)) expect((await asMember.get(url)).statusCode, url).toBe(403);
    expect((await file(asMember)).statusCode).toBe(403);
    // A program r.officer reads every company's reports but files none.
    const asOfficer = client(r.t.app, r.officer.cookie);
    for (const url of Object.values(routes)) expect((await asOfficer.get(url)).statusCode, url).toBe(200);
    expect((await file(asOfficer)).statusCode).toBe(403);
    expect((await correct(asOfficer)).statusCode).toBe(403);
    // Signed out: nothing.
    const anonymous = client(r.t.app);
    for (const url of Object.values(routes)) expect((await anonymous.get(url)).statusCode, url).toBe(401);
    expect((await file(anonymous)).statusCode).toBe(401);
    expect((await correct(anonymous)).statusCode).toBe(401);
    // The company's own admin and its park's manager read them.
    expect((await b.as.get(routes.one)).statusCode).toBe(200);
    expect((await client(r.t.app, r.managerA.cookie).get(routes.list)).json().total).toBe(1);
    expect(await reportCount(b.company.id)).toBe(1);
  });

  it('answers 404 for a report of another company named under this one', async () => {
    const a = await companyWithAdmin();
    const b = await companyWithAdmin();
    const reportOfB = (await b.as.post(`/api/v1/companies/${b.company.id}/reports`, reportBody())).json();
    expect((await a.as.get(`/api/v1/companies/${a.company.id}/reports/${reportOfB.id}`)).statusCode).toBe(404);
    const corrected = await a.as.post(`/api/v1/companies/${a.company.id}/reports/${reportOfB.id}/corrections`, correctionBody());
    expect(corrected.statusCode).toBe(404);
    expect(await reportCount(a.company.id)).toBe(0);
  });
});
