import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../platform/messages.js';
import { buildCall, readApplication } from '../../../test/admission-factories.js';
import {
  applicantBrowser,
  completeDraft,
  html,
  newAccount,
  pdf,
  questionsWithFile,
  startDraftAs,
  uniqueEmail,
} from '../../../test/applicant-client.js';
import { buildCompany } from '../../../test/company-factories.js';
import { buildPark, client, cookieOf, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { reviewAssignments } from '../schema.js';

let t: TestContext;
let officer: { id: string; cookie: string };
let manager: { cookie: string };
let committee: { id: string; cookie: string };
let companyAdmin: { cookie: string };

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  const casablanca = await buildPark(db);
  officer = await signedIn(t.app, db, 'program_officer');
  manager = await signedIn(t.app, db, 'park_manager', [casablanca.id]);
  committee = await signedIn(t.app, db, 'committee_member');
  companyAdmin = await signedIn(t.app, db, 'company_admin', [(await buildCompany(db)).id]);
});
afterAll(() => t.close());

const applicant = (token?: string, cookie?: string, locale = 'fr') => applicantBrowser(t.app, { token, cookie, locale });
const startDraft = (slug: string, locale = 'fr', cookie?: string, body: unknown = completeDraft) =>
  startDraftAs(t.app, slug, { locale, cookie, body });

const day = 24 * 60 * 60 * 1000;

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

  it('saves partial drafts: only what is sent changes, answers merge, null clears one, answers are kept as typed', async () => {
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

    // Answers are kept as typed, even past the question's rules: submission reports them.
    const loose = await applicant(token, undefined, 'en').patch(`/public/applications/${id}`, {
      answers: { team_size: 900, funding: 'loan' },
    });
    expect(loose.statusCode, loose.body).toBe(200);
    expect((await readApplication(t.database.db, id)).answers).toEqual({ pitch: 'Des robots de tri.', team_size: 900, funding: 'loan' });
    // An answer of the wrong kind is not something a form types: refused, and nothing changes.
    const wrongKind = await applicant(token, undefined, 'en').patch(`/public/applications/${id}`, {
      answers: { team_size: 'five', pitch: 'Autre chose.' },
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details.map((detail: { path: string }) => detail.path)).toEqual(['answers.team_size']);
    expect((await readApplication(t.database.db, id)).answers).toMatchObject({ pitch: 'Des robots de tri.', team_size: 900 });
  });

  it('saves what was typed even when it breaks a rule (an ICE of 14 digits); submission refuses it on its field', async () => {
    const call = await buildCall(t.database.db);
    const { id, token } = await startDraft(call.slug, 'fr', undefined, { companyName: 'Atlas Robotics' });
    const browser = applicant(token, undefined, 'en');
    const saved = await browser.patch(`/public/applications/${id}`, {
      ...completeDraft,
      ice: '00152583600007',
      contactEmail: 'salma@',
      answers: { ...completeDraft.answers, team_size: 900 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ice: '00152583600007', contactEmail: 'salma@' });
    // The draft keeps it: read again, as after a reload.
    expect((await browser.get(`/public/applications/${id}`)).json()).toMatchObject({
      ice: '00152583600007',
      contactEmail: 'salma@',
      answers: { team_size: 900 },
    });

    const refused = await browser.post(`/public/applications/${id}/submit`, newAccount(uniqueEmail()));
    expect(refused.statusCode).toBe(400);
    const details = refused.json().error.details as { path: string; message: string }[];
    expect(details).toContainEqual({ path: 'ice', message: translate('en', 'validation.ice_format') });
    expect(details).toContainEqual({ path: 'contactEmail', message: translate('en', 'validation.email_format') });
    expect(details.map((detail) => detail.path).sort()).toEqual(['answers.team_size', 'contactEmail', 'ice']);
    expect((await readApplication(t.database.db, id)).status).toBe('draft');

    // Corrected (typed with spaces, as on an invoice), it is submitted and kept as its 15 digits.
    await browser.patch(`/public/applications/${id}`, {
      ice: ' 001 525 836 000078 ',
      contactEmail: 'salma@example.ma',
      answers: { team_size: 5 },
    });
    const submitted = await browser.post(`/public/applications/${id}/submit`, newAccount(uniqueEmail()));
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await readApplication(t.database.db, id)).ice).toBe('001525836000078');
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
