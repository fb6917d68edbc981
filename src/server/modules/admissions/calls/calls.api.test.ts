import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.js';
import { translate } from '../../../platform/messages.js';
import { buildApplication, buildCall, factoryQuestions } from '../../../test/admission-factories.js';
import { buildCompany } from '../../../test/company-factories.js';
import { csvColumn } from '../../../test/csv.js';
import { buildPark, buildPerson, client, signedIn } from '../../../test/factories.js';
import { createTestContext, type TestContext } from '../../../test/harness.js';
import { callCriteria, calls } from '../schema.js';

let t: TestContext;
let casablanca: Awaited<ReturnType<typeof buildPark>>;
let rabat: Awaited<ReturnType<typeof buildPark>>;
let officer: { id: string; cookie: string };
let admin: { cookie: string };
let casablancaManager: { cookie: string };
let committee: { id: string; cookie: string };
let companyAdmin: { id: string; cookie: string };

const day = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString();

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  casablanca = await buildPark(db, { slug: 'casa' });
  rabat = await buildPark(db, { slug: 'rabat', region: 'rabat_sale_kenitra' });
  officer = await signedIn(t.app, db, 'program_officer');
  admin = await signedIn(t.app, db, 'network_admin');
  casablancaManager = await signedIn(t.app, db, 'park_manager', [casablanca.id]);
  committee = await signedIn(t.app, db, 'committee_member');
  const company = await buildCompany(db);
  companyAdmin = await signedIn(t.app, db, 'company_admin', [company.id]);
});
afterAll(() => t.close());

function validCall(overrides: Record<string, unknown> = {}) {
  return {
    slug: `incubation-${Math.random().toString(36).slice(2, 8)}`,
    title: { fr: 'Incubation Greentech 2026', ar: 'احتضان التكنولوجيا الخضراء 2026', en: 'Greentech incubation 2026' },
    summary: { fr: 'Six mois d’accompagnement' },
    kind: 'incubation',
    parkId: casablanca.id,
    opensAt: inDays(-1),
    closesAt: inDays(30),
    eligibility: { sectors: ['greentech'], stages: ['startup', 'project_holder'], regions: [], maxCompanyAgeYears: 3 },
    questions: factoryQuestions,
    criteria: [
      { label: { fr: 'Équipe' }, weight: 3 },
      { label: { fr: 'Marché' }, weight: 1 },
    ],
    committeeMemberIds: [committee.id],
    published: true,
    ...overrides,
  };
}

