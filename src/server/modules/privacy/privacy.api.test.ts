import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationConsentText, currentApplicationConsentVersion } from '../../../shared/consent.js';
import { users } from '../../platform/auth/schema.js';
import { roleAssignments } from '../../platform/grants/schema.js';
import { translate } from '../../platform/messages.js';
import { buildApplication, buildCall, readApplication } from '../../test/admission-factories.js';
import { outboxTo } from '../../test/applicant-client.js';
import { buildPerson, client, origin, signedIn, signIn, testPassword } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

let t: TestContext;
let admin: Awaited<ReturnType<typeof signedIn>>;
let officer: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signedIn(t.app, t.database.db, 'network_admin');
  officer = await signedIn(t.app, t.database.db, 'program_officer');
});
afterAll(() => t.close());

/** A person with an account, a submitted application (with its consent) and a draft. */
async function applicantWithApplications(locale: 'fr' | 'ar' = 'fr') {
  const person = await buildPerson(t.database.db, { locale, name: 'Salma Bennani' });
  const cookie = await signIn(t.app, person.email);
  const call = await buildCall(t.database.db);
  const submitted = await buildApplication(t.database.db, call.id, {
    applicantUserId: person.id,
    consent: {
      version: currentApplicationConsentVersion,
      locale,
      text: applicationConsentText(locale),
      givenAt: '2026-11-02T10:00:00.000Z',
    },
  });
  const draft = await buildApplication(t.database.db, call.id, { applicantUserId: person.id, status: 'draft' });
  return { ...person, cookie, call, submitted, draft };
}

describe('who read my data', () => {
  it('shows the person each read of their data by somebody else, never their own', async () => {
    const person = await applicantWithApplications();
    expect((await client(t.app, officer.cookie).get(`/api/v1/applications/${person.submitted.id}`)).statusCode).toBe(200);
    expect((await client(t.app, admin.cookie).get(`/api/v1/people/${person.id}`)).statusCode).toBe(200);
    expect((await client(t.app, admin.cookie).get(`/api/v1/people?q=${encodeURIComponent(person.email)}`)).json().total).toBe(1);
    // Their own reads are not accesses by somebody else.
    await client(t.app, person.cookie).get('/api/v1/my/applications');

    const reads = (await client(t.app, person.cookie, 'fr').get('/api/v1/me/personal-data/reads')).json();
    expect(reads.total).toBe(3);
    expect(reads.items.map((read: { action: string; what: string }) => [read.action, read.what])).toEqual([
      ['people.read', translate('fr', 'privacy.read.people')],
      ['person.view', translate('fr', 'privacy.read.person')],
      ['application.view', translate('fr', 'privacy.read.application')],
    ]);
    expect(reads.items[2].actorName).toBe((await nameOf(officer.id)) ?? '');
    // The admin's own log holds nothing of the people they read.
    expect((await client(t.app, admin.cookie).get('/api/v1/me/personal-data/reads')).json().total).toBe(0);
  });

  it('logs each person of an exported people list, batch by batch', async () => {
    const person = await buildPerson(t.database.db);
    const cookie = await signIn(t.app, person.email);
    const csv = await client(t.app, admin.cookie).get(`/api/v1/people/export?format=csv&q=${encodeURIComponent(person.email)}`);
    expect(csv.statusCode).toBe(200);
    const reads = (await client(t.app, cookie, 'en').get('/api/v1/me/personal-data/reads')).json();
    expect(reads.items).toEqual([expect.objectContaining({ action: 'people.export', what: translate('en', 'privacy.read.people') })]);
  });
});

async function nameOf(userId: string) {
  const [user] = await t.database.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name;
}

