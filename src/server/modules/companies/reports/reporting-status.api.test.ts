import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Actor } from '../../../platform/access.js';
import { users } from '../../../platform/auth/schema.js';
import { outboundEmails } from '../../../platform/mail/schema.js';
import { buildCompany } from '../../../test/company-factories.js';
import { buildPark, buildPerson, client, signedIn } from '../../../test/factories.js';
import { lastYear, reportBody, reportingFixture } from '../../../test/report-factories.js';
import { addCompanies } from '../lifecycle/history.js';
import { companyReportReminders } from '../schema.js';

const { reporting: r, companyWithAdmin } = reportingFixture();

describe('reporting status', () => {
  it('expects the companies that were members during the year, shows who reported, filters, sorts and exports', async () => {
    const db = r.t.database.db;
    const park = await buildPark(db);
    const manager = await signedIn(r.t.app, db, 'park_manager', [park.id]);
    const reporter = await buildCompany(db, { parkId: park.id, legalName: 'Alpha Reporter' });
    const silent = await buildCompany(db, { parkId: park.id, legalName: 'Beta Silent' });
    const leftBefore = await buildCompany(db, { parkId: park.id, legalName: 'Gamma Left' }, [
      { status: 'resident', effectiveDate: '2019-01-01' },
      { status: 'alumni', effectiveDate: `${lastYear - 1}-06-30` },
    ]);
    const leftDuring = await buildCompany(db, { parkId: park.id, legalName: 'Delta Left During' }, [
      { status: 'resident', effectiveDate: '2019-01-01' },
      { status: 'alumni', effectiveDate: `${lastYear}-03-31` },
    ]);
    const joinedLate = await buildCompany(db, { parkId: park.id, legalName: 'Epsilon Member' }, [
      { status: 'admitted', effectiveDate: `${lastYear - 1}-11-02` },
      { status: 'non_resident_member', effectiveDate: `${lastYear}-09-01` },
    ]);
    const applicant = await buildCompany(db, { parkId: park.id, legalName: 'Zeta Applicant' }, [
      { status: 'applicant', effectiveDate: `${lastYear}-02-01` },
    ]);
    const elsewhere = await buildCompany(db, { parkId: r.parkB.id, legalName: 'Eta Elsewhere' });
    // Boundaries: alumni from the first day of the year was never a member in it; resident from its last day was.
    const leftOnNewYear = await buildCompany(db, { parkId: park.id, legalName: 'Theta New Year' }, [
      { status: 'resident', effectiveDate: '2019-01-01' },
      { status: 'alumni', effectiveDate: `${lastYear}-01-01` },
    ]);
    await buildCompany(db, { parkId: park.id, legalName: 'Iota Last Day' }, [
      { status: 'admitted', effectiveDate: `${lastYear}-12-01` },
      { status: 'resident', effectiveDate: `${lastYear}-12-31` },
    ]);
    const filed = (await client(r.t.app, manager.cookie).post(`/api/v1/companies/${reporter.id}/reports`, reportBody())).json();

    const manage = client(r.t.app, manager.cookie);
    const list = await manage.get(`/api/v1/company-reports/status?year=${lastYear}`);
    expect(list.statusCode).toBe(200);
    const byName = Object.fromEntries(list.json().items.map((row: { legalName: string }) => [row.legalName, row]));
    expect(Object.keys(byName).sort()).toEqual(['Alpha Reporter', 'Beta Silent', 'Delta Left During', 'Epsilon Member', 'Iota Last Day']);
    expect(byName['Alpha Reporter']).toMatchObject({ companyId: reporter.id, reported: true, latestVersion: 1, parkId: park.id });
    expect(byName['Alpha Reporter'].reportedAt).toBe(filed.submittedAt);
    expect(byName['Beta Silent']).toMatchObject({ companyId: silent.id, reported: false, reportedAt: null, lastRemindedAt: null });
    for (const absent of [leftBefore, leftOnNewYear, applicant, elsewhere]) {
      expect(list.json().items.some((row: { companyId: string }) => row.companyId === absent.id)).toBe(false);
    }
    expect(byName['Delta Left During'].companyId).toBe(leftDuring.id);
    expect(byName['Epsilon Member'].companyId).toBe(joinedLate.id);

    const notReported = (await manage.get(`/api/v1/company-reports/status?year=${lastYear}&reported=false&sort=company&order=desc`)).json();
    expect(notReported.items.map((row: { legalName: string }) => row.legalName)).toEqual([
      'Iota Last Day',
      'Epsilon Member',
      'Delta Left During',
      'Beta Silent',
    ]);
    const page = (await manage.get(`/api/v1/company-reports/status?year=${lastYear}&pageSize=1&page=2&sort=company`)).json();
    expect(page).toMatchObject({ total: 5, page: 2, items: [{ legalName: 'Beta Silent' }] });

    // A quarter is a period of its own: the yearly report does not answer for it.
    const quarter = (await manage.get(`/api/v1/company-reports/status?year=${lastYear}&quarter=1&reported=true`)).json();
    expect(quarter.total).toBe(0);
    // Before the company that joined late was a member, it was not expected.
    const firstQuarter = (await manage.get(`/api/v1/company-reports/status?year=${lastYear}&quarter=1`)).json();
    expect(firstQuarter.items.map((row: { legalName: string }) => row.legalName)).not.toContain('Epsilon Member');

    const csv = await manage.get(`/api/v1/company-reports/status/export?year=${lastYear}&format=csv&reported=false`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Entreprise');
    expect(csv.body).toContain('Beta Silent');
    expect(csv.body).not.toContain('Alpha Reporter');
    const xlsx = await manage.get(`/api/v1/company-reports/status/export?year=${lastYear}&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheetRows = workbook.worksheets[0].getRows(2, 5) ?? [];
    const rowOf = (name: string) => sheetRows.find((row) => row.getCell(1).value === name);
    // When they reported is a date and time a spreadsheet sorts; counts are numbers.
    expect(rowOf('Alpha Reporter')?.getCell(4).value).toBe('oui');
    expect(rowOf('Alpha Reporter')?.getCell(6).value).toBeInstanceOf(Date);
    expect(rowOf('Alpha Reporter')?.getCell(6).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(typeof rowOf('Alpha Reporter')?.getCell(9).value).toBe('number');
    expect(rowOf('Beta Silent')?.getCell(6).value).toBeNull();

    // The network admin sees every park, one at a time on request; a park manager only theirs.
    const network = (
      await client(r.t.app, r.networkAdmin.cookie).get(`/api/v1/company-reports/status?year=${lastYear}&parkId=${r.parkB.id}`)
    ).json();
    expect(network.items.map((row: { companyId: string }) => row.companyId)).toContain(elsewhere.id);
    expect((await manage.get(`/api/v1/company-reports/status?year=${lastYear}&parkId=${r.parkB.id}`)).statusCode).toBe(403);
  });

  it('is for park staff only', async () => {
    const { admin } = await companyWithAdmin();
    expect((await client(r.t.app, admin.cookie).get(`/api/v1/company-reports/status?year=${lastYear}`)).statusCode).toBe(403);
    expect((await client(r.t.app, r.officer.cookie).get(`/api/v1/company-reports/status?year=${lastYear}`)).statusCode).toBe(403);
    expect((await client(r.t.app).get(`/api/v1/company-reports/status?year=${lastYear}`)).statusCode).toBe(401);
  });
});

describe('reminders', () => {
  it('e-mails each company admin in their own language, records the reminder and shows it in the status', async () => {
    const db = r.t.database.db;
    const park = await buildPark(db);
    const manager = await signedIn(r.t.app, db, 'park_manager', [park.id]);
    const company = await buildCompany(db, { parkId: park.id, legalName: 'Atlas Robotics SARL', brandName: 'Atlas Robotics' });
    const french = await buildPerson(db, { role: 'company_admin', scopeIds: [company.id], locale: 'fr', name: 'Salma' });
    const arabic = await buildPerson(db, { role: 'company_admin', scopeIds: [company.id], locale: 'ar', name: 'Youssef' });
    await buildPerson(db, { role: 'company_member', scopeIds: [company.id] });

    const response = await client(r.t.app, manager.cookie).post('/api/v1/company-reports/reminders', {
      year: lastYear,
      companyIds: [company.id],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ reminded: 1, emails: 2, alreadyReported: 0, withoutAdmin: 0 });

    const mails = await db.select().from(outboundEmails).where(eq(outboundEmails.kind, 'report_reminder'));
    const toFrench = mails.find((mail) => mail.toAddress === french.email);
    const toArabic = mails.find((mail) => mail.toAddress === arabic.email);
    expect(mails.filter((mail) => [french.email, arabic.email].includes(mail.toAddress))).toHaveLength(2);
    expect(toFrench).toMatchObject({ locale: 'fr', subject: `Atlas Robotics : votre rapport pour l’année ${lastYear} est attendu` });
    expect(toFrench?.text).toContain('Bonjour Salma');
    expect(toFrench?.text).toContain(`${r.t.deps.config.publicUrl}/companies/${company.id}?tab=reports`);
    expect(toArabic).toMatchObject({ locale: 'ar', subject: `Atlas Robotics: تقريركم عن سنة ${lastYear} منتظر` });
    expect(toArabic?.text).toContain('مرحباً Youssef');

    const [reminder] = await db.select().from(companyReportReminders).where(eq(companyReportReminders.companyId, company.id));
    expect(reminder).toMatchObject({ year: lastYear, quarter: null, recipients: 2, sentBy: manager.id });
    const status = (await client(r.t.app, manager.cookie).get(`/api/v1/company-reports/status?year=${lastYear}`)).json();
    expect(status.items[0]).toMatchObject({
      companyId: company.id,
      reminderCount: 1,
      adminCount: 2,
      lastRemindedAt: reminder.sentAt.toISOString(),
    });
  });

  it('reminds every company of the scope that has not reported, and says who could not be reached', async () => {
    const db = r.t.database.db;
    const park = await buildPark(db);
    const manager = await signedIn(r.t.app, db, 'park_manager', [park.id]);
    const silent = await buildCompany(db, { parkId: park.id });
    await buildPerson(db, { role: 'company_admin', scopeIds: [silent.id] });
    await buildCompany(db, { parkId: park.id }); // no admin to write to
    const reporter = await buildCompany(db, { parkId: park.id });
    await client(r.t.app, manager.cookie).post(`/api/v1/companies/${reporter.id}/reports`, reportBody({ quarter: 3 }));

    const response = await client(r.t.app, manager.cookie).post('/api/v1/company-reports/reminders', {
      year: lastYear,
      quarter: 3,
      allNotReported: true,
    });
    expect(response.json()).toEqual({ reminded: 1, emails: 1, alreadyReported: 0, withoutAdmin: 1 });
    const reminders = await db.select().from(companyReportReminders).where(eq(companyReportReminders.companyId, silent.id));
    expect(reminders).toMatchObject([{ quarter: 3 }]);
    const ofReporter = await db.select().from(companyReportReminders).where(eq(companyReportReminders.companyId, reporter.id));
    expect(ofReporter).toEqual([]);

    // A chosen company that has reported meanwhile is skipped.
    const skipped = await client(r.t.app, manager.cookie).post('/api/v1/company-reports/reminders', {
      year: lastYear,
      quarter: 3,
      companyIds: [reporter.id],
    });
    expect(skipped.json()).toEqual({ reminded: 0, emails: 0, alreadyReported: 1, withoutAdmin: 0 });
  });

  it('does not let a park manager remind the companies of another park', async () => {
    const db = r.t.database.db;
    const other = await buildCompany(db, { parkId: r.parkB.id });
    const otherAdmin = await buildPerson(db, { role: 'company_admin', scopeIds: [other.id] });
    const response = await client(r.t.app, r.managerA.cookie).post('/api/v1/company-reports/reminders', {
      year: lastYear,
      companyIds: [other.id],
    });
    expect(response.statusCode).toBe(404);
    const forOther = await client(r.t.app, r.managerA.cookie).post('/api/v1/company-reports/reminders', {
      year: lastYear,
      allNotReported: true,
      parkId: r.parkB.id,
    });
    expect(forOther.statusCode).toBe(403);
    expect(await db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, otherAdmin.email))).toEqual([]);
    expect(await db.select().from(companyReportReminders).where(eq(companyReportReminders.companyId, other.id))).toEqual([]);
  });

  it('needs a choice of companies, or all not reported', async () => {
    const response = await client(r.t.app, r.managerA.cookie).post('/api/v1/company-reports/reminders', { year: lastYear });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: 'companyIds', message: 'Choisissez des entreprises, ou relancez toutes celles qui n’ont pas fait leur rapport.' },
    ]);
  });

  it('is for park staff only', async () => {
    const { company, admin } = await companyWithAdmin();
    const body = { year: lastYear, companyIds: [company.id] };
    expect((await client(r.t.app, admin.cookie).post('/api/v1/company-reports/reminders', body)).statusCode).toBe(403);
    expect((await client(r.t.app, r.officer.cookie).post('/api/v1/company-reports/reminders', body)).statusCode).toBe(403);
    expect((await client(r.t.app).post('/api/v1/company-reports/reminders', body)).statusCode).toBe(401);
  });
});

/** The SQL statements the app runs while `action` runs (read from the database's logger). */
async function statementsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const session = (r.t.database.db as unknown as { session: { logger: { logQuery: (query: string) => void } } }).session;
  const previous = session.logger;
  const statements: string[] = [];
  session.logger = { logQuery: (query) => statements.push(query) };
  try {
    await action();
  } finally {
    session.logger = previous;
  }
  return statements;
}

describe('reporting status export', () => {
  it('exports every expected company past two batches of 500, its admins counted within the query of the rows', async () => {
    const db = r.t.database.db;
    const park = await buildPark(db);
    const manager = await signedIn(r.t.app, db, 'park_manager', [park.id]);
    const name = (n: number) => `Membre ${String(n).padStart(4, '0')}`;
    const created = await db.transaction((tx) =>
      addCompanies(
        { db: tx, actor: Actor.anonymous() },
        {
          companies: Array.from({ length: 1_050 }, (_, n) => ({
            profile: { legalName: name(n), brandName: '', stage: 'startup' as const, sectors: ['ict' as const], parkId: park.id },
            history: [{ status: 'resident' as const, effectiveDate: '2020-01-01' }],
          })),
        },
      ),
    );
    // Admins on companies of the first and of the second batch; a disabled admin is nobody to write to.
    const [early, late] = [created[3], created[1_020]];
    await buildPerson(db, { role: 'company_admin', scopeIds: [early.id] });
    await buildPerson(db, { role: 'company_admin', scopeIds: [late.id] });
    await buildPerson(db, { role: 'company_admin', scopeIds: [late.id] });
    const disabled = await buildPerson(db, { role: 'company_admin', scopeIds: [created[5].id] });
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    await buildPerson(db, { role: 'company_member', scopeIds: [created[6].id] });

    const as = client(r.t.app, manager.cookie, 'en');
    const query = `year=${lastYear}&sort=company&reported=false`;
    const page = (await as.get(`/api/v1/company-reports/status?${query}&pageSize=100&page=11`)).json();
    expect(page.total).toBe(1_050);
    expect(page.items.map((row: { legalName: string }) => row.legalName)).toEqual(Array.from({ length: 50 }, (_, n) => name(1_000 + n)));
    expect(page.items.find((row: { companyId: string }) => row.companyId === late.id).adminCount).toBe(2);

    const small = await statementsDuring(() => as.get(`/api/v1/company-reports/status/export?${query}&q=${encodeURIComponent(name(3))}`));
    let csv = '';
    const large = await statementsDuring(async () => {
      csv = (await as.get(`/api/v1/company-reports/status/export?${query}&format=csv`)).body;
    });
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(
      'Company,Brand,Park,Reported,Version,Reported on (Morocco time),Last reminder (Morocco time),Reminders,Company admins',
    );
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(Array.from({ length: 1_050 }, (_, n) => name(n)));
    const adminsOf = (n: number) => rows[n + 1].split(',').at(-1);
    expect([adminsOf(3), adminsOf(1_020), adminsOf(5), adminsOf(6), adminsOf(7)]).toEqual(['1', '2', '0', '0', '0']);
    // The admins are counted inside the rows' query: nothing is read per row. On PostgreSQL the rows come through
    // one cursor, as many statements as for the small export; PGlite reads one window per 500 rows (three here).
    const windowsPast = r.t.database.kind === 'postgresql' ? 0 : 2;
    expect(large.length).toBe(small.length + windowsPast);
    const grantReads = (statements: string[]) => statements.filter((statement) => statement.includes('"role_assignments"')).length;
    expect(grantReads(large)).toBe(grantReads(small) + windowsPast);

    const xlsx = await as.get(`/api/v1/company-reports/status/export?${query}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].rowCount).toBe(1_051);
    expect(workbook.worksheets[0].getRow(1_022).getCell(9).value).toBe(2);
  });
});
