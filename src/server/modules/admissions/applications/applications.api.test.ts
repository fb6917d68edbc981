import { and, count, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../../../contracts/admissions.js';
import { users } from '../../../platform/auth/schema.js';
import { outboundEmails } from '../../../platform/mail/schema.js';
import { translate } from '../../../platform/messages.js';
import { buildApplication, buildCall, factoryQuestions, readApplication } from '../../../test/admission-factories.js';
import { buildCompany } from '../../../test/company-factories.js';
import { buildPark, buildPerson, client, cookieOf, origin, signedIn, signIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { applications, calls, reviewAssignments } from '../schema.js';

let t: TestContext;
let casablanca: Awaited<ReturnType<typeof buildPark>>;
let officer: { id: string; cookie: string };
let manager: { cookie: string };
let otherManager: { cookie: string };
let committee: { id: string; cookie: string };
let secondMember: { id: string; cookie: string };
let companyAdmin: { cookie: string };

const day = 24 * 60 * 60 * 1000;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
const html = Buffer.from('<!doctype html><script>alert(1)</script>').toString('base64');
const questionsWithFile: Question[] = [
  ...factoryQuestions,
  { id: 'business_plan', kind: 'file', label: { fr: "Plan d'affaires", ar: 'مخطط الأعمال' }, required: true },
];

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

/** The applicant's browser: the draft's secret in x-draft-token, perhaps a session, in a language. */
function applicant(token?: string, cookie?: string, locale = 'fr') {
  const send = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        origin,
        'accept-language': locale,
        ...(token ? { 'x-draft-token': token } : {}),
        ...(cookie ? { cookie } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload: unknown = {}) => send('POST', url, payload),
    patch: (url: string, payload: unknown) => send('PATCH', url, payload),
    delete: (url: string) => send('DELETE', url),
  };
}

const completeDraft = {
  contactName: 'Salma Bennani',
  contactEmail: 'salma@example.ma',
  contactPhone: '+212 661 00 00 00',
  companyName: 'Argan Data',
  sector: 'agritech',
  stage: 'startup',
  region: 'souss_massa',
  creationDate: '2024-05-10',
  answers: { pitch: 'Traçabilité de l’huile d’argan.', team_size: 5 },
};

async function startDraft(slug: string, locale = 'fr', cookie?: string, body: unknown = completeDraft) {
  const response = await applicant(undefined, cookie, locale).post(`/public/calls/${slug}/applications`, body);
  expect(response.statusCode, response.body).toBe(201);
  const { application, draftToken } = response.json();
  return { id: application.id as string, token: draftToken as string, application };
}

const newAccount = (email: string) => ({ consent: true, account: { name: 'Salma Bennani', email, password: 'argan-oil-2026' } });
const uniqueEmail = () => `applicant-${Math.random().toString(36).slice(2, 10)}@example.ma`;

async function emailsTo(address: string) {
  return t.database.db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, address));
}

