import { and, count, desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.js';
import { roleAssignments } from '../../../platform/grants/schema.js';
import { outboundEmails } from '../../../platform/mail/schema.js';
import { buildCompany } from '../../../test/company-factories.js';
import { buildPark, buildPerson, client, cookieOf, signedIn, signIn, testPassword } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';

let t: TestContext;
type Session = Awaited<ReturnType<typeof signedIn>>;
let casablanca: Awaited<ReturnType<typeof buildPark>>;
let rabat: Awaited<ReturnType<typeof buildPark>>;
let atlas: Awaited<ReturnType<typeof buildCompany>>;
let oasis: Awaited<ReturnType<typeof buildCompany>>;
let atlasAdmin: Session;
let atlasMember: Session;
let oasisAdmin: Session;
let casablancaManager: Session;
let rabatManager: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  casablanca = await buildPark(db);
  rabat = await buildPark(db);
  atlas = await buildCompany(db, { legalName: 'Atlas Digital SARL', brandName: 'Atlas', parkId: casablanca.id });
  oasis = await buildCompany(db, { legalName: 'Oasis Green SA', brandName: 'Oasis', parkId: rabat.id });
  atlasAdmin = await signedIn(t.app, db, 'company_admin', [atlas.id]);
  atlasMember = await signedIn(t.app, db, 'company_member', [atlas.id]);
  oasisAdmin = await signedIn(t.app, db, 'company_admin', [oasis.id]);
  casablancaManager = await signedIn(t.app, db, 'park_manager', [casablanca.id]);
  rabatManager = await signedIn(t.app, db, 'park_manager', [rabat.id]);
  officer = await signedIn(t.app, db, 'program_officer');
});
afterAll(() => t.close());

async function lastEmailTo(address: string) {
  const [email] = await t.database.db
    .select()
    .from(outboundEmails)
    .where(eq(outboundEmails.toAddress, address))
    .orderBy(desc(outboundEmails.createdAt))
    .limit(1);
  return email;
}

async function companyRolesOf(userId: string, companyId: string) {
  const rows = await t.database.db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.scopeId, companyId)));
  return rows.map((row) => row.role).sort();
}