describe('my data', () => {
  it('exports everything held about the person as JSON and as a workbook in their language', async () => {
    const person = await applicantWithApplications('ar');
    const json = await client(t.app, person.cookie, 'ar').get('/api/v1/me/personal-data?format=json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"/);
    const data = json.json();
    expect(data.person).toEqual({ id: person.id, name: 'Salma Bennani', email: person.email });
    const section = (key: string) => data.sections.find((candidate: { title: string }) => candidate.title === translate('ar', key));
    expect(section('privacy.section.account').rows).toEqual([expect.objectContaining({ email: person.email, locale: 'ar' })]);
    expect(
      section('privacy.section.applications')
        .rows.map((row: { reference: string }) => row.reference)
        .sort(),
    ).toEqual(['', person.submitted.reference].sort());
    expect(section('privacy.section.consents').rows).toEqual([
      {
        reference: person.submitted.reference,
        givenAt: '2026-11-02T10:00:00.000Z',
        version: currentApplicationConsentVersion,
        text: applicationConsentText('ar'),
      },
    ]);

    const xlsx = await client(t.app, person.cookie, 'ar').get('/api/v1/me/personal-data?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const account = workbook.getWorksheet(translate('ar', 'privacy.section.account'));
    expect(account?.views[0]).toMatchObject({ rightToLeft: true });
    expect(account?.getRow(1).getCell(2).value).toBe(translate('ar', 'privacy.field.email'));
    expect(account?.getRow(2).getCell(2).value).toBe(person.email);
    const consents = workbook.getWorksheet(translate('ar', 'privacy.section.consents'));
    expect(consents?.getRow(2).getCell(4).value).toBe(applicationConsentText('ar'));
  });

  it('is for the signed-in person only', async () => {
    expect((await client(t.app).get('/api/v1/me/personal-data')).statusCode).toBe(401);
    expect((await client(t.app).get('/api/v1/me/personal-data/reads')).statusCode).toBe(401);
  });
});

describe('password', () => {
  it('changes with the current password; a wrong one is a field error; other sessions end', async () => {
    const person = await buildPerson(t.database.db);
    const first = await signIn(t.app, person.email);
    const second = await signIn(t.app, person.email);
    const wrong = await client(t.app, first, 'en').post('/api/v1/me/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'a-new-long-password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([{ path: 'currentPassword', message: translate('en', 'validation.wrong_password') }]);
    const short = await client(t.app, first, 'fr').post('/api/v1/me/password', { currentPassword: testPassword, newPassword: 'court' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('newPassword');

    const changed = await client(t.app, first).post('/api/v1/me/password', {
      currentPassword: testPassword,
      newPassword: 'a-new-long-password',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await client(t.app, second).get('/api/v1/me')).statusCode).toBe(401);
    await expect(signIn(t.app, person.email)).rejects.toThrow(/401/);
    expect(await signIn(t.app, person.email, 'a-new-long-password')).toContain('technopark.session_token');
  });
});

describe('erasure', () => {
  it('is asked once, answered by a network admin, erases what may be erased and says what is kept', async () => {
    const person = await applicantWithApplications('fr');
    const asked = await client(t.app, person.cookie).post('/api/v1/me/erasure-request', { reason: 'Je quitte le Maroc.' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending', requesterEmail: person.email, reason: 'Je quitte le Maroc.' });
    const twice = await client(t.app, person.cookie, 'fr').post('/api/v1/me/erasure-request', { reason: '' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(translate('fr', 'errors.erasure_request_open'));
    expect((await client(t.app, person.cookie).get('/api/v1/me/erasure-request')).json().request.id).toBe(asked.json().id);

    // Only network admins see and answer requests.
    expect((await client(t.app, officer.cookie).get('/api/v1/erasure-requests')).statusCode).toBe(403);
    expect(
      (
        await client(t.app, officer.cookie).post(`/api/v1/erasure-requests/${asked.json().id}/process`, {
          outcome: 'complete',
          response: '',
        })
      ).statusCode,
    ).toBe(403);
    const listed = (await client(t.app, admin.cookie).get('/api/v1/erasure-requests?status=pending')).json();
    expect(listed.items.map((request: { id: string }) => request.id)).toContain(asked.json().id);
    // A refusal must say why.
    const noReason = await client(t.app, admin.cookie).post(`/api/v1/erasure-requests/${asked.json().id}/process`, {
      outcome: 'refuse',
      response: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('response');

    const done = await client(t.app, admin.cookie, 'en').post(`/api/v1/erasure-requests/${asked.json().id}/process`, {
      outcome: 'complete',
      response: 'Fait.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');
    expect(done.json().kept).toEqual(
      expect.arrayContaining([translate('en', 'privacy.kept.applications', { count: 1 }), translate('en', 'privacy.kept.request')]),
    );

    const [account] = await t.database.db.select().from(users).where(eq(users.id, person.id));
    expect(account.name).toBe(translate('fr', 'privacy.erasedName'));
    expect(account.email).not.toContain(person.email.split('@')[0]);
    expect(account.disabledAt).not.toBeNull();
    expect((await client(t.app, person.cookie).get('/api/v1/me')).statusCode).toBe(401);
    await expect(signIn(t.app, person.email)).rejects.toThrow(/401/);
    expect(await readApplication(t.database.db, person.draft.id)).toBeUndefined();
    expect((await readApplication(t.database.db, person.submitted.id)).status).toBe('submitted');

    const [mail] = await outboxTo(t.database.db, person.email);
    expect(mail).toMatchObject({ kind: 'erasure_processed', locale: 'fr' });
    expect(mail.text).toContain(translate('fr', 'privacy.kept.applications', { count: 1 }));

    const again = await client(t.app, admin.cookie).post(`/api/v1/erasure-requests/${asked.json().id}/process`, {
      outcome: 'refuse',
      response: 'Non.',
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps the network with an administrator: erasing the last one is refused and changes nothing', async () => {
    const lone = await createTestContext();
    try {
      const onlyAdmin = await signedIn(lone.app, lone.database.db, 'network_admin');
      const asked = await client(lone.app, onlyAdmin.cookie).post('/api/v1/me/erasure-request', { reason: '' });
      const refused = await client(lone.app, onlyAdmin.cookie).post(`/api/v1/erasure-requests/${asked.json().id}/process`, {
        outcome: 'complete',
        response: '',
      });
      expect(refused.statusCode).toBe(409);
      expect(await lone.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, onlyAdmin.id))).toHaveLength(1);
      expect((await client(lone.app, onlyAdmin.cookie).get('/api/v1/me/erasure-request')).json().request.status).toBe('pending');
    } finally {
      await lone.close();
    }
  });
});

describe('request logs', () => {
  it('say which account made a request, by id and never by e-mail', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await createTestContext({}, { logger: { level: 'info', stream } });
    try {
      const reader = await signedIn(logged.app, logged.database.db, 'program_officer');
      const response = await logged.app.inject({ method: 'GET', url: '/api/v1/me', headers: { origin, cookie: reader.cookie } });
      expect(response.statusCode).toBe(200);
      const completed = lines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request completed');
      expect(completed.at(-1)).toMatchObject({ accountId: reader.id });
      expect(lines.join('\n')).not.toContain(reader.email);
    } finally {
      await logged.close();
    }
  });
});
