import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/roles.js';
import { auditLog } from '../../platform/audit/schema.js';
import { users } from '../../platform/auth/schema.js';
import { roleAssignments } from '../../platform/grants/schema.js';
import { buildCompany } from '../../test/company-factories.js';
import { buildPark, buildPerson, client, signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

let t: TestContext;
let admin: Awaited<ReturnType<typeof signedIn>>;
let park: Awaited<ReturnType<typeof buildPark>>;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signedIn(t.app, t.database.db, 'network_admin');
  park = await buildPark(t.database.db, { name: { fr: 'Technopark Tanger', ar: 'تكنوبارك طنجة' } });
});
afterAll(() => t.close());

describe('the session', () => {
  it('answers a visitor with no one (200, not a 401 the public pages would log), and a signed-in person with who they are', async () => {
    const visitor = await client(t.app).get('/api/v1/session');
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ me: null });
    const signedInPerson = await client(t.app, admin.cookie).get('/api/v1/session');
    expect(signedInPerson.statusCode).toBe(200);
    expect(signedInPerson.json().me.grants).toContainEqual(expect.objectContaining({ role: 'network_admin' }));
    expect(signedInPerson.json().me).toEqual((await client(t.app, admin.cookie).get('/api/v1/me')).json());
  });
});

describe('who may manage people', () => {
  const nonAdminRoles: Role[] = [
    'park_manager',
    'program_officer',
    'committee_member',
    'partner_staff',
    'company_admin',
    'company_member',
    'merchant',
  ];

  it('admits network admins only on every people, audit and outbox route', async () => {
    const person = await buildPerson(t.database.db);
    const [grant] = await t.database.db
      .insert(roleAssignments)
      .values({ userId: person.id, role: 'program_officer', scopeType: 'network' })
      .returning();
    const invitationId = '00000000-0000-4000-8000-000000000000';
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/people'],
      ['GET', '/api/v1/people/export?format=csv'],
      ['GET', `/api/v1/people/${person.id}`],
      ['PATCH', `/api/v1/people/${person.id}`, { name: 'x' }],
      ['POST', `/api/v1/people/${person.id}/grants`, { role: 'program_officer', scopeId: null }],
      ['DELETE', `/api/v1/people/${person.id}/grants/${grant.id}`],
      ['GET', '/api/v1/scopes?type=park'],
      ['GET', '/api/v1/invitations'],
      ['POST', '/api/v1/invitations', { email: 'new@example.ma', name: 'New', role: 'program_officer' }],
      ['DELETE', `/api/v1/invitations/${invitationId}`],
      ['GET', '/api/v1/audit'],
      ['GET', '/api/v1/audit/export?format=csv'],
      ['GET', '/api/v1/outbox'],
    ];
    const call = (cookie: string | undefined, [method, url, payload]: [string, string, unknown?]) =>
      t.app.inject({
        method: method as 'GET',
        url,
        headers: { origin: 'http://localhost:3000', ...(cookie ? { cookie } : {}) },
        ...(payload ? { payload: payload as object } : {}),
      });
    for (const route of routes) expect((await call(undefined, route)).statusCode, `anonymous ${route[1]}`).toBe(401);
    for (const role of nonAdminRoles) {
      const someone = await signedIn(t.app, t.database.db, role, [role === 'park_manager' ? park.id : null]);
      for (const route of routes) expect((await call(someone.cookie, route)).statusCode, `${role} ${route[0]} ${route[1]}`).toBe(403);
    }
    for (const route of routes) {
      const status = (await call(admin.cookie, route)).statusCode;
      expect(status === 404 ? route[1].includes(invitationId) : status < 300, `admin ${route[0]} ${route[1]} → ${status}`).toBe(true);
    }
  });
});