describe('company members', () => {
  it('lists the members with e-mails and roles for the company admin, and logs the read', async () => {
    const response = await client(t.app, atlasAdmin.cookie).get(`/api/v1/companies/${atlas.id}/members?sort=role`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 2, page: 1 });
    expect(response.json().items.map((member: { email: string; role: string }) => [member.email, member.role])).toEqual([
      [atlasAdmin.email, 'company_admin'],
      [atlasMember.email, 'company_member'],
    ]);
    const admins = await client(t.app, atlasAdmin.cookie).get(`/api/v1/companies/${atlas.id}/members?role=company_admin`);
    expect(admins.json().items.map((member: { email: string }) => member.email)).toEqual([atlasAdmin.email]);

    const [{ total }] = await t.database.db
      .select({ total: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'company-members.read'), eq(auditLog.entityId, atlas.id), eq(auditLog.actorUserId, atlasAdmin.id)));
    expect(Number(total)).toBe(2);
  });

  it('invites a new e-mail through the invitation mechanism; accepting makes the person a member', async () => {
    const response = await client(t.app, atlasAdmin.cookie).post(`/api/v1/companies/${atlas.id}/members`, {
      email: 'Nadia.Alaoui@example.ma',
      name: 'Nadia Alaoui',
      role: 'company_member',
      locale: 'ar',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      outcome: 'invited',
      member: null,
      invitation: { email: 'nadia.alaoui@example.ma', role: 'company_member' },
    });
    const email = await lastEmailTo('nadia.alaoui@example.ma');
    expect(email).toMatchObject({ kind: 'invitation', locale: 'ar' });
    const token = /token=([\w-]+)/.exec(email.text ?? '')?.[1] ?? '';

    const pending = (await client(t.app, atlasAdmin.cookie).get(`/api/v1/companies/${atlas.id}/invitations`)).json();
    expect(pending.map((invitation: { email: string }) => invitation.email)).toContain('nadia.alaoui@example.ma');

    const again = await client(t.app, atlasAdmin.cookie, 'en').post(`/api/v1/companies/${atlas.id}/members`, {
      email: 'nadia.alaoui@example.ma',
      name: 'Nadia',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual([
      { path: 'email', message: 'An invitation to this company is already waiting for this e-mail.' },
    ]);

    const preview = await client(t.app).get(`/api/v1/invitations/preview?token=${token}`);
    expect(preview.json()).toMatchObject({ role: 'company_member', scopeName: 'Atlas' });
    const accepted = await client(t.app).post('/api/v1/invitations/accept', { token, name: 'Nadia Alaoui', password: 'casablanca-2026' });
    expect(accepted.statusCode).toBe(201);
    const me = (await client(t.app, cookieOf(accepted)).get('/api/v1/me')).json();
    expect(me.grants).toEqual([expect.objectContaining({ role: 'company_member', scopeId: atlas.id, scopeName: 'Atlas' })]);
    const detail = await client(t.app, cookieOf(accepted)).get(`/api/v1/companies/${atlas.id}`);
    expect(detail.statusCode).toBe(200);
  });

  it('never makes someone with an account a member without their consent: the same answer as for a newcomer, then they accept with their password', async () => {
    const existing = await buildPerson(t.database.db, { name: 'Karim Idrissi', locale: 'en' });
    const invite = (email: string) =>
      client(t.app, casablancaManager.cookie).post(`/api/v1/companies/${atlas.id}/members`, {
        email,
        name: 'Karim',
        role: 'company_admin',
        locale: 'en',
      });
    const response = await invite(existing.email.toUpperCase());
    const newcomer = await invite('someone.new@example.ma');
    expect(response.statusCode).toBe(201);
    expect(newcomer.statusCode).toBe(201);
    // Nothing in the answer tells whether the address had an account.
    const shape = (body: { outcome: string; member: unknown; invitation: Record<string, unknown> }) => ({
      outcome: body.outcome,
      member: body.member,
      invitationKeys: Object.keys(body.invitation).sort(),
    });
    expect(shape(response.json())).toEqual(shape(newcomer.json()));
    expect(response.json()).toMatchObject({ outcome: 'invited', member: null });
    expect(await companyRolesOf(existing.id, atlas.id)).toEqual([]);

    const [mail] = await t.database.db
      .select()
      .from(outboundEmails)
      .where(eq(sql`lower(${outboundEmails.toAddress})`, existing.email.toLowerCase()));
    expect(mail).toMatchObject({ kind: 'invitation', locale: 'en', containsSecret: true });
    expect(mail.text).toContain('company administrator (Atlas)');
    const token = /token=([\w-]+)/.exec(mail.text ?? '')?.[1] ?? '';
    const preview = (await client(t.app).get(`/api/v1/invitations/preview?token=${token}`)).json();
    expect(preview).toMatchObject({ hasAccount: true, scopeName: 'Atlas' });

    // The account is not taken over: choosing a new password is refused, a wrong one too; the right one accepts.
    const create = await client(t.app).post('/api/v1/invitations/accept', { token, name: 'Karim', password: 'a-brand-new-password' });
    expect(create.json().error.code).toBe('email_taken');
    const wrong = await client(t.app).post('/api/v1/invitations/join', { token, password: 'not-my-password' });
    expect(wrong.statusCode).toBe(401);
    expect(await companyRolesOf(existing.id, atlas.id)).toEqual([]);
    const joined = await client(t.app).post('/api/v1/invitations/join', { token, password: testPassword });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().grants).toEqual([expect.objectContaining({ role: 'company_admin', scopeId: atlas.id })]);
    expect(await companyRolesOf(existing.id, atlas.id)).toEqual(['company_admin']);
    expect((await client(t.app, cookieOf(joined)).get('/api/v1/me')).statusCode).toBe(200);
    const again = await client(t.app).post('/api/v1/invitations/join', { token, password: testPassword });
    expect(again.json().error.code).toBe('invalid_token');

    const twice = await client(t.app, atlasAdmin.cookie).post(`/api/v1/companies/${atlas.id}/members`, {
      email: existing.email,
      name: 'Karim',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toEqual([{ path: 'email', message: 'Cette personne est déjà membre de cette entreprise.' }]);
  });

  it('changes roles and removes members, but never the last company admin', async () => {
    const company = await buildCompany(t.database.db, { parkId: casablanca.id });
    const soleAdmin = await signedIn(t.app, t.database.db, 'company_admin', [company.id]);
    const member = await buildPerson(t.database.db, { role: 'company_member', scopeIds: [company.id] });
    const own = client(t.app, soleAdmin.cookie, 'en');

    const demoteLast = await own.patch(`/api/v1/companies/${company.id}/members/${soleAdmin.id}`, { role: 'company_member' });
    expect(demoteLast.statusCode).toBe(409);
    expect(demoteLast.json().error).toEqual({
      code: 'last_company_admin',
      message: 'A company must keep at least one company administrator.',
    });
    expect((await own.delete(`/api/v1/companies/${company.id}/members/${soleAdmin.id}`)).statusCode).toBe(409);
    expect(await companyRolesOf(soleAdmin.id, company.id)).toEqual(['company_admin']);

    const promoted = await own.patch(`/api/v1/companies/${company.id}/members/${member.id}`, { role: 'company_admin' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ userId: member.id, role: 'company_admin' });
    expect(await companyRolesOf(member.id, company.id)).toEqual(['company_admin']);

    const demoted = await own.patch(`/api/v1/companies/${company.id}/members/${soleAdmin.id}`, { role: 'company_member' });
    expect(demoted.statusCode).toBe(200);
    expect(await companyRolesOf(soleAdmin.id, company.id)).toEqual(['company_member']);

    const removed = await client(t.app, casablancaManager.cookie).delete(`/api/v1/companies/${company.id}/members/${soleAdmin.id}`);
    expect(removed.statusCode).toBe(204);
    expect(await companyRolesOf(soleAdmin.id, company.id)).toEqual([]);
    expect((await client(t.app, casablancaManager.cookie).delete(`/api/v1/companies/${company.id}/members/${member.id}`)).statusCode).toBe(
      409,
    );
    expect(
      (await client(t.app, casablancaManager.cookie).delete(`/api/v1/companies/${company.id}/members/${soleAdmin.id}`)).statusCode,
    ).toBe(404);
  });

  it('never lets two admins removing each other at once leave the company without one', async () => {
    const company = await buildCompany(t.database.db, { parkId: casablanca.id });
    const first = await signedIn(t.app, t.database.db, 'company_admin', [company.id]);
    const second = await signedIn(t.app, t.database.db, 'company_admin', [company.id]);
    const responses = await Promise.all([
      client(t.app, first.cookie).delete(`/api/v1/companies/${company.id}/members/${second.id}`),
      client(t.app, second.cookie).delete(`/api/v1/companies/${company.id}/members/${first.id}`),
    ]);
    const statuses = responses.map((response) => response.statusCode);
    // The second removal either finds no admin left to keep or was done by someone no longer allowed to manage members.
    expect(statuses.filter((status) => status === 204)).toHaveLength(1);
    const admins = await t.database.db
      .select({ total: count() })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.scopeId, company.id), eq(roleAssignments.role, 'company_admin')));
    expect(Number(admins[0].total)).toBe(1);
  });

  it('withdraws a pending invitation to the company', async () => {
    const invited = await client(t.app, atlasAdmin.cookie).post(`/api/v1/companies/${atlas.id}/members`, {
      email: 'later@example.ma',
      name: 'Later',
    });
    const id = invited.json().invitation.id;
    expect((await client(t.app, oasisAdmin.cookie).delete(`/api/v1/companies/${atlas.id}/invitations/${id}`)).statusCode).toBe(404);
    expect((await client(t.app, oasisAdmin.cookie).delete(`/api/v1/companies/${oasis.id}/invitations/${id}`)).statusCode).toBe(404);
    expect((await client(t.app, atlasAdmin.cookie).delete(`/api/v1/companies/${atlas.id}/invitations/${id}`)).statusCode).toBe(204);
    const pending = (await client(t.app, atlasAdmin.cookie).get(`/api/v1/companies/${atlas.id}/invitations`)).json();
    expect(pending.map((invitation: { id: string }) => invitation.id)).not.toContain(id);
  });

  it('exports the same members as the filtered list, in its order', async () => {
    const company = await buildCompany(t.database.db, { parkId: casablanca.id });
    const people = ['Zineb Alami', 'Amine Berrada', 'Salma Chraibi', 'Omar Alaoui'];
    for (const [index, name] of people.entries()) {
      await buildPerson(t.database.db, { name, role: index % 2 ? 'company_admin' : 'company_member', scopeIds: [company.id] });
    }
    const as = client(t.app, casablancaManager.cookie, 'en');
    const query = 'q=a&role=company_member&sort=name&order=desc';
    const list = (await as.get(`/api/v1/companies/${company.id}/members?${query}`)).json();
    expect(list.items.map((member: { name: string }) => member.name)).toEqual(['Zineb Alami', 'Salma Chraibi']);
    const csv = await as.get(`/api/v1/companies/${company.id}/members/export?${query}&format=csv`);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(rows.map((row) => row.split(',').slice(0, 3))).toEqual(
      list.items.map((member: { name: string; email: string }) => [member.name, member.email, 'company member']),
    );
  });

  it('exports the members as CSV and XLSX, and logs the export', async () => {
    const csv = await client(t.app, atlasAdmin.cookie, 'en').get(`/api/v1/companies/${atlas.id}/members/export?format=csv&sort=email`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Name,E-mail,Role,Member since');
    expect(lines.some((line) => line.includes(`${atlasMember.email},company member`))).toBe(true);
    const xlsx = await client(t.app, atlasAdmin.cookie, 'ar').get(`/api/v1/companies/${atlas.id}/members/export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(1).getCell(2).value).toBe('البريد الإلكتروني');
    const [{ total }] = await t.database.db
      .select({ total: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'company-members.export'), eq(auditLog.entityId, atlas.id)));
    expect(Number(total)).toBe(2);
  });
});

describe('who may manage members', () => {
  it("keeps a company admin out of another company's members (not found)", async () => {
    const other = client(t.app, oasisAdmin.cookie);
    expect((await other.get(`/api/v1/companies/${atlas.id}/members`)).statusCode).toBe(404);
    expect((await other.post(`/api/v1/companies/${atlas.id}/members`, { email: 'x@example.ma', name: 'X' })).statusCode).toBe(404);
    expect((await other.patch(`/api/v1/companies/${atlas.id}/members/${atlasMember.id}`, { role: 'company_admin' })).statusCode).toBe(404);
    expect((await other.delete(`/api/v1/companies/${atlas.id}/members/${atlasMember.id}`)).statusCode).toBe(404);
    expect(await companyRolesOf(atlasMember.id, atlas.id)).toEqual(['company_member']);
  });

  it('refuses company members, program officers and the staff of another park', async () => {
    expect((await client(t.app, atlasMember.cookie).get(`/api/v1/companies/${atlas.id}/members`)).statusCode).toBe(403);
    expect(
      (await client(t.app, atlasMember.cookie).post(`/api/v1/companies/${atlas.id}/members`, { email: 'y@example.ma', name: 'Y' }))
        .statusCode,
    ).toBe(403);
    expect((await client(t.app, officer.cookie).get(`/api/v1/companies/${atlas.id}/members`)).statusCode).toBe(403);
    expect((await client(t.app, rabatManager.cookie).get(`/api/v1/companies/${atlas.id}/members`)).statusCode).toBe(404);
    expect((await client(t.app).get(`/api/v1/companies/${atlas.id}/members`)).statusCode).toBe(401);
    expect((await client(t.app, casablancaManager.cookie).get(`/api/v1/companies/${atlas.id}/members`)).statusCode).toBe(200);
  });

  it('lets someone removed from a company no longer see it', async () => {
    const company = await buildCompany(t.database.db, { parkId: casablanca.id });
    await signedIn(t.app, t.database.db, 'company_admin', [company.id]);
    const leaving = await buildPerson(t.database.db, { role: 'company_member', scopeIds: [company.id] });
    const cookie = await signIn(t.app, leaving.email);
    expect((await client(t.app, cookie).get(`/api/v1/companies/${company.id}`)).statusCode).toBe(200);
    await client(t.app, casablancaManager.cookie).delete(`/api/v1/companies/${company.id}/members/${leaving.id}`);
    expect((await client(t.app, cookie).get(`/api/v1/companies/${company.id}`)).statusCode).toBe(403);
  });
});
