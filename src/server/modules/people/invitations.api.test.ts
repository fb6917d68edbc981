import { count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/auth/schema.js';
import { roleAssignments } from '../../platform/grants/schema.js';
import { outboundEmails } from '../../platform/mail/schema.js';
import { buildPark, buildPerson, client, cookieOf, signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { invitations } from './schema.js';

let t: TestContext;
let admin: Awaited<ReturnType<typeof signedIn>>;
let park: Awaited<ReturnType<typeof buildPark>>;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signedIn(t.app, t.database.db, 'network_admin');
  park = await buildPark(t.database.db, { name: { fr: 'Technopark Agadir', ar: 'تكنوبارك أكادير' } });
});
afterAll(() => t.close());

async function invite(email: string, overrides: Record<string, unknown> = {}) {
  const response = await client(t.app, admin.cookie).post('/api/v1/invitations', {
    email,
    name: 'Youssef Amrani',
    role: 'park_manager',
    scopeId: park.id,
    locale: 'ar',
    ...overrides,
  });
  const [email_] = await t.database.db
    .select()
    .from(outboundEmails)
    .where(eq(outboundEmails.toAddress, email))
    .orderBy(desc(outboundEmails.createdAt))
    .limit(1);
  const token = email_ ? (/token=([\w-]+)/.exec(email_.text ?? '')?.[1] ?? '') : '';
  return { response, email: email_, token };
}