describe('people list', () => {
  it('filters by role, status and text, sorts and paginates', async () => {
    const db = t.database.db;
    await buildPerson(db, { name: 'Aaron Zitouni', role: 'merchant', scopeIds: [null] });
    const disabled = await buildPerson(db, { name: 'Zakaria Aït', role: 'merchant', scopeIds: [null] });
    await client(t.app, admin.cookie).patch(`/api/v1/people/${disabled.id}`, { disabled: true });
    const people = client(t.app, admin.cookie);
    const merchants = (await people.get('/api/v1/people?role=merchant&sort=name')).json();
    expect(merchants.items.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Aaron Zitouni', 'Zakaria Aït']));
    const active = (await people.get('/api/v1/people?role=merchant&status=active')).json();
    expect(active.items.some((p: { id: string }) => p.id === disabled.id)).toBe(false);
    const search = (await people.get('/api/v1/people?q=zitouni')).json();
    expect(search.items.map((p: { name: string }) => p.name)).toEqual(['Aaron Zitouni']);
    const page = (await people.get('/api/v1/people?pageSize=2&page=1&sort=name&order=desc')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect((await people.get('/api/v1/people?pageSize=500')).statusCode).toBe(400);
  });

  it('exports people as CSV and XLSX and records the export', async () => {
    const csv = await client(t.app, admin.cookie, 'en').get('/api/v1/people/export?format=csv');
    expect(csv.body).toContain('Name,E-mail,Roles,Status,Created');
    const xlsx = await client(t.app, admin.cookie, 'fr').get('/api/v1/people/export?format=xlsx&role=network_admin');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Nom');
    expect(String(sheet.getRow(2).getCell(3).value)).toContain('administrateur réseau');
    const [{ exports }] = await t.database.db.select({ exports: count() }).from(auditLog).where(eq(auditLog.action, 'people.export'));
    expect(exports).toBeGreaterThanOrEqual(2);
  });

  it('exports the day an account was created in the park time zone, as a date', async () => {
    const person = await buildPerson(t.database.db, { name: 'Nadia Minuit', role: 'program_officer' });
    // 23:30 UTC on 1 December is 00:30 on 2 December in Casablanca: the export said 2026-12-01.
    await t.database.db
      .update(users)
      .set({ createdAt: new Date('2026-12-01T23:30:00Z') })
      .where(eq(users.id, person.id));
    const csv = (await client(t.app, admin.cookie, 'fr').get('/api/v1/people/export?format=csv&q=Minuit')).body;
    expect(csv.trim().split('\r\n')[1]).toBe(`Nadia Minuit;${person.email};chargé de programme;actif;2026-12-02`);
    const xlsx = await client(t.app, admin.cookie, 'ar').get('/api/v1/people/export?format=xlsx&q=Minuit');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(2).getCell(5).value).toEqual(new Date('2026-12-02T00:00:00Z'));
  });

  it('records who read a person’s record (Law 09-08)', async () => {
    const person = await buildPerson(t.database.db);
    expect((await client(t.app, admin.cookie).get(`/api/v1/people/${person.id}`)).statusCode).toBe(200);
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, person.id));
    expect(entry).toMatchObject({ action: 'person.view', actorUserId: admin.id });
  });
});

