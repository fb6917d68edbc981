import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../platform/messages.js';
import { buildApplication, buildCall, readApplication } from '../../../test/admission-factories.js';
import {
  applicantBrowser,
  applicantPassword,
  completeDraft,
  newAccount,
  outboxTo,
  startDraftAs,
  uniqueEmail,
} from '../../../test/applicant-client.js';
import { buildCompany } from '../../../test/company-factories.js';
import { csvColumn, csvRows } from '../../../test/csv.js';
import { buildPark, client, cookieOf, signedIn, signIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { applications, reviewAssignments } from '../schema.js';

let t: TestContext;
let casablanca: Awaited<ReturnType<typeof buildPark>>;
let officer: { id: string; cookie: string };
let manager: { cookie: string };
let otherManager: { cookie: string };
let committee: { id: string; cookie: string };
let secondMember: { id: string; cookie: string };
let companyAdmin: { cookie: string };

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  casablanca = await buildPark(db);
  const rabat = await buildPark(db, { region: 'rabat_sale_kenitra' });
  officer = await signedIn(t.app, db, 'program_officer');
  manager = await signedIn(t.app, db, 'park_manager', [casablanca.id]);
  otherManager = await signedIn(t.app, db, 'park_manager', [rabat.id]);
  committee = await signedIn(t.app, db, 'committee_member');
  secondMember = await signedIn(t.app, db, 'committee_member');
  companyAdmin = await signedIn(t.app, db, 'company_admin', [(await buildCompany(db)).id]);
});
afterAll(() => t.close());

const applicant = (token?: string, cookie?: string, locale = 'fr') => applicantBrowser(t.app, { token, cookie, locale });
const startDraft = (slug: string, locale = 'fr', cookie?: string, body: unknown = completeDraft) =>
  startDraftAs(t.app, slug, { locale, cookie, body });
const emailsTo = (address: string) => outboxTo(t.database.db, address);