describe('invitations', () => {
  it('mails an invitation in its language; accepting it creates the account with the invited role and signs in', async () => {
    const { response, email, token } = await invite('youssef@example.ma');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'pending', role: 'park_manager', scopeId: park.id });
    expect(email).toMatchObject({ kind: 'invitation', locale: 'ar', subject: 'دعوة للانضمام إلى تكنوبارك' });
    // The role and the park it is for, both in the invitee's language.
    expect(email.text).toContain('مسير الحديقة (تكنوبارك أكادير)');

    const preview = await client(t.app, undefined, 'fr').get(`/api/v1/invitations/preview?token=${token}`);
    expect(preview.json()).toEqual({
      email: 'youssef@example.ma',
      name: 'Youssef Amrani',
      role: 'park_manager',
      scopeName: 'Technopark Agadir',
      locale: 'ar',
      hasAccount: false,
    });

    const accepted = await client(t.app).post('/api/v1/invitations/accept', { token, name: 'Youssef Amrani', password: 'agadir-is-sunny' });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user).toMatchObject({ email: 'youssef@example.ma', locale: 'ar' });
    expect(accepted.json().grants).toEqual([expect.objectContaining({ role: 'park_manager', scopeId: park.id })]);
    const me = await client(t.app, cookieOf(accepted)).get('/api/v1/me');
    expect(me.statusCode).toBe(200);

    const again = await client(t.app).post('/api/v1/invitations/accept', { token, name: 'Someone', password: 'another-password' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
    const listed = (await client(t.app, admin.cookie).get('/api/v1/invitations?status=accepted')).json();
    expect(listed.items.map((i: { email: string }) => i.email)).toContain('youssef@example.ma');
  });

  it('refuses revoked and expired invitations and writes no account', async () => {
    const revoked = await invite('revoked@example.ma', { role: 'program_officer', scopeId: null });
    expect((await client(t.app, admin.cookie).delete(`/api/v1/invitations/${revoked.response.json().id}`)).statusCode).toBe(204);
    const refused = await client(t.app).post('/api/v1/invitations/accept', {
      token: revoked.token,
      name: 'R',
      password: 'long-enough-password',
    });
    expect(refused.json().error.code).toBe('invalid_token');

    const expired = await invite('expired@example.ma', { role: 'program_officer', scopeId: null });
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expired.response.json().id));
    expect((await client(t.app).get(`/api/v1/invitations/preview?token=${expired.token}`)).statusCode).toBe(400);
    const late = await client(t.app).post('/api/v1/invitations/accept', {
      token: expired.token,
      name: 'E',
      password: 'long-enough-password',
    });
    expect(late.json().error.code).toBe('invalid_token');
    const listed = (await client(t.app, admin.cookie).get('/api/v1/invitations?status=expired')).json();
    expect(listed.items.map((i: { email: string }) => i.email)).toEqual(['expired@example.ma']);

    const [{ accountsCreated }] = await t.database.db
      .select({ accountsCreated: count() })
      .from(users)
      .where(eq(users.email, 'expired@example.ma'));
    expect(accountsCreated).toBe(0);
  });

  it('keeps one open invitation per address and scope, even when many are sent at once; an expired one gives way', async () => {
    const many = await Promise.all(Array.from({ length: 12 }, () => invite('rush@example.ma', { role: 'program_officer', scopeId: null })));
    expect(many.map(({ response }) => response.statusCode).sort()).toEqual([201, ...Array(11).fill(409)]);
    const refused = many.find(({ response }) => response.statusCode === 409)?.response.json();
    expect(refused.error.details).toEqual([{ path: 'email', message: 'Une invitation attend déjà cet e-mail.' }]);
    const open = await t.database.db.select().from(invitations).where(eq(invitations.email, 'rush@example.ma'));
    expect(open).toHaveLength(1);
    const mails = await t.database.db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, 'rush@example.ma'));
    expect(mails).toHaveLength(1);

    // Another scope is another invitation; once expired, a new one replaces the old.
    expect((await invite('rush@example.ma', { role: 'park_manager', scopeId: park.id })).response.statusCode).toBe(201);
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, open[0].id));
    const renewed = await invite('rush@example.ma', { role: 'program_officer', scopeId: null });
    expect(renewed.response.statusCode).toBe(201);
    const [old] = await t.database.db.select().from(invitations).where(eq(invitations.id, open[0].id));
    expect(old.revokedAt).not.toBeNull();
  });

  it('refuses to invite an e-mail that already has an account, or a role without its scope', async () => {
    const existing = await buildPerson(t.database.db);
    const taken = await invite(existing.email, { role: 'program_officer', scopeId: null });
    expect(taken.response.statusCode).toBe(409);
    expect(taken.response.json().error.code).toBe('email_taken');
    const noScope = await invite('scope@example.ma', { scopeId: null });
    expect(noScope.response.statusCode).toBe(400);
    expect(noScope.response.json().error.details[0].path).toBe('scopeId');
    expect(noScope.email).toBeUndefined();
  });

  it('never accepts a weak password and leaves the invitation usable', async () => {
    const { token } = await invite('weak@example.ma', { role: 'committee_member', scopeId: null });
    const weak = await client(t.app).post('/api/v1/invitations/accept', { token, name: 'W', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('password');
    const ok = await client(t.app).post('/api/v1/invitations/accept', { token, name: 'W', password: 'long-enough-password' });
    expect(ok.statusCode).toBe(201);
    const userId = ok.json().user.id;
    const grants = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId));
    expect(grants.map((g) => g.role)).toEqual(['committee_member']);
  });

  it('exports invitations with their status in the reader language', async () => {
    await invite('export@example.ma', { role: 'program_officer', scopeId: null });
    const csv = await client(t.app, admin.cookie, 'en').get('/api/v1/invitations/export?format=csv&status=pending');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Name,E-mail,Roles,Status,Expires (Morocco time)');
    expect(lines.find((line) => line.includes('export@example.ma'))).toContain('program officer,pending');
    // An invitation expires at a time of day: the park's local date and time, not a UTC date.
    const [{ expiresAt }] = (await client(t.app, admin.cookie).get('/api/v1/invitations?q=export%40example.ma')).json().items;
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Africa/Casablanca', dateStyle: 'short', timeStyle: 'short' });
    expect(
      lines
        .find((line) => line.includes('export@example.ma'))
        ?.split(',')
        .at(-1),
    ).toBe(local.format(new Date(expiresAt)));
    expect((await client(t.app).get('/api/v1/invitations/export?format=csv')).statusCode).toBe(401);
  });
});
