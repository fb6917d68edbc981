import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInstant } from '../../../../shared/calendar.js';
import { applicationConsentText, currentApplicationConsentVersion } from '../../../../shared/consent.js';
import { toLocalDateTime } from '../../../../shared/morocco-time.js';
import { users } from '../../../platform/auth/schema.js';
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
import { csvRows } from '../../../test/csv.js';
import { buildPerson, client, cookieOf, signedIn, signIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { calls } from '../schema.js';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const applicant = (token?: string, cookie?: string, locale = 'fr') => applicantBrowser(t.app, { token, cookie, locale });
const startDraft = (slug: string, locale = 'fr', cookie?: string, body: unknown = completeDraft) =>
  startDraftAs(t.app, slug, { locale, cookie, body });
const emailsTo = (address: string) => outboxTo(t.database.db, address);

const day = 24 * 60 * 60 * 1000;

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
    // A form opened before the consent's wording changed: the person reads the new text before submitting.
    const outdated = await applicant(token, undefined, 'ar').post(`/public/applications/${id}/submit`, {
      ...newAccount(uniqueEmail()),
      consentVersion: '2025-01',
    });
    expect(outdated.statusCode).toBe(400);
    expect(outdated.json().error.details).toContainEqual({ path: 'consent', message: translate('ar', 'validation.consent_outdated') });
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
    const { submittedAt, consent } = await readApplication(t.database.db, id);
    // The consent is kept as given (Law 09-08): which text, its words in the applicant's language, when.
    expect(consent).toEqual({
      version: currentApplicationConsentVersion,
      locale: 'fr',
      text: applicationConsentText('fr'),
      givenAt: (submittedAt as Date).toISOString(),
    });
    const mineCsv = await client(t.app, session, 'en').get('/api/v1/my/applications/export?format=csv');
    // The export writes the instant on the park's clock, as the page and the e-mail do, and its header says so.
    expect(csvRows(mineCsv.body)).toEqual([
      ['Reference', 'Call', 'Company', 'Status', 'Submitted (Morocco time)', 'Reason given'],
      [
        submitted.reference,
        call.title.en,
        'Argan Data',
        'submitted',
        toLocalDateTime(submittedAt as Date)
          .replace('T', ' ')
          .slice(0, 16),
        '',
      ],
    ]);

    // The browser's secret is retired: the account is the way in now.
    expect((await applicant(token).get(`/public/applications/${id}`)).statusCode).toBe(404);
    const [mail] = await emailsTo(email);
    expect(mail).toMatchObject({ locale: 'fr', kind: 'application_submitted' });
    expect(mail.subject).toContain(submitted.reference);
    expect(mail.text).toContain(`le ${formatInstant(submittedAt as Date, 'fr')} heure du Maroc.`);
    // The password works for a later sign-in too.
    expect(await signIn(t.app, email, applicantPassword)).toContain('technopark.session_token');
  });

  it('a signed-in applicant submits without creating an account', async () => {
    const call = await buildCall(t.database.db);
    const person = await signedIn(t.app, t.database.db);
    const { id } = await startDraft(call.slug, 'fr', person.cookie);
    const response = await applicant(undefined, person.cookie).post(`/public/applications/${id}/submit`, {
      consent: true,
      consentVersion: currentApplicationConsentVersion,
    });
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
    // Consecutive numbers of the year's network-wide counter (other tests of this file submitted before).
    const numbers = references.map((reference) => Number(reference.slice(5)));
    expect(numbers).toEqual([0, 1, 2, 3, 4].map((n) => numbers[0] + n));
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
    expect(
      (await browser.post(`/public/applications/${id}/submit`, { consent: true, consentVersion: currentApplicationConsentVersion }))
        .statusCode,
    ).toBe(409);
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

describe('application references', () => {
  it('are unique across the network: two calls submitting at once never give the same one', async () => {
    const [first, second] = [await buildCall(t.database.db), await buildCall(t.database.db)];
    const submittedAt = new Date('2031-03-10T10:00:00Z');
    const built = await Promise.all(
      Array.from({ length: 12 }, (_, n) => buildApplication(t.database.db, (n % 2 ? first : second).id, { submittedAt })),
    );
    const references = built.map((application) => application.reference);
    expect(new Set(references).size).toBe(12);
    expect(references.every((reference) => /^2031-\d{4}$/.test(reference))).toBe(true);
    expect(references.sort()[0]).toBe('2031-0001');
    expect(references.sort()[11]).toBe('2031-0012');
  });
});