describe('drafts without an account', () => {
  it('gives a secret token once, keeps only its hash, and answers 404 without it or with a wrong one', async () => {
    const call = await buildCall(t.database.db);
    const { id, token, application } = await startDraft(call.slug);
    expect(application).toMatchObject({ status: 'draft', reference: '', editable: true, hasAccount: false });
    expect(token.length).toBeGreaterThanOrEqual(40);
    const row = await readApplication(t.database.db, id);
    expect(row.draftTokenHash).not.toContain(token);
    expect(row.draftTokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await applicant().get(`/public/applications/${id}`)).statusCode).toBe(404);
    expect((await applicant('wrong-token').get(`/public/applications/${id}`)).statusCode).toBe(404);
    expect((await applicant(token).get(`/public/applications/${id}`)).json().companyName).toBe('Argan Data');
    // Another applicant's secret opens only their own draft.
    const other = await startDraft(call.slug);
    expect((await applicant(other.token).get(`/public/applications/${id}`)).statusCode).toBe(404);
    expect((await applicant(other.token).patch(`/public/applications/${id}`, { companyName: 'X' })).statusCode).toBe(404);
  });

  it('saves partial drafts: only what is sent changes, answers merge, null clears one, bad answers are refused', async () => {
    const call = await buildCall(t.database.db);
    const { id, token } = await startDraft(call.slug, 'fr', undefined, { companyName: 'Atlas Robotics' });
    const browser = applicant(token);
    const first = await browser.patch(`/public/applications/${id}`, { answers: { pitch: 'Des robots de tri.' } });
    expect(first.statusCode).toBe(200);
    const second = await browser.patch(`/public/applications/${id}`, { sector: 'industry', answers: { funding: 'grant' } });
    expect(second.json()).toMatchObject({
      companyName: 'Atlas Robotics',
      sector: 'industry',
      answers: { pitch: 'Des robots de tri.', funding: 'grant' },
    });
    const cleared = await browser.patch(`/public/applications/${id}`, { answers: { funding: null } });
    expect(cleared.json().answers).toEqual({ pitch: 'Des robots de tri.' });

    const bad = await applicant(token, undefined, 'en').patch(`/public/applications/${id}`, {
      answers: { team_size: 900, funding: 'loan' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json()
      .error.details.map((detail: { path: string }) => detail.path)
      .sort();
    expect(paths).toEqual(['answers.funding', 'answers.team_size']);
    expect(bad.json().error.details).toContainEqual({ path: 'answers.funding', message: translate('en', 'validation.unknown_option') });
    expect((await readApplication(t.database.db, id)).answers).toEqual({ pitch: 'Des robots de tri.' });
  });

  it('binds a signed-in person’s draft to their account', async () => {
    const call = await buildCall(t.database.db);
    const person = await signedIn(t.app, t.database.db);
    const { id } = await startDraft(call.slug, 'fr', person.cookie, { companyName: 'Sahara Solar' });
    const row = await readApplication(t.database.db, id);
    expect(row.applicantUserId).toBe(person.id);
    expect(row.contactEmail).toBe(person.email);
    expect((await applicant(undefined, person.cookie).get(`/public/applications/${id}`)).statusCode).toBe(200);
  });

  it('refuses to start a draft on a closed, upcoming or unpublished call', async () => {
    const db = t.database.db;
    const closed = await buildCall(db, { opensAt: new Date(Date.now() - 30 * day), closesAt: new Date(Date.now() - day) });
    const upcoming = await buildCall(db, { opensAt: new Date(Date.now() + day), closesAt: new Date(Date.now() + 30 * day) });
    const hidden = await buildCall(db, { publishedAt: null });
    expect((await applicant().post(`/public/calls/${closed.slug}/applications`, {})).json().error.code).toBe('deadline_passed');
    expect((await applicant().post(`/public/calls/${upcoming.slug}/applications`, {})).json().error.code).toBe('call_not_open');
    expect((await applicant().post(`/public/calls/${hidden.slug}/applications`, {})).statusCode).toBe(404);
  });
});

describe('files', () => {
  it('accepts a PDF, refuses HTML named .pdf, and never shows a file to someone else', async () => {
    const call = await buildCall(t.database.db, { questions: questionsWithFile });
    const { id, token } = await startDraft(call.slug);
    const upload = await applicant(token).post(`/public/applications/${id}/files`, {
      questionId: 'business_plan',
      file: { name: 'plan.pdf', content: pdf },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json();
    expect(file).toMatchObject({ questionId: 'business_plan', mediaType: 'application/pdf', name: 'plan.pdf' });

    const disguised = await applicant(token, undefined, 'en').post(`/public/applications/${id}/files`, {
      questionId: 'business_plan',
      file: { name: 'innocent.pdf', content: html },
    });
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error.details).toEqual([{ path: 'file.content', message: translate('en', 'validation.file_type') }]);
    const notAFileQuestion = await applicant(token).post(`/public/applications/${id}/files`, {
      questionId: 'pitch',
      file: { name: 'a.pdf', content: pdf },
    });
    expect(notAFileQuestion.statusCode).toBe(400);

    const download = await applicant(token).get(`/public/applications/${id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment');

    const stranger = await startDraft(call.slug);
    expect((await applicant(stranger.token).get(`/public/applications/${id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await applicant(stranger.token).delete(`/public/applications/${id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await applicant(stranger.token).post(`/public/applications/${id}/submit`, newAccount(uniqueEmail()))).statusCode).toBe(404);
    expect((await applicant(stranger.token).post(`/public/applications/${id}/withdraw`)).statusCode).toBe(404);
    expect((await readApplication(t.database.db, id)).status).toBe('draft');
    // Its own token does not open someone else's file through its own application either.
    expect((await applicant(stranger.token).get(`/public/applications/${stranger.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await applicant().get(`/public/applications/${id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await client(t.app).get(`/api/v1/applications/${id}/files/${file.id}`)).statusCode).toBe(401);

    // Submitted: officers read it, the applicant still does with their session, a company admin does not.
    const submitted = await applicant(token).post(`/public/applications/${id}/submit`, newAccount(uniqueEmail()));
    expect(submitted.statusCode, submitted.body).toBe(200);
    const session = cookieOf(submitted);
    expect((await applicant(undefined, session).get(`/public/applications/${id}/files/${file.id}`)).statusCode).toBe(200);
    expect((await client(t.app, officer.cookie).get(`/api/v1/applications/${id}/files/${file.id}`)).statusCode).toBe(200);
    // The call is network-wide: no park manager reads it.
    expect((await client(t.app, manager.cookie).get(`/api/v1/applications/${id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await client(t.app, companyAdmin.cookie).get(`/api/v1/applications/${id}/files/${file.id}`)).statusCode).toBe(403);
    // A committee member reads it only once assigned.
    expect((await client(t.app, committee.cookie).get(`/api/v1/applications/${id}/files/${file.id}`)).statusCode).toBe(404);
    await t.database.db.insert(reviewAssignments).values({ applicationId: id, memberUserId: committee.id });
    expect((await client(t.app, committee.cookie).get(`/api/v1/applications/${id}/files/${file.id}`)).statusCode).toBe(200);
  });

  it('removes a file from a draft, and requires a required file on submission', async () => {
    const call = await buildCall(t.database.db, { questions: questionsWithFile });
    const { id, token } = await startDraft(call.slug);
    const file = (
      await applicant(token).post(`/public/applications/${id}/files`, {
        questionId: 'business_plan',
        file: { name: 'p.pdf', content: pdf },
      })
    ).json();
    expect((await applicant(token).delete(`/public/applications/${id}/files/${file.id}`)).statusCode).toBe(204);
    expect((await applicant(token).get(`/public/applications/${id}`)).json().files).toEqual([]);
    const missing = await applicant(token, undefined, 'fr').post(`/public/applications/${id}/submit`, newAccount(uniqueEmail()));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ path: 'answers.business_plan', message: translate('fr', 'validation.file_required') }]);
  });
});

describe('submission', () => {
  it('refuses a submission before the opening or after the deadline, writing nothing', async () => {
    const call = await buildCall(t.database.db);
    const { id, token } = await startDraft(call.slug, 'fr');
    const email = uniqueEmail();

    await t.database.db
      .update(calls)
      .set({ opensAt: new Date(Date.now() - 30 * day), closesAt: new Date(Date.now() - 60_000) })
      .where(eq(calls.id, call.id));
    const late = await applicant(token, undefined, 'fr').post(`/public/applications/${id}/submit`, newAccount(email));
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'deadline_passed', message: translate('fr', 'errors.deadline_passed') });
    expect(late.json().error.details[0].message).toContain('La date limite de cet appel était le');

    await t.database.db
      .update(calls)
      .set({ opensAt: new Date(Date.now() + day), closesAt: new Date(Date.now() + 9 * day) })
      .where(eq(calls.id, call.id));
    const early = await applicant(token, undefined, 'en').post(`/public/applications/${id}/submit`, newAccount(email));
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'call_not_open', message: translate('en', 'errors.call_not_open') });

    const row = await readApplication(t.database.db, id);
    expect(row).toMatchObject({ status: 'draft', reference: '', submittedAt: null, applicantUserId: null });
    expect(await t.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(await emailsTo(email)).toEqual([]);
    expect(late.headers['set-cookie']).toBeUndefined();
  });

  it('requires the required answers and fields, naming each path, and consent', async () => {
    const call = await buildCall(t.database.db, { kind: 'residency' });
    const { id, token } = await startDraft(call.slug, 'fr', undefined, { companyName: 'Partiel' });
    const response = await applicant(token, undefined, 'fr').post(`/public/applications/${id}/submit`, newAccount(uniqueEmail()));
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'contactName',
        'contactEmail',
        'sector',
        'stage',
        'region',
        'requiredAreaM2',
        'answers.pitch',
        'answers.team_size',
      ]),
    );
    expect(response.json().error.details).toContainEqual({ path: 'answers.pitch', message: translate('fr', 'validation.required') });
    expect(response.json().error.details).toContainEqual({ path: 'sector', message: translate('fr', 'validation.required') });
    expect(paths).not.toContain('answers.funding');

    const noConsent = await applicant(token).post(`/public/applications/${id}/submit`, { account: newAccount(uniqueEmail()).account });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.details[0].path).toBe('consent');
    expect((await readApplication(t.database.db, id)).status).toBe('draft');
  });

  it('creates the account, signs the applicant in, numbers the application and confirms by e-mail', async () => {
    const call = await buildCall(t.database.db);
    const { id, token } = await startDraft(call.slug);
    const email = uniqueEmail();
    const response = await applicant(token).post(`/public/applications/${id}/submit`, newAccount(email));
    expect(response.statusCode, response.body).toBe(200);
    const submitted = response.json();
    expect(submitted).toMatchObject({ status: 'submitted', editable: false, hasAccount: true, decision: null });
    expect(submitted.reference).toMatch(/^\d{4}-0001$/);

    const session = cookieOf(response);
    expect(session).toContain('technopark.session_token');
    const me = await client(t.app, session).get('/api/v1/me');
    expect(me.json().user.email).toBe(email);
    const mine = await client(t.app, session).get('/api/v1/my/applications');
    expect(mine.json().items).toEqual([
      expect.objectContaining({ id, reference: submitted.reference, status: 'submitted', decision: null }),
    ]);

    // The browser's secret is retired: the account is the way in now.
    expect((await applicant(token).get(`/public/applications/${id}`)).statusCode).toBe(404);
    const [mail] = await emailsTo(email);
    expect(mail).toMatchObject({ locale: 'fr', kind: 'application_submitted' });
    expect(mail.subject).toContain(submitted.reference);
    // The password works for a later sign-in too.
    expect(await signIn(t.app, email, 'argan-oil-2026')).toContain('technopark.session_token');
  });

  it('a signed-in applicant submits without creating an account', async () => {
    const call = await buildCall(t.database.db);
    const person = await signedIn(t.app, t.database.db);
    const { id } = await startDraft(call.slug, 'fr', person.cookie);
    const response = await applicant(undefined, person.cookie).post(`/public/applications/${id}/submit`, { consent: true });
    expect(response.statusCode, response.body).toBe(200);
    expect((await readApplication(t.database.db, id)).applicantUserId).toBe(person.id);
    expect(await emailsTo(person.email)).toHaveLength(1);
  });

  it('refuses an e-mail that already has an account, writing nothing', async () => {
    const call = await buildCall(t.database.db);
    const existing = await buildPerson(t.database.db);
    const { id, token } = await startDraft(call.slug, 'en');
    const [{ before }] = await t.database.db.select({ before: count() }).from(users);
    const response = await applicant(token, undefined, 'en').post(`/public/applications/${id}/submit`, newAccount(existing.email));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('email_taken');
    expect(response.json().error.details).toEqual([{ path: 'account.email', message: translate('en', 'validation.sign_in_to_submit') }]);
    const [{ after }] = await t.database.db.select({ after: count() }).from(users);
    expect(after).toBe(before);
    expect((await readApplication(t.database.db, id)).status).toBe('draft');
    expect(await emailsTo(existing.email)).toEqual([]);
  });

  it('gives distinct references to concurrent submissions', async () => {
    const call = await buildCall(t.database.db);
    const drafts = [];
    for (let n = 0; n < 5; n++) drafts.push(await startDraft(call.slug));
    const responses = await Promise.all(
      drafts.map((draft) => applicant(draft.token).post(`/public/applications/${draft.id}/submit`, newAccount(uniqueEmail()))),
    );
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const references = responses.map((response) => response.json().reference as string).sort();
    expect(new Set(references).size).toBe(5);
    expect(references.map((reference) => reference.slice(5))).toEqual(['0001', '0002', '0003', '0004', '0005']);
  });

  it('confirms in the applicant’s language: an Arabic applicant gets Arabic', async () => {
    const call = await buildCall(t.database.db);
    const { id, token } = await startDraft(call.slug, 'ar');
    const email = uniqueEmail();
    const response = await applicant(token, undefined, 'ar').post(`/public/applications/${id}/submit`, newAccount(email));
    expect(response.statusCode).toBe(200);
    const [mail] = await emailsTo(email);
    expect(mail.locale).toBe('ar');
    expect(mail.subject).toContain('تم استلام الترشيح');
    expect(mail.text).toContain('إعلان');
    const [account] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(account.locale).toBe('ar');
  });

  it('no longer lets a submitted application change; the applicant may withdraw it until a decision', async () => {
    const call = await buildCall(t.database.db);
    const { id, token } = await startDraft(call.slug);
    const session = cookieOf(await applicant(token).post(`/public/applications/${id}/submit`, newAccount(uniqueEmail())));
    const browser = applicant(undefined, session);
    const edit = await browser.patch(`/public/applications/${id}`, { companyName: 'Changed' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('not_editable');
    expect((await browser.post(`/public/applications/${id}/submit`, { consent: true })).statusCode).toBe(409);
    const withdrawn = await browser.post(`/public/applications/${id}/withdraw`);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await browser.post(`/public/applications/${id}/withdraw`)).statusCode).toBe(409);

    const decided = await buildApplication(t.database.db, call.id, {
      status: 'rejected',
      decision: 'rejected',
      applicantUserId: (await readApplication(t.database.db, id)).applicantUserId,
    });
    expect((await browser.post(`/public/applications/${decided.id}/withdraw`)).statusCode).toBe(409);
  });
});

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
    expect(detail.eligibilityProblems[0].message).toContain('agritech');
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
  return signIn(t.app, email, 'argan-oil-2026');
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
