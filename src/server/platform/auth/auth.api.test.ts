import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, client, cookieOf, origin, signIn, testPassword } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { auditLog } from '../audit/schema.js';
import { outboundEmails } from '../mail/schema.js';
import { passwordResetQueue } from './routes.js';
import { accounts, sessions, verifications } from './schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const signInWith = (email: string, password: string, locale = 'fr') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    headers: { origin, 'accept-language': locale },
    payload: { email, password },
  });

async function lastEmailTo(address: string) {
  const [email] = await t.database.db
    .select()
    .from(outboundEmails)
    .where(eq(outboundEmails.toAddress, address))
    .orderBy(desc(outboundEmails.createdAt))
    .limit(1);
  return email;
}

describe('signing in and out', () => {
  it('signs in with a session cookie that scripts cannot read and other sites do not send', async () => {
    const person = await buildPerson(t.database.db, { role: 'park_manager', scopeIds: [null], name: 'Karim' });
    const response = await signInWith(person.email, testPassword);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: person.id, email: person.email, name: 'Karim' });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/technopark\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client(t.app, cookieOf(response)).get('/api/v1/me');
    expect(me.json().user.id).toBe(person.id);
  });

  it('keeps passwords as argon2id hashes', async () => {
    const person = await buildPerson(t.database.db);
    const [account] = await t.database.db.select().from(accounts).where(eq(accounts.userId, person.id));
    expect(account.password).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password and an unknown e-mail alike, in the reader language', async () => {
    const person = await buildPerson(t.database.db);
    const wrong = await signInWith(person.email, 'not-the-password', 'ar');
    const unknown = await signInWith('nobody@example.ma', 'whatever-password', 'ar');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toEqual({ code: 'invalid_credentials', message: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.' });
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('ends the session on sign-out', async () => {
    const person = await buildPerson(t.database.db);
    const cookie = await signIn(t.app, person.email);
    expect((await client(t.app, cookie).post('/api/v1/auth/sign-out')).statusCode).toBe(204);
    expect((await client(t.app, cookie).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('reads the session from its signed cookie only: a forged signature or an expired session is anonymous', async () => {
    const person = await buildPerson(t.database.db);
    const cookie = await signIn(t.app, person.email);
    expect((await client(t.app, cookie).get('/api/v1/me')).statusCode).toBe(200);
    const [name, value] = cookie.split('=');
    const token = decodeURIComponent(value).split('.')[0];
    const forged = `${name}=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`;
    expect((await client(t.app, forged).get('/api/v1/me')).statusCode).toBe(401);
    expect((await client(t.app, `${name}=${token}`).get('/api/v1/me')).statusCode).toBe(401);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.token, token));
    expect((await client(t.app, cookie).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('pushes a used session’s end back once a day, as better-auth does, and leaves a fresh one alone', async () => {
    const person = await buildPerson(t.database.db);
    const cookie = await signIn(t.app, person.email);
    const token = decodeURIComponent(cookie.split('=')[1]).split('.')[0];
    const endOf = async () => (await t.database.db.select().from(sessions).where(eq(sessions.token, token)))[0].expiresAt.getTime();
    const fresh = await endOf();
    await client(t.app, cookie).get('/api/v1/me');
    expect(await endOf()).toBe(fresh);
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    await t.database.db.update(sessions).set({ expiresAt: inTwoDays }).where(eq(sessions.token, token));
    expect((await client(t.app, cookie).get('/api/v1/me')).statusCode).toBe(200);
    const pushed = await endOf();
    expect(pushed - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
  });

  it('refuses a disabled account, and disabling someone ends their open sessions', async () => {
    const admin = await buildPerson(t.database.db, { role: 'network_admin' });
    const adminCookie = await signIn(t.app, admin.email);
    const person = await buildPerson(t.database.db);
    const personCookie = await signIn(t.app, person.email);
    const disabled = await client(t.app, adminCookie).patch(`/api/v1/people/${person.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await client(t.app, personCookie).get('/api/v1/me')).statusCode).toBe(401);
    const again = await signInWith(person.email, testPassword);
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('account_disabled');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('lets people change their own name and language', async () => {
    const person = await buildPerson(t.database.db);
    const cookie = await signIn(t.app, person.email);
    const response = await client(t.app, cookie).patch('/api/v1/me', { name: 'Imane Berrada', locale: 'ar' });
    expect(response.json().user).toMatchObject({ name: 'Imane Berrada', locale: 'ar' });
    expect((await client(t.app, cookie).patch('/api/v1/me', { locale: 'de' })).statusCode).toBe(400);
  });
});

describe('rate limiting', () => {
  it('refuses a fourth sign-in attempt within a minute when the limit is three', async () => {
    const limited = await createTestContext({ loginRateLimit: 3 });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          headers: { origin },
          payload: { email: 'x@example.ma', password: 'guess-guess' },
        });
      for (let n = 0; n < 3; n++) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

describe('brute force', () => {
  const guess = (app: TestContext['app'], headers: Record<string, string>, remoteAddress = '203.0.113.7', email = 'target@example.ma') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin, ...headers },
      remoteAddress,
      payload: { email, password: 'guess-guess' },
    });

  it('believes no X-Forwarded-For unless its proxy is configured, in production too', async () => {
    const limited = await createTestContext({ loginRateLimit: 3, production: true });
    try {
      // A forged address on every attempt, each for another account: the caller's own address is counted.
      const answers = [];
      for (let n = 0; n < 5; n++)
        answers.push((await guess(limited.app, { 'x-forwarded-for': `198.51.100.${n}` }, '203.0.113.7', `a${n}@example.ma`)).statusCode);
      expect(answers).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('counts attempts per account as well as per address', async () => {
    const limited = await createTestContext({ loginRateLimit: 3 });
    try {
      const answers = [];
      for (let n = 0; n < 5; n++) answers.push((await guess(limited.app, {}, `192.0.2.${n + 1}`, 'Target@Example.ma')).statusCode);
      expect(answers).toEqual([401, 401, 401, 429, 429]);
      // Another account from a new address is not held back by the first one's attempts.
      expect((await guess(limited.app, {}, '192.0.2.99', 'someone.else@example.ma')).statusCode).toBe(401);
      const resets = [];
      for (let n = 0; n < 4; n++) {
        const reset = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset-requests',
          headers: { origin },
          remoteAddress: `192.0.2.${n + 20}`,
          payload: { email: 'target@example.ma' },
        });
        resets.push(reset.statusCode);
      }
      expect(resets).toEqual([202, 202, 202, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('same-origin check', () => {
  it('compares the Origin of a write with the public address, not with the Host the request names', async () => {
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: 'http://evil.example', host: 'evil.example' },
      payload: { email: 'x@example.ma', password: 'guess-guess' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('cross_site');
  });
});

describe('password reset', () => {
  it('mails a link in the person’s language; the link sets a new password once and ends old sessions', async () => {
    const person = await buildPerson(t.database.db, { locale: 'ar', name: 'Salma' });
    const oldSession = await signIn(t.app, person.email);
    const request = await client(t.app).post('/api/v1/auth/password-reset-requests', { email: person.email.toUpperCase() });
    expect(request.statusCode).toBe(202);
    expect(await t.deps.jobs.runQueued(passwordResetQueue)).toBe(1);
    const email = await lastEmailTo(person.email);
    expect(email).toMatchObject({
      kind: 'password_reset',
      locale: 'ar',
      status: 'queued',
      containsSecret: true,
      subject: 'إعادة تعيين كلمة مرور تكنوبارك',
    });
    expect(email.html).toContain('<html lang="ar" dir="rtl">');
    const token = decodeURIComponent(/token=([^\s&]+)/.exec(email.text ?? '')?.[1] ?? '');
    expect(token).not.toBe('');

    const tooShort = await client(t.app).post('/api/v1/auth/password-resets', { token, newPassword: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.details).toEqual([{ path: 'newPassword', message: 'Au moins 10 caractères.' }]);

    expect((await client(t.app).post('/api/v1/auth/password-resets', { token, newPassword: 'a-new-long-password' })).statusCode).toBe(204);
    expect((await signInWith(person.email, testPassword)).statusCode).toBe(401);
    expect((await signInWith(person.email, 'a-new-long-password')).statusCode).toBe(200);
    expect((await client(t.app, oldSession).get('/api/v1/me')).statusCode).toBe(401);

    const reused = await client(t.app).post('/api/v1/auth/password-resets', { token, newPassword: 'yet-another-password' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('invalid_token');
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, person.id), eq(auditLog.action, 'password.reset')));
    expect(audited).toHaveLength(1);
  });

  it('answers 202 for an unknown e-mail and writes nothing', async () => {
    const response = await client(t.app).post('/api/v1/auth/password-reset-requests', { email: 'ghost@example.ma' });
    expect(response.statusCode).toBe(202);
    await t.deps.jobs.runQueued(passwordResetQueue);
    expect(await lastEmailTo('ghost@example.ma')).toBeUndefined();
  });

  it('takes the same path whether the account exists or not: the request writes one job and nothing else', async () => {
    const person = await buildPerson(t.database.db, { name: 'Karim' });
    const counts = async () => {
      const [emails] = await t.database.db.select({ n: count() }).from(outboundEmails);
      const [tokens] = await t.database.db.select({ n: count() }).from(verifications);
      const jobs = await t.database.executeSql(`select count(*)::int as n from pgboss.job where name = $1`, [passwordResetQueue]);
      return { emails: emails.n, tokens: tokens.n, jobs: Number(jobs.rows[0].n) };
    };
    const writtenBy = async (email: string) => {
      const before = await counts();
      expect((await client(t.app).post('/api/v1/auth/password-reset-requests', { email })).statusCode).toBe(202);
      const after = await counts();
      return { emails: after.emails - before.emails, tokens: after.tokens - before.tokens, jobs: after.jobs - before.jobs };
    };
    const known = await writtenBy(person.email);
    const unknown = await writtenBy('nobody-here@example.ma');
    expect(known).toEqual({ emails: 0, tokens: 0, jobs: 1 });
    expect(unknown).toEqual(known);
    // The work is done afterwards, in the background: only the existing account gets a message.
    await t.deps.jobs.runQueued(passwordResetQueue);
    expect(await lastEmailTo(person.email)).toMatchObject({ kind: 'password_reset' });
    expect(await lastEmailTo('nobody-here@example.ma')).toBeUndefined();
  });
});
