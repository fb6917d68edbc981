import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../../../shared/calendar.js';
import { auditLog } from '../../../platform/audit/schema.js';
import { roleAssignments } from '../../../platform/grants/schema.js';
import { outboundEmails } from '../../../platform/mail/schema.js';
import { readApplication } from '../../../test/admission-factories.js';
import { buildCompany, uniqueIce } from '../../../test/company-factories.js';
import { buildPark, client, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { buildApplicant, buildApplicationUnderReview, buildCommittee, buildReviewedCall } from '../../../test/review-factories.js';
import { waitingListEntries } from '../schema.js';

let t: TestContext;
let officer: { id: string; cookie: string };
let committee: { id: string; cookie: string }[];
let park: Awaited<ReturnType<typeof buildPark>>;

beforeAll(async () => {
  t = await createTestContext();
  officer = await signedIn(t.app, t.database.db, 'program_officer');
  committee = await buildCommittee(t.app, t.database.db, 2);
  park = await buildPark(t.database.db, {
    name: { fr: 'Technopark Casablanca', ar: 'تكنوبارك الدار البيضاء', en: 'Technopark Casablanca' },
  });
});
afterAll(() => t.close());

const decide = (applicationId: string, body: unknown, locale = 'fr') =>
  client(t.app, officer.cookie, locale).post(`/api/v1/applications/${applicationId}/decision`, body);

async function caseUnderReview(
  callOverrides: Parameters<typeof buildReviewedCall>[2] = {},
  applicationOverrides: Parameters<typeof buildApplicationUnderReview>[3] = {},
) {
  const call = await buildReviewedCall(
    t.database.db,
    committee.map((member) => member.id),
    callOverrides,
  );
  const application = await buildApplicationUnderReview(
    t.database.db,
    call.id,
    committee.map((member) => member.id),
    { ice: uniqueIce(), submittedAt: new Date('2026-01-05T10:00:00Z'), ...applicationOverrides },
  );
  const applicant = await buildApplicant(t.app, t.database.db, application.id, (applicationOverrides.locale as 'fr' | 'ar' | 'en') ?? 'fr');
  return { call, application: await readApplication(t.database.db, application.id), applicant };
}

async function lettersTo(address: string) {
  return t.database.db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, address));
}

/** How many companies the network has, as an officer (who reads them all) is told by the companies' API. */
async function companyCount() {
  const response = await client(t.app, officer.cookie).get('/api/v1/companies?pageSize=1');
  expect(response.statusCode).toBe(200);
  return response.json().total as number;
}