describe('eligibility', () => {
  async function submittedTo(callId: string, slug: string, draft: Record<string, unknown>, locale = 'fr') {
    const { id, token } = await startDraft(slug, locale, undefined, { ...completeDraft, ...draft });
    const email = uniqueEmail();
    const response = await applicant(token, undefined, locale).post(`/public/applications/${id}/submit`, newAccount(email));
    expect(response.statusCode, response.body).toBe(200);
    expect((await readApplication(t.database.db, id)).callId).toBe(callId);
    return { id, email, session: cookieOf(response) };
  }

  it('records the automatic findings, needs a note to override them, and assigns the committee when eligible', async () => {
    const call = await buildCall(t.database.db, {
      parkId: casablanca.id,
      eligibility: { sectors: ['greentech'], stages: [], regions: [], maxCompanyAgeYears: 1 },
      committeeUserIds: [committee.id, secondMember.id],
    });
    const { id } = await submittedTo(call.id, call.slug, { sector: 'agritech', creationDate: '2015-01-01' });
    const detail = (await client(t.app, officer.cookie, 'fr').get(`/api/v1/applications/${id}`)).json();
    expect(detail.eligibilityProblems.map((problem: { key: string }) => problem.key)).toEqual([
      'eligibility.sector',
      'eligibility.company_too_old',
    ]);
    expect(detail.eligibilityProblems[0].message).toContain('« Agritech »');
    expect(detail.canDecideEligibility).toBe(true);

    const withoutNote = await client(t.app, officer.cookie, 'fr').post(`/api/v1/applications/${id}/eligibility`, { eligible: true });
    expect(withoutNote.statusCode).toBe(400);
    expect(withoutNote.json().error.details).toEqual([{ path: 'note', message: translate('fr', 'validation.override_note_required') }]);
    expect((await readApplication(t.database.db, id)).status).toBe('submitted');

    const overridden = await client(t.app, officer.cookie).post(`/api/v1/applications/${id}/eligibility`, {
      eligible: true,
      note: 'Greentech au sens large : validé par la direction.',
    });
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json()).toMatchObject({ status: 'under_review', canDecideEligibility: false });
    const assignments = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, id));
    expect(assignments.map((a) => a.memberUserId).sort()).toEqual([committee.id, secondMember.id].sort());
    // Decided once: a second decision is not a transition that exists.
    expect(
      (await client(t.app, officer.cookie).post(`/api/v1/applications/${id}/eligibility`, { eligible: false, note: 'x' })).statusCode,
    ).toBe(409);
  });

  it('tells a not-eligible applicant why, in their language', async () => {
    const call = await buildCall(t.database.db, {
      eligibility: { sectors: ['fintech'], stages: [], regions: [], maxCompanyAgeYears: null },
    });
    const { id, email } = await submittedTo(call.id, call.slug, { sector: 'agritech' }, 'ar');
    const response = await client(t.app, officer.cookie, 'fr').post(`/api/v1/applications/${id}/eligibility`, {
      eligible: false,
      note: '',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('ineligible');
    expect(await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, id))).toEqual([]);
    const mails = await emailsTo(email);
    const notice = mails.find((mail) => mail.kind === 'application_ineligible');
    expect(notice?.locale).toBe('ar');
    expect(notice?.text).toContain('التكنولوجيا الفلاحية');
    expect(notice?.text).toContain('التكنولوجيا المالية');
  });

  it('needs a reason to refuse when the check found nothing, and sends it to the applicant', async () => {
    const call = await buildCall(t.database.db);
    const { id, email } = await submittedTo(call.id, call.slug, {});
    const noReason = await client(t.app, officer.cookie, 'en').post(`/api/v1/applications/${id}/eligibility`, { eligible: false });
    expect(noReason.json().error.details).toEqual([{ path: 'note', message: translate('en', 'validation.ineligible_reason_required') }]);
    await client(t.app, officer.cookie).post(`/api/v1/applications/${id}/eligibility`, {
      eligible: false,
      note: 'Le dossier ne comporte pas de projet innovant.',
    });
    const notice = (await emailsTo(email)).find((mail) => mail.kind === 'application_ineligible');
    expect(notice?.text).toContain('Le dossier ne comporte pas de projet innovant.');
    const mine = await applicant(undefined, await signInAs(email)).get(`/public/applications/${id}`);
    expect(mine.json().ineligibility.note).toBe('Le dossier ne comporte pas de projet innovant.');
  });
});

async function signInAs(email: string) {
  return signIn(t.app, email, applicantPassword);
}