describe('roles and scopes', () => {
  it('grants a park manager role on a park, named in the reader language, and revokes it', async () => {
    const person = await buildPerson(t.database.db);
    const granted = await client(t.app, admin.cookie, 'ar').post(`/api/v1/people/${person.id}/grants`, {
      role: 'park_manager',
      scopeId: park.id,
    });
    expect(granted.statusCode).toBe(200);
    const grant = granted.json().grants[0];
    expect(grant).toMatchObject({ role: 'park_manager', scopeType: 'park', scopeId: park.id, scopeName: 'تكنوبارك طنجة' });
    const revoked = await client(t.app, admin.cookie).delete(`/api/v1/people/${person.id}/grants/${grant.id}`);
    expect(revoked.json().grants).toEqual([]);
  });

  it('grants a company role on a company picked from the company scopes', async () => {
    const company = await buildCompany(t.database.db, { legalName: 'Argan Data SARL', brandName: 'Argan Data' });
    const scopes = await client(t.app, admin.cookie).get('/api/v1/scopes?type=company');
    expect(scopes.json()).toContainEqual({ id: company.id, name: 'Argan Data (Argan Data SARL)' });
    const person = await buildPerson(t.database.db);
    const granted = await client(t.app, admin.cookie).post(`/api/v1/people/${person.id}/grants`, {
      role: 'company_admin',
      scopeId: company.id,
    });
    expect(granted.json().grants[0]).toMatchObject({ role: 'company_admin', scopeType: 'company', scopeName: 'Argan Data' });
  });

  it('checks the scope of each role with field messages and writes nothing when wrong', async () => {
    const db = t.database.db;
    const person = await buildPerson(db);
    const [{ before }] = await db.select({ before: count() }).from(roleAssignments);
    const as = client(t.app, admin.cookie, 'fr');
    const noScope = await as.post(`/api/v1/people/${person.id}/grants`, { role: 'park_manager', scopeId: null });
    expect(noScope.json().error.details).toEqual([{ path: 'scopeId', message: "Choisissez le parc auquel s'applique ce rôle." }]);
    const unknownPark = await as.post(`/api/v1/people/${person.id}/grants`, {
      role: 'park_manager',
      scopeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownPark.json().error.details).toEqual([{ path: 'scopeId', message: 'parc inconnu.' }]);
    const scopedAdmin = await as.post(`/api/v1/people/${person.id}/grants`, { role: 'network_admin', scopeId: park.id });
    expect(scopedAdmin.json().error.details[0].path).toBe('scopeId');
    const unknownCompany = await as.post(`/api/v1/people/${person.id}/grants`, {
      role: 'company_admin',
      scopeId: '00000000-0000-4000-8000-00000000c001',
    });
    expect(unknownCompany.json().error.details[0].path).toBe('scopeId');
    const badRole = await as.post(`/api/v1/people/${person.id}/grants`, { role: 'king', scopeId: null });
    expect(badRole.json().error.details[0].path).toBe('role');
    expect((await as.post('/api/v1/people/unknown-person/grants', { role: 'program_officer', scopeId: null })).statusCode).toBe(404);
    const [{ after }] = await db.select({ after: count() }).from(roleAssignments);
    expect(after).toBe(before);
  });

  it('always keeps one active network administrator', async () => {
    const fresh = await createTestContext();
    try {
      const only = await signedIn(fresh.app, fresh.database.db, 'network_admin');
      const [grant] = await fresh.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, only.id));
      const as = client(fresh.app, only.cookie);
      const revoke = await as.delete(`/api/v1/people/${only.id}/grants/${grant.id}`);
      expect(revoke.statusCode).toBe(409);
      expect(revoke.json().error.code).toBe('last_network_admin');
      expect((await as.patch(`/api/v1/people/${only.id}`, { disabled: true })).json().error.code).toBe('last_network_admin');
      const second = await buildPerson(fresh.database.db, { role: 'network_admin' });
      expect((await as.patch(`/api/v1/people/${second.id}`, { disabled: true })).statusCode).toBe(200);
      expect((await as.delete(`/api/v1/people/${only.id}/grants/${grant.id}`)).statusCode).toBe(409);
    } finally {
      await fresh.close();
    }
  });

  it('keeps a company with an admin from losing its last one through these pages too (grant removed, account disabled)', async () => {
    const company = await buildCompany(t.database.db);
    const only = await buildPerson(t.database.db, { role: 'company_admin', scopeIds: [company.id] });
    const [grant] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, only.id));
    const as = client(t.app, admin.cookie);
    const revoke = await as.delete(`/api/v1/people/${only.id}/grants/${grant.id}`);
    expect(revoke.statusCode).toBe(409);
    expect(revoke.json().error).toMatchObject({ code: 'last_admin_of_company' });
    const disable = await as.patch(`/api/v1/people/${only.id}`, { disabled: true });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().error.code).toBe('last_admin_of_company');
    expect(await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, only.id))).toHaveLength(1);

    // With a second admin, either change is allowed; a disabled admin does not count as the other one.
    const second = await buildPerson(t.database.db, { role: 'company_admin', scopeIds: [company.id] });
    expect((await as.patch(`/api/v1/people/${second.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await as.delete(`/api/v1/people/${only.id}/grants/${grant.id}`)).statusCode).toBe(409);
    expect((await as.patch(`/api/v1/people/${second.id}`, { disabled: false })).statusCode).toBe(200);
    expect((await as.delete(`/api/v1/people/${only.id}/grants/${grant.id}`)).statusCode).toBe(200);
  });
});