describe('creating calls', () => {
  it('creates a call with its form, grid and committee, and shows it publicly without internal fields', async () => {
    const created = await client(t.app, officer.cookie).post('/api/v1/calls', validCall({ slug: 'greentech-2026' }));
    expect(created.statusCode).toBe(201);
    const call = created.json();
    expect(call).toMatchObject({ slug: 'greentech-2026', published: true, phase: 'open', formEditable: true, canManage: true });
    expect(call.criteria.map((c: { weight: number }) => c.weight)).toEqual([3, 1]);
    expect(call.committee).toEqual([expect.objectContaining({ userId: committee.id })]);
    expect(call.counts.submitted).toBe(0);

    const publicView = await client(t.app).get('/api/v1/public/calls/greentech-2026');
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json().questions).toHaveLength(3);
    expect(publicView.json()).not.toHaveProperty('committee');
    expect(publicView.json()).not.toHaveProperty('counts');
    expect(publicView.json()).not.toHaveProperty('spreadThreshold');

    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, call.id));
    expect(audit.action).toBe('call.create');
  });

  it('refuses duplicate question ids, choices without options and min above max, with field paths', async () => {
    const questions = [
      { id: 'pitch', kind: 'long_text', label: { fr: 'Projet' }, required: true },
      { id: 'pitch', kind: 'short_text', label: { fr: 'Nom' }, required: false },
      {
        id: 'funding',
        kind: 'choice',
        label: { fr: 'Financement' },
        required: false,
        options: [{ value: 'none', label: { fr: 'Aucun' } }],
      },
      { id: 'team', kind: 'number', label: { fr: 'Équipe' }, required: false, min: 10, max: 2 },
    ];
    for (const locale of ['fr', 'ar', 'en'] as const) {
      const response = await client(t.app, officer.cookie, locale).post('/api/v1/calls', validCall({ questions }));
      expect(response.statusCode).toBe(400);
      const details: { path: string; message: string }[] = response.json().error.details;
      expect(details).toEqual(
        expect.arrayContaining([
          { path: 'questions.1.id', message: translate(locale, 'validation.question_id_taken') },
          { path: 'questions.2.options', message: translate(locale, 'validation.choice_needs_options') },
          { path: 'questions.3.max', message: translate(locale, 'validation.min_above_max') },
        ]),
      );
    }
    expect(translate('ar', 'validation.question_id_taken')).not.toBe(translate('fr', 'validation.question_id_taken'));
  });

  it('refuses a committee member who does not hold the committee role, in the reader’s language', async () => {
    const notMember = await buildPerson(t.database.db, { role: 'program_officer' });
    for (const locale of ['fr', 'ar', 'en'] as const) {
      const response = await client(t.app, officer.cookie, locale).post(
        '/api/v1/calls',
        validCall({ slug: 'never-created', committeeMemberIds: [committee.id, notMember.id] }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { path: 'committeeMemberIds.1', message: translate(locale, 'validation.not_committee_member') },
      ]);
    }
    expect(await t.database.db.select().from(calls).where(eq(calls.slug, 'never-created'))).toEqual([]);
  });

  it('refuses a closing date before the opening, a reversed scale and a taken short name', async () => {
    const officerClient = client(t.app, officer.cookie, 'en');
    const dates = await officerClient.post('/api/v1/calls', validCall({ opensAt: inDays(5), closesAt: inDays(1) }));
    expect(dates.json().error.details).toEqual([{ path: 'closesAt', message: translate('en', 'validation.closes_before_opens') }]);
    const scale = await officerClient.post('/api/v1/calls', validCall({ scoreMin: 5, scoreMax: 5 }));
    expect(scale.json().error.details).toEqual([{ path: 'scoreMax', message: translate('en', 'validation.scale_order') }]);
    await officerClient.post('/api/v1/calls', validCall({ slug: 'taken-slug' }));
    const taken = await officerClient.post('/api/v1/calls', validCall({ slug: 'taken-slug' }));
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.details).toEqual([{ path: 'slug', message: translate('en', 'validation.call_slug_taken') }]);
  });
});