describe('officers’ application pages and who sees what', () => {
  it('lists, filters, sorts and exports the submitted applications of a call, never the drafts', async () => {
    const db = t.database.db;
    const call = await buildCall(db, { parkId: casablanca.id });
    await buildApplication(db, call.id, { companyName: 'Beta Green', sector: 'greentech' });
    await buildApplication(db, call.id, { companyName: 'Alpha Soft', sector: 'ict', status: 'under_review' });
    await buildApplication(db, call.id, { status: 'draft', companyName: 'Draft Co' });
    const officerClient = client(t.app, officer.cookie);
    const all = (await officerClient.get(`/api/v1/calls/${call.id}/applications?sort=companyName`)).json();
    expect(all.items.map((a: { companyName: string }) => a.companyName)).toEqual(['Alpha Soft', 'Beta Green']);
    const bySector = (await officerClient.get(`/api/v1/calls/${call.id}/applications?sector=greentech`)).json();
    expect(bySector.items.map((a: { companyName: string }) => a.companyName)).toEqual(['Beta Green']);
    const byStatus = (await officerClient.get(`/api/v1/calls/${call.id}/applications?status=under_review`)).json();
    expect(byStatus.total).toBe(1);
    const byText = (await officerClient.get(`/api/v1/calls/${call.id}/applications?q=beta`)).json();
    expect(byText.total).toBe(1);
    expect((await officerClient.get(`/api/v1/calls/${call.id}/applications?status=draft`)).statusCode).toBe(400);

    const csv = await client(t.app, officer.cookie, 'ar').get(`/api/v1/calls/${call.id}/applications/export?format=csv`);
    expect(csv.body).toContain('المرجع');
    expect(csv.body).toContain('Beta Green');
    expect(csv.body).not.toContain('Draft Co');
    const draft = (
      await db
        .select()
        .from(applications)
        .where(and(eq(applications.callId, call.id), eq(applications.status, 'draft')))
    )[0];
    expect((await officerClient.get(`/api/v1/applications/${draft.id}`)).statusCode).toBe(404);
  });

  it('exports sectors and regions by their labels, areas as numbers, submission times in the park time zone', async () => {
    const db = t.database.db;
    const call = await buildCall(db, { parkId: casablanca.id });
    const findings = [{ key: 'eligibility.company_too_old', params: { creationDate: '2015-01-01', age: '11', max: '5' } }];
    await buildApplication(db, call.id, {
      companyName: 'Souss EdLab',
      sector: 'edtech',
      region: 'souss_massa',
      requiredAreaM2: 42.5,
      submittedAt: new Date('2026-12-02T01:56:00Z'),
      eligibilityProblems: findings,
    });
    const url = `/api/v1/calls/${call.id}/applications/export?q=EdLab`;
    const [, french] = csvRows((await client(t.app, manager.cookie, 'fr').get(`${url}&format=csv`)).body);
    expect([french[5], french[6], french[7], french[9], french[10]]).toEqual([
      'Edtech',
      'startup',
      'Souss-Massa',
      '42,5',
      '2026-12-02 02:56',
    ]);

    const arabicCsv = (await client(t.app, manager.cookie, 'ar').get(`${url}&format=csv`)).body;
    // The Arabic date of the submission used to carry invisible right-to-left marks (U+200F).
    expect(arabicCsv).not.toMatch(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/);
    const [, arabic] = csvRows(arabicCsv);
    expect([arabic[5], arabic[7], arabic[10]]).toEqual(['تكنولوجيا التعليم', 'سوس ماسة', '2026-12-02 02:56']);

    const xlsx = await client(t.app, manager.cookie, 'ar').get(`${url}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = workbook.worksheets[0].getRow(2);
    expect(row.getCell(8).value).toBe('سوس ماسة');
    expect(row.getCell(9).value).toEqual(new Date('2024-03-01T00:00:00Z'));
    expect(row.getCell(10).value).toBe(42.5);
    expect(row.getCell(11).value).toEqual(new Date('2026-12-02T02:56:00Z'));
  });

  it('exports a filtered list with the same rows, in the same order, with the check’s findings in words', async () => {
    const db = t.database.db;
    const call = await buildCall(db, { parkId: casablanca.id });
    const findings = [{ key: 'eligibility.sector', params: { sector: 'tourism', allowed: 'ict' } }];
    await buildApplication(db, call.id, { companyName: 'Gamma Tours', sector: 'tourism', eligibilityProblems: findings });
    await buildApplication(db, call.id, { companyName: 'Delta Trips', sector: 'tourism' });
    await buildApplication(db, call.id, { companyName: 'Epsilon Soft', sector: 'ict' });
    const query = 'sector=tourism&sort=companyName&order=desc';
    const page = (await client(t.app, manager.cookie).get(`/api/v1/calls/${call.id}/applications?${query}`)).json();
    expect(page.items.map((a: { companyName: string }) => a.companyName)).toEqual(['Gamma Tours', 'Delta Trips']);
    expect(page.items[0]).not.toHaveProperty('problems');
    const csv = await client(t.app, manager.cookie, 'en').get(`/api/v1/calls/${call.id}/applications/export?format=csv&${query}`);
    expect(csvColumn(csv.body, 0)).toEqual(page.items.map((a: { reference: string }) => a.reference));
    const [header, gamma, delta] = csvRows(csv.body);
    expect(header.at(-1)).toBe('Eligibility problems');
    expect(gamma.at(-1)).toBe(translate('en', 'eligibility.sector', { sector: 'Tourism', allowed: 'Information technology' }));
    expect(delta.at(-1)).toBe('');
  });

  it('lets park managers read their park’s applications only, and never decide', async () => {
    const call = await buildCall(t.database.db, { parkId: casablanca.id });
    const application = await buildApplication(t.database.db, call.id);
    const url = `/api/v1/applications/${application.id}`;
    const managerView = await client(t.app, manager.cookie).get(url);
    expect(managerView.statusCode).toBe(200);
    expect(managerView.json().canDecideEligibility).toBe(false);
    expect((await client(t.app, manager.cookie).post(`${url}/eligibility`, { eligible: true })).statusCode).toBe(403);
    expect((await client(t.app, manager.cookie).get(`/api/v1/calls/${call.id}/applications`)).statusCode).toBe(200);

    expect((await client(t.app, otherManager.cookie).get(url)).statusCode).toBe(404);
    expect((await client(t.app, otherManager.cookie).get(`/api/v1/calls/${call.id}/applications`)).statusCode).toBe(404);
    expect((await client(t.app, otherManager.cookie).get(`/api/v1/calls/${call.id}/applications/export?format=csv`)).statusCode).toBe(404);
    expect((await client(t.app, manager.cookie).get(`/api/v1/calls/${call.id}/applications/export?format=xlsx`)).statusCode).toBe(200);
    expect((await client(t.app, committee.cookie).get(`/api/v1/calls/${call.id}/applications/export?format=csv`)).statusCode).toBe(403);
    for (const outsider of [committee, companyAdmin]) {
      expect((await client(t.app, outsider.cookie).get(url)).statusCode).toBe(403);
      expect((await client(t.app, outsider.cookie).post(`${url}/eligibility`, { eligible: true })).statusCode).toBe(403);
      expect((await client(t.app, outsider.cookie).get(`/api/v1/calls/${call.id}/applications`)).statusCode).toBe(403);
    }
    expect((await client(t.app).get(url)).statusCode).toBe(401);
    expect((await client(t.app).post(`${url}/eligibility`, { eligible: true })).statusCode).toBe(401);
    expect((await client(t.app).get('/api/v1/my/applications')).statusCode).toBe(401);
  });

  it('shows an applicant their own application only, with the decision and its reason but never scores', async () => {
    const call = await buildCall(t.database.db);
    const first = await signedIn(t.app, t.database.db);
    const second = await signedIn(t.app, t.database.db);
    const mine = await buildApplication(t.database.db, call.id, {
      applicantUserId: first.id,
      status: 'admitted',
      decision: 'admitted',
      decisionReason: 'Équipe solide et marché clair.',
      decidedAt: new Date(),
    });
    expect((await applicant(undefined, second.cookie).get(`/public/applications/${mine.id}`)).statusCode).toBe(404);
    expect((await applicant(undefined, second.cookie).get('/my/applications')).json().items).toEqual([]);

    const view = (await applicant(undefined, first.cookie).get(`/public/applications/${mine.id}`)).json();
    expect(view).toMatchObject({ status: 'admitted', decision: 'admitted', decisionReason: 'Équipe solide et marché clair.' });
    const text = JSON.stringify(view);
    for (const hidden of ['score', 'evaluation', 'committee', 'memberUserId', 'eligibilityNote', 'spreadThreshold']) {
      expect(text).not.toContain(hidden);
    }
    const list = (await client(t.app, first.cookie).get('/api/v1/my/applications')).json();
    expect(list.items[0]).toMatchObject({
      reference: mine.reference,
      decision: 'admitted',
      decisionReason: 'Équipe solide et marché clair.',
    });
    expect(list.items[0].call.title.fr).toBe(call.title.fr);
  });
});
