import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.js';
import { buildCompany } from '../../../test/company-factories.js';
import { buildPark, client, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { companyStatusEvents } from '../schema.js';

let t: TestContext;
type Session = Awaited<ReturnType<typeof signedIn>>;
let casablanca: Awaited<ReturnType<typeof buildPark>>;
let admin: Session;
let casablancaManager: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  casablanca = await buildPark(db, { name: { fr: 'Technopark Casablanca', ar: 'تكنوبارك الدار البيضاء' } });
  admin = await signedIn(t.app, db, 'network_admin');
  casablancaManager = await signedIn(t.app, db, 'park_manager', [casablanca.id]);
  officer = await signedIn(t.app, db, 'program_officer');
});
afterAll(() => t.close());

function newCompany() {
  return {
    legalName: 'Sahara Robotics SARL AU',
    brandName: 'Sahara Robotics',
    legalForm: 'sarl_au',
    stage: 'project_holder',
    sectors: ['industry'],
    parkId: casablanca.id,
    initialStatus: { status: 'applicant', effectiveDate: '2021-01-10', reason: 'Application received' },
  };
}

async function historyCount(companyId: string) {
  const [{ total }] = await t.database.db
    .select({ total: count() })
    .from(companyStatusEvents)
    .where(eq(companyStatusEvents.companyId, companyId));
  return Number(total);
}