describe('editing calls', () => {
  it('freezes the form, grid and scale once an application is submitted, while the deadline can be extended', async () => {
    const officerClient = client(t.app, officer.cookie, 'fr');
    const call = (await officerClient.post('/api/v1/calls', validCall())).json();
    const url = `/api/v1/calls/${call.id}`;

    // Before any submission everything can change; criteria are replaced.
    const edited = await officerClient.patch(url, {
      questions: factoryQuestions.slice(0, 2),
      criteria: [{ label: { fr: 'Équipe' }, weight: 2 }],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().questions).toHaveLength(2);

    await buildApplication(t.database.db, call.id);
    const frozen = await officerClient.patch(url, { questions: factoryQuestions });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('not_editable');
    expect(frozen.json().error.details).toEqual([{ path: 'questions', message: translate('fr', 'validation.form_frozen') }]);
    const grid = await officerClient.patch(url, { criteria: [{ label: { fr: 'Équipe' }, weight: 5 }], scoreMax: 10 });
    expect(grid.statusCode).toBe(409);
    expect(
      grid
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['criteria', 'scoreMax']);

    const criteriaBefore = await t.database.db.select().from(callCriteria).where(eq(callCriteria.callId, call.id));
    // The settings page sends the whole call: unchanged form and grid pass, the later deadline is kept.
    const current = (await officerClient.get(url)).json();
    const extended = await officerClient.patch(url, {
      questions: current.questions,
      criteria: current.criteria.map((c: { label: unknown; weight: number }) => ({ label: c.label, weight: c.weight })),
      scoreMin: current.scoreMin,
      scoreMax: current.scoreMax,
      closesAt: inDays(60),
      title: { fr: 'Titre corrigé' },
    });
    expect(extended.statusCode).toBe(200);
    expect(extended.json()).toMatchObject({ formEditable: false, title: { fr: 'Titre corrigé' } });
    const criteriaAfter = await t.database.db.select().from(callCriteria).where(eq(callCriteria.callId, call.id));
    expect(criteriaAfter.map((c) => c.id)).toEqual(criteriaBefore.map((c) => c.id));

    const shortened = await officerClient.patch(url, { closesAt: inDays(2) });
    expect(shortened.statusCode).toBe(409);
    expect(shortened.json().error.details).toEqual([{ path: 'closesAt', message: translate('fr', 'validation.deadline_only_extended') }]);
  });

  it('publishes and unpublishes: an unpublished call is not on the public pages', async () => {
    const officerClient = client(t.app, officer.cookie);
    const call = (await officerClient.post('/api/v1/calls', validCall({ published: false, slug: 'hidden-call' }))).json();
    expect((await client(t.app).get('/api/v1/public/calls/hidden-call')).statusCode).toBe(404);
    const published = await officerClient.post(`/api/v1/calls/${call.id}/publish`);
    expect(published.json().published).toBe(true);
    expect((await client(t.app).get('/api/v1/public/calls/hidden-call')).statusCode).toBe(200);
    await officerClient.post(`/api/v1/calls/${call.id}/unpublish`);
    expect((await client(t.app).get('/api/v1/public/calls/hidden-call')).statusCode).toBe(404);
  });
});

describe('listing calls', () => {
  it('lists published calls publicly: open first, then upcoming, then closed', async () => {
    const db = t.database.db;
    const upcoming = await buildCall(db, { opensAt: new Date(inDays(3)), closesAt: new Date(inDays(40)), kind: 'competition' });
    const closed = await buildCall(db, { opensAt: new Date(inDays(-40)), closesAt: new Date(inDays(-1)), kind: 'competition' });
    const open = await buildCall(db, { kind: 'competition' });
    await buildCall(db, { kind: 'competition', publishedAt: null });
    const page = (await client(t.app).get('/api/v1/public/calls?kind=competition')).json();
    expect(page.items.map((c: { id: string; phase: string }) => [c.id, c.phase])).toEqual([
      [open.id, 'open'],
      [upcoming.id, 'upcoming'],
      [closed.id, 'closed'],
    ]);
    const onlyOpen = (await client(t.app).get('/api/v1/public/calls?kind=competition&phase=open')).json();
    expect(onlyOpen.total).toBe(1);
    expect(onlyOpen.items.map((c: { id: string }) => c.id)).toEqual([open.id]);

    // Its export has the rows of the list, filtered and in the same order, and no unpublished call.
    const csv = await client(t.app, undefined, 'en').get('/api/v1/public/calls/export?format=csv&kind=competition');
    expect(csv.statusCode).toBe(200);
    expect(csvColumn(csv.body, 0)).toEqual([open.slug, upcoming.slug, closed.slug]);
    const openCsv = await client(t.app).get('/api/v1/public/calls/export?format=csv&kind=competition&phase=open');
    expect(csvColumn(openCsv.body, 0)).toEqual([open.slug]);
  });

  it('exports the officers’ filtered, sorted list row for row, with the counts', async () => {
    const db = t.database.db;
    const first = await buildCall(db, { kind: 'pre_incubation', title: { fr: 'Alpha pré-incubation' }, parkId: rabat.id });
    const second = await buildCall(db, { kind: 'pre_incubation', title: { fr: 'Beta pré-incubation' }, publishedAt: null });
    await buildApplication(db, second.id);
    await buildApplication(db, second.id, { status: 'draft' });
    await buildCall(db, { kind: 'competition', title: { fr: 'Autre' } });
    const query = 'kind=pre_incubation&sort=title&order=desc';
    const page = (await client(t.app, officer.cookie).get(`/api/v1/calls?${query}`)).json();
    expect(page.items.map((c: { slug: string }) => c.slug)).toEqual([second.slug, first.slug]);
    const csv = await client(t.app, officer.cookie, 'en').get(`/api/v1/calls/export?format=csv&${query}`);
    expect(csvColumn(csv.body, 0)).toEqual(page.items.map((c: { slug: string }) => c.slug));
    // Published, then applications submitted (drafts are not), as on the list.
    expect(csvColumn(csv.body, 7)).toEqual(['no', 'yes']);
    expect(csvColumn(csv.body, 8)).toEqual(['1', '0']);
    const unpublished = await client(t.app, officer.cookie).get(`/api/v1/calls/export?format=csv&${query}&published=false`);
    expect(csvColumn(unpublished.body, 0)).toEqual([second.slug]);
  });

  it('lists calls for officers with counts, filters and exports; park managers see their parks only', async () => {
    const db = t.database.db;
    const inCasablanca = await buildCall(db, { parkId: casablanca.id, kind: 'acceleration' });
    const inRabat = await buildCall(db, { parkId: rabat.id, kind: 'acceleration' });
    await buildApplication(db, inCasablanca.id);
    await buildApplication(db, inCasablanca.id, { status: 'under_review' });

    const forOfficer = (await client(t.app, officer.cookie).get('/api/v1/calls?kind=acceleration&sort=title')).json();
    expect(forOfficer.items.map((c: { id: string }) => c.id).sort()).toEqual([inCasablanca.id, inRabat.id].sort());
    const casablancaRow = forOfficer.items.find((c: { id: string }) => c.id === inCasablanca.id);
    expect(casablancaRow.counts).toMatchObject({ submitted: 1, under_review: 1, draft: 0 });

    const forManager = (await client(t.app, casablancaManager.cookie).get('/api/v1/calls?kind=acceleration')).json();
    expect(forManager.items.map((c: { id: string }) => c.id)).toEqual([inCasablanca.id]);
    expect((await client(t.app, casablancaManager.cookie).get(`/api/v1/calls/${inRabat.id}`)).statusCode).toBe(404);
    const managerView = await client(t.app, casablancaManager.cookie).get(`/api/v1/calls/${inCasablanca.id}`);
    expect(managerView.json().canManage).toBe(false);

    const csv = await client(t.app, admin.cookie, 'fr').get('/api/v1/calls/export?format=csv&kind=acceleration');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Candidatures déposées');
    expect(csv.body).toContain(inRabat.slug);
    const xlsx = await client(t.app, admin.cookie).get('/api/v1/calls/export?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('offers the people holding the committee role as candidates', async () => {
    const response = await client(t.app, officer.cookie).get('/api/v1/calls/committee-candidates');
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((member: { userId: string }) => member.userId);
    expect(ids).toContain(committee.id);
    expect(ids).not.toContain(officer.id);
  });
});

describe('who may do what with calls', () => {
  it('lets officers and network admins write, park managers read their park, and no one else in', async () => {
    const call = await buildCall(t.database.db, { parkId: casablanca.id });
    const url = `/api/v1/calls/${call.id}`;
    expect((await client(t.app, admin.cookie).patch(url, { title: { fr: 'Par l’admin' } })).statusCode).toBe(200);
    expect((await client(t.app, officer.cookie).post(`${url}/unpublish`)).statusCode).toBe(200);

    const manager = client(t.app, casablancaManager.cookie);
    expect((await manager.get(url)).statusCode).toBe(200);
    expect((await manager.patch(url, { title: { fr: 'Non' } })).statusCode).toBe(403);
    expect((await manager.post('/api/v1/calls', validCall())).statusCode).toBe(403);
    expect((await manager.post(`${url}/publish`)).statusCode).toBe(403);
    expect((await manager.get('/api/v1/calls/committee-candidates')).statusCode).toBe(403);

    for (const outsider of [committee, companyAdmin]) {
      const other = client(t.app, outsider.cookie);
      expect((await other.get('/api/v1/calls')).statusCode).toBe(403);
      expect((await other.get(url)).statusCode).toBe(403);
      expect((await other.patch(url, { title: { fr: 'Non' } })).statusCode).toBe(403);
    }
    const anonymous = client(t.app);
    expect((await anonymous.get('/api/v1/calls')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/calls', validCall())).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/calls/export')).statusCode).toBe(401);
  });
});