/** A company as the companies' API shows it to an officer. */
async function companyOf(companyId: string) {
  const response = await client(t.app, officer.cookie).get(`/api/v1/companies/${companyId}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** A company's lifecycle, oldest first, as the companies' API shows it: status, date and where each step came from. */
async function historyOf(companyId: string): Promise<[string, string, string][]> {
  const response = await client(t.app, officer.cookie).get(`/api/v1/companies/${companyId}/history`);
  expect(response.statusCode).toBe(200);
  return response
    .json()
    .map((event: { status: string; effectiveDate: string; source: string }) => [event.status, event.effectiveDate, event.source]);
}

describe('admitting an applicant', () => {
  it('creates their company with its history (applicant at submission, admitted today) and makes them its admin', async () => {
    const { application, applicant, call } = await caseUnderReview(
      { kind: 'incubation' },
      { companyName: 'Argan Data SARL', sector: 'agritech', stage: 'startup', creationDate: '2024-03-01' },
    );
    const response = await decide(application.id, { decision: 'admitted' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'admitted', decision: 'admitted', allowedDecisions: [] });

    const after = await readApplication(t.database.db, application.id);
    expect(after).toMatchObject({ status: 'admitted', decision: 'admitted', decidedBy: officer.id });
    // The officers' review links to the company the decision made.
    expect(after.companyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json().companyId).toBe(after.companyId);
    const company = await companyOf(after.companyId as string);
    expect(company).toMatchObject({
      legalName: 'Argan Data SARL',
      ice: application.ice,
      sectors: ['agritech'],
      stage: 'startup',
      creationDate: '2024-03-01',
      parkId: null,
      status: 'admitted',
    });
    expect(await historyOf(company.id)).toEqual([
      ['applicant', '2026-01-05', 'admission'],
      ['admitted', localToday(), 'admission'],
    ]);
    const grants = await t.database.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, applicant.id), eq(roleAssignments.scopeId, company.id)));
    expect(grants.map((grant) => grant.role)).toEqual(['company_admin']);
    // Their session now reads the company as its admin.
    const me = (await client(t.app, applicant.cookie).get('/api/v1/me')).json();
    expect(
      me.grants.some((grant: { role: string; scopeId: string }) => grant.role === 'company_admin' && grant.scopeId === company.id),
    ).toBe(true);

    // A program call joins no waiting list.
    expect(await t.database.db.select().from(waitingListEntries).where(eq(waitingListEntries.companyId, company.id))).toEqual([]);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, application.id))).map((row) => row.action);
    expect(actions).toContain('application.decide');

    const [letter] = await lettersTo(applicant.email);
    expect(letter).toMatchObject({ locale: 'fr', kind: 'admission.admitted' });
    expect(letter.subject).toBe(`Votre candidature ${application.reference} à « ${call.title.fr} » : la décision`);
    expect(letter.text).toContain('a retenu votre candidature');
    expect(letter.text).toContain('Prochaines étapes');
    expect(letter.text).toContain('/sign-in');
  });

  it('to a residency in a park puts the company on the park’s waiting list for the area it needs', async () => {
    const { application, applicant } = await caseUnderReview({ kind: 'residency', parkId: park.id }, { requiredAreaM2: 45 });
    const overridden = await caseUnderReview({ kind: 'residency', parkId: park.id }, { requiredAreaM2: 45 });
    expect((await decide(application.id, { decision: 'admitted' })).statusCode).toBe(200);
    expect((await decide(overridden.application.id, { decision: 'admitted', requiredAreaM2: 60.5 })).statusCode).toBe(200);

    const after = await readApplication(t.database.db, application.id);
    const [entry] = await t.database.db.select().from(waitingListEntries).where(eq(waitingListEntries.applicationId, application.id));
    expect(entry).toMatchObject({
      parkId: park.id,
      companyId: after.companyId,
      requiredAreaM2: 45,
      requestedOn: localToday(),
      status: 'waiting',
    });
    expect(await companyOf(after.companyId as string)).toMatchObject({ parkId: park.id, status: 'admitted' });
    const [other] = await t.database.db
      .select()
      .from(waitingListEntries)
      .where(eq(waitingListEntries.applicationId, overridden.application.id));
    expect(other.requiredAreaM2).toBe(60.5);

    const [letter] = await lettersTo(applicant.email);
    expect(letter.text).toContain("liste d'attente de Technopark Casablanca pour un local de 45 m²");
  });

  it('to a residency needs the area the company needs; without it nothing is written', async () => {
    const { application, applicant } = await caseUnderReview({ kind: 'residency', parkId: park.id }, { requiredAreaM2: null });
    const companiesBefore = await companyCount();
    const response = await decide(application.id, { decision: 'admitted' }, 'en');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: 'requiredAreaM2', message: "Give the area the company needs, to place it on the park's waiting list." },
    ]);
    expect(await companyCount()).toBe(companiesBefore);
    expect((await readApplication(t.database.db, application.id)).status).toBe('under_review');
    expect(await lettersTo(applicant.email)).toEqual([]);
  });

  it('links to the company that already holds the ICE instead of creating a second one', async () => {
    const ice = uniqueIce();
    const existing = await buildCompany(t.database.db, { ice, legalName: 'Atlas Robotics SA' }, [
      { status: 'applicant', effectiveDate: '2025-06-01' },
    ]);
    const { application, applicant } = await caseUnderReview({ kind: 'incubation' }, { ice, companyName: 'Atlas Robotics' });
    const companiesBefore = await companyCount();
    expect((await decide(application.id, { decision: 'admitted' })).statusCode).toBe(200);
    expect(await companyCount()).toBe(companiesBefore);
    expect((await readApplication(t.database.db, application.id)).companyId).toBe(existing.id);
    expect((await historyOf(existing.id)).map(([status, , source]) => [status, source])).toEqual([
      ['applicant', 'manual'],
      ['admitted', 'admission'],
    ]);
    // Typing a company's ICE does not hand its administration over: its staff adds the applicant.
    const grants = await t.database.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.userId, applicant.id), eq(roleAssignments.scopeId, existing.id)));
    expect(grants).toEqual([]);
    const [letter] = await lettersTo(applicant.email);
    expect(letter.text).not.toContain('Atlas Robotics SA');

    // A resident company keeps its status: admission is not a step back.
    const resident = await buildCompany(t.database.db, { ice: uniqueIce() });
    const again = await caseUnderReview({ kind: 'incubation' }, { ice: resident.ice });
    expect((await decide(again.application.id, { decision: 'admitted' })).statusCode).toBe(200);
    expect((await readApplication(t.database.db, again.application.id)).companyId).toBe(resident.id);
    expect((await historyOf(resident.id)).map(([status]) => status)).toEqual(['resident']);
  });
});

describe('rejecting or waitlisting', () => {
  it('needs a reason the applicant will read; without it nothing is written', async () => {
    const { application, applicant } = await caseUnderReview();
    for (const decision of ['rejected', 'waitlisted']) {
      const response = await decide(application.id, { decision, reason: '   ' }, 'en');
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([{ path: 'reason', message: 'Give the reason: the applicant will read it.' }]);
    }
    expect(await readApplication(t.database.db, application.id)).toMatchObject({ status: 'under_review', decision: null });
    expect(await lettersTo(applicant.email)).toEqual([]);
  });

  it('writes the letter in the applicant’s language: an Arabic applicant reads Arabic, with the reason', async () => {
    const { application, applicant, call } = await caseUnderReview({}, { locale: 'ar' });
    const response = await decide(application.id, { decision: 'rejected', reason: 'المشروع خارج القطاعات المستهدفة' });
    expect(response.statusCode).toBe(200);
    const [letter] = await lettersTo(applicant.email);
    expect(letter.locale).toBe('ar');
    expect(letter.subject).toBe(`ترشيحكم ${application.reference} لـ«${call.title.ar}»: القرار`);
    expect(letter.text).toContain('لم تقبل ترشيحكم');
    expect(letter.text).toContain('السبب الذي قدمته اللجنة: المشروع خارج القطاعات المستهدفة');
    expect(letter.text).not.toMatch(/[A-Za-z]{4,}\s[A-Za-z]{4,}/);
    expect((await readApplication(t.database.db, application.id)).companyId).toBeNull();
  });

  it('is final once rejected; a waitlisted application may still be admitted, then nothing more', async () => {
    const rejected = await caseUnderReview();
    expect((await decide(rejected.application.id, { decision: 'rejected', reason: 'Hors périmètre' })).statusCode).toBe(200);
    const again = await decide(rejected.application.id, { decision: 'admitted' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_transition');
    expect((await readApplication(t.database.db, rejected.application.id)).status).toBe('rejected');
    expect(await lettersTo(rejected.applicant.email)).toHaveLength(1);

    const waitlisted = await caseUnderReview({}, { locale: 'en' });
    expect((await decide(waitlisted.application.id, { decision: 'waitlisted', reason: 'Limited places' })).statusCode).toBe(200);
    const review = (await client(t.app, officer.cookie).get(`/api/v1/applications/${waitlisted.application.id}/review`)).json();
    expect(review.allowedDecisions).toEqual(['admitted', 'rejected']);
    expect((await decide(waitlisted.application.id, { decision: 'waitlisted', reason: 'again' })).statusCode).toBe(409);
    expect((await decide(waitlisted.application.id, { decision: 'admitted' })).statusCode).toBe(200);
    expect((await decide(waitlisted.application.id, { decision: 'rejected', reason: 'Too late' })).statusCode).toBe(409);
    const letters = await lettersTo(waitlisted.applicant.email);
    expect(letters.map((letter) => letter.kind).sort()).toEqual(['admission.admitted', 'admission.waitlisted']);
    expect(letters.find((letter) => letter.kind === 'admission.waitlisted')?.text).toContain(
      'Reason given by the committee: Limited places',
    );
  });

  it('two decisions at the same moment: one wins, one letter', async () => {
    const { application, applicant } = await caseUnderReview();
    const responses = await Promise.all([
      decide(application.id, { decision: 'admitted' }),
      decide(application.id, { decision: 'rejected', reason: 'Non' }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(await lettersTo(applicant.email)).toHaveLength(1);
  });
});

describe('who decides', () => {
  it('program officers and network admins; not park managers, committee members nor the applicant', async () => {
    const { application, applicant } = await caseUnderReview({ kind: 'residency', parkId: park.id }, { requiredAreaM2: 30 });
    const manager = await signedIn(t.app, t.database.db, 'park_manager', [park.id]);
    for (const person of [manager, committee[0], applicant]) {
      expect(
        (await client(t.app, person.cookie).post(`/api/v1/applications/${application.id}/decision`, { decision: 'admitted' })).statusCode,
      ).toBe(403);
    }
    expect((await readApplication(t.database.db, application.id)).status).toBe('under_review');
    const admin = await signedIn(t.app, t.database.db, 'network_admin');
    expect(
      (await client(t.app, admin.cookie).post(`/api/v1/applications/${application.id}/decision`, { decision: 'admitted' })).statusCode,
    ).toBe(200);
  });
});