describe('lifecycle history', () => {
  it('records applicant → admitted → resident → alumni with dates, reasons and who recorded each, and shows it in order', async () => {
    const created = await client(t.app, casablancaManager.cookie).post('/api/v1/companies', newCompany());
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'applicant', statusDate: '2021-01-10', parkName: 'Technopark Casablanca' });

    const manager = client(t.app, casablancaManager.cookie);
    const steps = [
      { status: 'admitted', effectiveDate: '2021-03-01', reason: 'Selection committee of March' },
      { status: 'resident', effectiveDate: '2021-04-01', reason: 'Moved into office B2-14' },
      { status: 'alumni', effectiveDate: '2024-06-30', reason: 'Grew out of the incubator' },
    ];
    for (const step of steps) {
      const response = await manager.post(`/api/v1/companies/${id}/transitions`, step);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ ...step, recordedBy: { id: casablancaManager.id } });
    }

    const history = (await client(t.app, officer.cookie).get(`/api/v1/companies/${id}/history`)).json();
    expect(
      history.map((event: { status: string; effectiveDate: string; reason: string }) => [event.status, event.effectiveDate, event.reason]),
    ).toEqual([
      ['applicant', '2021-01-10', 'Application received'],
      ...steps.map((step) => [step.status, step.effectiveDate, step.reason]),
    ]);
    expect(history.every((event: { recordedBy: { id: string } }) => event.recordedBy.id === casablancaManager.id)).toBe(true);
    expect(history[1].parkName).toBe('Technopark Casablanca');

    const detail = (await client(t.app, admin.cookie).get(`/api/v1/companies/${id}`)).json();
    expect(detail).toMatchObject({ status: 'alumni', statusDate: '2024-06-30' });
    expect(detail.history).toHaveLength(4);
    const audits = await t.database.db
      .select({ total: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'company.status')));
    expect(Number(audits[0].total)).toBe(3);
  });

  it('refuses a transition that may not follow the current status, a date before the last one or in the future, writing nothing', async () => {
    const company = await buildCompany(t.database.db, { parkId: casablanca.id }, [
      { status: 'admitted', effectiveDate: '2022-02-01' },
      { status: 'resident', effectiveDate: '2022-03-01' },
    ]);
    const before = await historyCount(company.id);
    const manager = client(t.app, casablancaManager.cookie);

    const notAllowed = await manager.post(`/api/v1/companies/${company.id}/transitions`, {
      status: 'applicant',
      effectiveDate: '2023-01-01',
      reason: 'Back to square one',
    });
    expect(notAllowed.statusCode).toBe(409);
    expect(notAllowed.json().error).toMatchObject({
      code: 'invalid_transition',
      details: [{ path: 'status', message: '« candidate » ne peut pas suivre « résidente ».' }],
    });

    const earlier = await client(t.app, casablancaManager.cookie, 'en').post(`/api/v1/companies/${company.id}/transitions`, {
      status: 'alumni',
      effectiveDate: '2022-02-15',
      reason: 'Left',
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().error.details).toEqual([
      { path: 'effectiveDate', message: 'This date is before the previous status (2022-03-01).' },
    ]);

    const future = await manager.post(`/api/v1/companies/${company.id}/transitions`, {
      status: 'alumni',
      effectiveDate: '2999-01-01',
      reason: 'Later',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ path: 'effectiveDate', message: 'Cette date est dans le futur.' }]);

    const noReason = await manager.post(`/api/v1/companies/${company.id}/transitions`, {
      status: 'alumni',
      effectiveDate: '2023-01-01',
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0]).toEqual({ path: 'reason', message: 'Obligatoire.' });

    expect(await historyCount(company.id)).toBe(before);
  });

  it('orders steps of one day as they were given, at creation and for transitions', async () => {
    const sameDay = await Promise.all(
      [1, 2, 3, 4].map(() =>
        buildCompany(t.database.db, { parkId: casablanca.id }, [
          { status: 'applicant', effectiveDate: '2022-05-02' },
          { status: 'admitted', effectiveDate: '2022-05-02' },
          { status: 'resident', effectiveDate: '2022-05-02' },
        ]),
      ),
    );
    for (const company of sameDay) {
      const detail = (await client(t.app, admin.cookie).get(`/api/v1/companies/${company.id}`)).json();
      expect(detail.status).toBe('resident');
      expect(detail.history.map((event: { status: string }) => event.status)).toEqual(['applicant', 'admitted', 'resident']);
    }
    const manager = client(t.app, casablancaManager.cookie);
    const id = sameDay[0].id;
    await manager.post(`/api/v1/companies/${id}/transitions`, {
      status: 'non_resident_member',
      effectiveDate: '2022-05-02',
      reason: 'Remote',
    });
    await manager.post(`/api/v1/companies/${id}/transitions`, { status: 'alumni', effectiveDate: '2022-05-02', reason: 'Left' });
    const detail = (await manager.get(`/api/v1/companies/${id}`)).json();
    expect(detail.status).toBe('alumni');
    expect(detail.history.map((event: { status: string }) => event.status)).toEqual([
      'applicant',
      'admitted',
      'resident',
      'non_resident_member',
      'alumni',
    ]);
  });

  it('keeps closed and merged/acquired final', async () => {
    const company = await buildCompany(t.database.db, { parkId: casablanca.id });
    const manager = client(t.app, casablancaManager.cookie);
    const closed = await manager.post(`/api/v1/companies/${company.id}/transitions`, {
      status: 'closed',
      effectiveDate: '2023-05-01',
      reason: 'Ceased trading',
    });
    expect(closed.statusCode).toBe(201);
    for (const status of ['resident', 'alumni', 'merged_acquired']) {
      const again = await manager.post(`/api/v1/companies/${company.id}/transitions`, {
        status,
        effectiveDate: '2023-06-01',
        reason: 'Try',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('invalid_transition');
    }
    expect(await historyCount(company.id)).toBe(2);
  });

  it('lets only one of two simultaneous transitions from the same status through', async () => {
    const company = await buildCompany(t.database.db, { parkId: casablanca.id });
    const manager = client(t.app, casablancaManager.cookie);
    const responses = await Promise.all([
      manager.post(`/api/v1/companies/${company.id}/transitions`, {
        status: 'closed',
        effectiveDate: '2023-05-01',
        reason: 'Ceased trading',
      }),
      client(t.app, admin.cookie).post(`/api/v1/companies/${company.id}/transitions`, {
        status: 'merged_acquired',
        effectiveDate: '2023-05-01',
        reason: 'Bought by a group',
      }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const winner = responses.find((response) => response.statusCode === 201)?.json().status;
    const history = (await manager.get(`/api/v1/companies/${company.id}/history`)).json();
    expect(history.map((event: { status: string }) => event.status)).toEqual(['resident', winner]);

    const admitted = await buildCompany(t.database.db, { parkId: casablanca.id }, [{ status: 'admitted', effectiveDate: '2023-01-02' }]);
    const twice = await Promise.all(
      [1, 2].map(() =>
        manager.post(`/api/v1/companies/${admitted.id}/transitions`, {
          status: 'resident',
          effectiveDate: '2023-02-01',
          reason: 'Moved in',
        }),
      ),
    );
    expect(twice.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(await historyCount(admitted.id)).toBe(2);
  });
});
