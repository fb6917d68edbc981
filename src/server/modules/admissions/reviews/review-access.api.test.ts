import { describe, expect, it } from 'vitest';
import { buildApplication, readApplication } from '../../../test/admission-factories.js';
import { buildCompany, uniqueIce } from '../../../test/company-factories.js';
import { buildPark, client, signedIn } from '../../../test/factories.js';
import {
  attachFile,
  buildApplicant,
  buildApplicationUnderReview,
  committeeFixture,
  evaluationCount as countEvaluations,
  put,
  scoresBody,
} from '../../../test/review-factories.js';

const { committee: c, reviewCase, as } = committeeFixture();
const evaluationCount = (applicationId: string, memberUserId?: string) => countEvaluations(c.t.database.db, applicationId, memberUserId);

describe('who may call what', () => {
  it('keeps applicants, company people, partners and strangers out of the committee’s routes', async () => {
    const { application, call, team, innovation } = await reviewCase();
    await as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 4, 4, 'NEVER-FOR-APPLICANT'));
    const applicant = await buildApplicant(c.t.app, c.t.database.db, application.id);
    const companyAdmin = await signedIn(c.t.app, c.t.database.db, 'company_admin', [(await buildCompany(c.t.database.db)).id]);
    const partner = await signedIn(c.t.app, c.t.database.db, 'partner_staff', [null]);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/reviews'],
      ['GET', '/api/v1/reviews/export'],
      ['GET', `/api/v1/reviews/${application.id}`],
      ['POST', `/api/v1/reviews/${application.id}/conflict`, { reason: 'x' }],
      ['POST', `/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 5, 5)],
      ['GET', `/api/v1/calls/${call.id}/ranking`],
      ['GET', `/api/v1/calls/${call.id}/ranking/export`],
      ['GET', `/api/v1/calls/${call.id}/deliberations`],
      ['POST', `/api/v1/calls/${call.id}/deliberations`, { heldOn: '2026-01-01', attendees: ['x'], minutes: 'x' }],
      ['GET', `/api/v1/applications/${application.id}/review`],
      ['PUT', `/api/v1/applications/${application.id}/assignments`, { memberUserIds: [] }],
      ['POST', `/api/v1/applications/${application.id}/decision`, { decision: 'admitted' }],
    ];
    for (const [method, url, payload] of routes) {
      const send = (cookie?: string) =>
        c.t.app.inject({
          method: method as 'GET',
          url,
          headers: { origin: 'http://localhost:3000', ...(cookie ? { cookie } : {}) },
          ...(payload ? { payload: payload as Record<string, unknown> } : {}),
        });
      expect((await send()).statusCode, `${method} ${url} anonymous`).toBe(401);
      for (const person of [applicant, companyAdmin, partner]) {
        const response = await send(person.cookie);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.body).not.toContain('NEVER-FOR-APPLICANT');
      }
    }
    expect(await evaluationCount(application.id)).toBe(1);
  });

  it('applies one rule per application on every route that returns it: no draft for staff, no file for a conflicted member', async () => {
    const { application, call } = await reviewCase();
    const file = await attachFile(c.t.database.db, application.id);
    const draft = await buildApplication(c.t.database.db, call.id, { status: 'draft', companyName: 'Brouillon secret' });
    for (const url of [`/api/v1/applications/${draft.id}/review`, `/api/v1/applications/${draft.id}`]) {
      const response = await as(c.officer).get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('Brouillon secret');
    }
    const fileRoutes = [`/api/v1/applications/${application.id}/files/${file.id}`, `/api/v1/reviews/${application.id}/files/${file.id}`];
    for (const url of fileRoutes) expect((await as(c.members[0]).get(url)).statusCode, url).toBe(200);
    await as(c.members[0]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: 'Associé du fondateur' });
    for (const url of fileRoutes) expect((await as(c.members[0]).get(url)).statusCode, url).toBe(404);
  });

  it('lets park managers read the ranking of their park’s calls only, and decide nothing', async () => {
    const casablanca = await buildPark(c.t.database.db);
    const rabat = await buildPark(c.t.database.db);
    const manager = await signedIn(c.t.app, c.t.database.db, 'park_manager', [casablanca.id]);
    const own = await reviewCase({ parkId: casablanca.id, kind: 'residency' });
    const elsewhere = await reviewCase({ parkId: rabat.id, kind: 'residency' });
    const network = await reviewCase();

    const ranking = await as(manager).get(`/api/v1/calls/${own.call.id}/ranking`);
    expect(ranking.statusCode).toBe(200);
    expect(ranking.json().call.canDecide).toBe(false);
    const review = await as(manager).get(`/api/v1/applications/${own.application.id}/review`);
    expect(review.statusCode).toBe(200);
    expect(review.json().allowedDecisions).toEqual([]);
    expect((await as(manager).get(`/api/v1/calls/${own.call.id}/deliberations`)).statusCode).toBe(200);
    expect((await as(manager).post(`/api/v1/applications/${own.application.id}/decision`, { decision: 'admitted' })).statusCode).toBe(403);
    expect(
      (await put(c.t.app, manager.cookie, `/api/v1/applications/${own.application.id}/assignments`, { memberUserIds: [] })).statusCode,
    ).toBe(403);
    expect(
      (await as(manager).post(`/api/v1/calls/${own.call.id}/deliberations`, { heldOn: '2026-01-01', attendees: ['x'], minutes: 'x' }))
        .statusCode,
    ).toBe(403);

    for (const other of [elsewhere, network]) {
      expect((await as(manager).get(`/api/v1/calls/${other.call.id}/ranking`)).statusCode).toBe(404);
      expect((await as(manager).get(`/api/v1/applications/${other.application.id}/review`)).statusCode).toBe(404);
    }
    // Committee c.members read no ranking at all.
    expect((await as(c.members[0]).get(`/api/v1/calls/${own.call.id}/ranking`)).statusCode).toBe(403);
  });
});

/** The marker a member writes in their comments, and the fields that carry scores: none may reach an applicant. */
const marker = 'APPLICANT-MUST-NOT-READ';
const scoreFields = /"(weightedScore|criterionMeans|spread|score|scores|aggregate|evaluation|myEvaluation)"/;

/**
 * Every GET route of the OpenAPI description as a URL, each path parameter filled with the test's own data:
 * `{id}` by the collection it follows (a company under /companies, a person under /people), other names by what
 * they name, the application's id for any name the test knows nothing about.
 */
function urlsOf(
  spec: { paths: Record<string, Record<string, unknown>> },
  ids: Record<string, string>,
  byCollection: Record<string, string>,
) {
  return Object.keys(spec.paths)
    .filter((path) => spec.paths[path].get)
    .map((path) => {
      const segments = path.split('/');
      const filled = segments.map((segment, index) => {
        const name = /^\{(\w+)\}$/.exec(segment)?.[1];
        if (!name) return segment;
        if (name === 'id') return byCollection[segments[index - 1]] ?? ids.applicationId;
        return ids[name] ?? ids.applicationId;
      });
      return { path, url: filled.join('/') };
    });
}

describe('the applicant', () => {
  it('sees their status and decision where applicants look, never a score, on any route the API has', async () => {
    const park = await buildPark(c.t.database.db);
    const { application, call, team, innovation } = await reviewCase({ kind: 'residency', parkId: park.id });
    const file = await attachFile(c.t.database.db, application.id);
    await as(c.members[0]).post(`/api/v1/reviews/${application.id}/evaluation`, scoresBody(team, innovation, 2, 2, marker));
    await as(c.members[1]).post(`/api/v1/reviews/${application.id}/conflict`, { reason: marker });
    const applicant = await buildApplicant(c.t.app, c.t.database.db, application.id);
    // A second application of theirs is admitted: they run its company, so the company's pages are theirs to read.
    const admitted = await buildApplicationUnderReview(
      c.t.database.db,
      call.id,
      c.members.map((member) => member.id),
      { applicantUserId: applicant.id, contactEmail: applicant.email, ice: uniqueIce(), requiredAreaM2: 30 },
    );
    await as(c.members[2]).post(`/api/v1/reviews/${admitted.id}/evaluation`, scoresBody(team, innovation, 5, 4, marker));
    expect((await as(c.officer).post(`/api/v1/applications/${admitted.id}/decision`, { decision: 'admitted' })).statusCode).toBe(200);
    const waitlisted = await as(c.officer).post(`/api/v1/applications/${application.id}/decision`, {
      decision: 'waitlisted',
      reason: 'Places limitées',
    });
    expect(waitlisted.statusCode).toBe(200);
    const companyId = (await readApplication(c.t.database.db, admitted.id)).companyId as string;
    expect(companyId).toMatch(/^[0-9a-f-]{36}$/);

    const spec = (await client(c.t.app).get('/api/openapi.json')).json();
    const ids = {
      applicationId: application.id,
      callId: call.id,
      fileId: file.id,
      slug: call.slug,
      park: park.slug,
      parkId: park.id,
      companyId,
      userId: applicant.id,
    };
    const byCollection = { companies: companyId, parks: park.id, calls: call.id, applications: application.id, people: applicant.id };
    const routes = urlsOf(spec, ids, byCollection);
    const allowed: string[] = [];
    for (const { path, url } of routes) {
      const response = await as(applicant).get(url);
      // A refusal's body says nothing of the application: only what the applicant is given is read for scores.
      if (response.statusCode < 200 || response.statusCode >= 300) continue;
      allowed.push(path);
      expect(response.body, `${path} (${url})`).not.toContain(marker);
      expect(response.body, `${path} (${url})`).not.toMatch(scoreFields);
    }
    // The crawl reached the applicant's own pages, not only refusals: their application, file, list and company.
    expect(allowed).toEqual(
      expect.arrayContaining([
        '/api/v1/my/applications',
        '/api/v1/my/applications/export',
        '/api/v1/public/applications/{applicationId}',
        '/api/v1/public/applications/{applicationId}/files/{fileId}',
        '/api/v1/public/calls/{slug}',
        '/api/v1/companies/{id}',
        '/api/v1/me',
      ]),
    );
    // Routes with several parameters are crawled with real ids too.
    expect(routes.find((route) => route.path === '/api/v1/public/applications/{applicationId}/files/{fileId}')?.url).toBe(
      `/api/v1/public/applications/${application.id}/files/${file.id}`,
    );
    const mine = (await as(applicant).get('/api/v1/my/applications')).json();
    expect(mine.items.find((item: { id: string }) => item.id === application.id)).toMatchObject({
      status: 'waitlisted',
      decision: 'waitlisted',
      decisionReason: 'Places limitées',
    });
    expect(mine.items.find((item: { id: string }) => item.id === admitted.id)).toMatchObject({ status: 'admitted', decision: 'admitted' });
  });
});
