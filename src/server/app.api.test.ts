import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../shared/calendar.js';
import { parks } from './modules/parks/schema.js';
import { createJobs } from './platform/jobs/jobs.js';
import { buildPark, client, origin, signedIn } from './test/factories.js';
import { createTestContext, type TestContext } from './test/harness.js';

let t: TestContext;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createTestContext();
  admin = await signedIn(t.app, t.database.db, 'network_admin');
});
afterAll(() => t.close());

const parkBody = {
  slug: 'laayoune',
  name: { fr: 'Technopark Laâyoune' },
  city: { fr: 'Laâyoune' },
  region: 'laayoune_sakia_el_hamra',
  latitude: 27.15,
  longitude: -13.2,
  status: 'planned',
  targetOpeningDate: '2028-01-31',
};

async function parkCount() {
  const [{ total }] = await t.database.db.select({ total: count() }).from(parks);
  return total;
}

describe('platform', () => {
  it('answers health with the database kind and version', async () => {
    const health = (await client(t.app).get('/api/health')).json();
    expect(health.status).toBe('ok');
    expect(health.database.kind).toBe(process.env.TEST_DATABASE === 'postgres' ? 'postgresql' : 'pglite');
    expect(health.database.version).toMatch(/^\d+(\.\d+)?/);
  });

  it('describes the API in OpenAPI 3', async () => {
    const document = (await client(t.app).get('/api/openapi.json')).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/parks', '/api/v1/parks/{park}/spaces', '/api/v1/auth/sign-in', '/api/v1/people', '/api/v1/audit']),
    );
    // The request body is described from the contract: its required fields and their types.
    const body = document.paths['/api/v1/parks'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['slug', 'name', 'city', 'region', 'status']));
    expect(body.properties.latitude.type).toBe('number');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await client(t.app, undefined, 'en').get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });

  it('refuses bodies that are not JSON, cross-site writes and oversized bodies, writing nothing', async () => {
    const before = await parkCount();
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/parks',
      headers: { origin, cookie: admin.cookie, 'content-type': 'text/plain' },
      payload: JSON.stringify(parkBody),
    });
    expect(plain.statusCode).toBe(415);
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/parks',
      headers: { origin: 'https://evil.example', cookie: admin.cookie },
      payload: parkBody,
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('cross_site');
    const huge = await client(t.app, admin.cookie).post('/api/v1/parks', { ...parkBody, address: 'x'.repeat(1_100_000) });
    expect(huge.statusCode).toBe(413);
    expect(await parkCount()).toBe(before);
  });

  it('words validation problems field by field in French, Arabic and English', async () => {
    const body = { ...parkBody, slug: 'UPPER CASE', latitude: 'north' };
    const messages = {} as Record<string, Record<string, string>>;
    for (const locale of ['fr', 'ar', 'en']) {
      const response = await client(t.app, admin.cookie, locale).post('/api/v1/parks', body);
      expect(response.statusCode).toBe(400);
      messages[locale] = Object.fromEntries(
        response.json().error.details.map((d: { path: string; message: string }) => [d.path, d.message]),
      );
    }
    expect(messages.fr.slug).toBe('Lettres minuscules, chiffres et tirets uniquement.');
    expect(messages.en.slug).toBe('Lowercase letters, digits and dashes only.');
    expect(messages.ar.slug).toBe('حروف لاتينية صغيرة وأرقام وشرطات فقط.');
    expect(messages.fr.latitude).toMatch(/nombre/);
    expect(messages.ar.latitude).toMatch(/[\u0600-\u06FF]/);
  });

  it('never answers a stack trace', async () => {
    const response = await client(t.app, admin.cookie).patch('/api/v1/parks/%00', { name: null });
    expect(response.statusCode).toBeLessThan(500);
    expect(response.body).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('refuses a NUL character anywhere in a request with a field problem, on every route, never a 500', async () => {
    const spec = (await client(t.app).get('/api/openapi.json')).json();
    // Its own session: the crawl also reaches sign-out.
    const prober = await signedIn(t.app, t.database.db, 'network_admin');
    const as = client(t.app, prober.cookie, 'en');
    const answered: number[] = [];
    for (const [path, operations] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
      const url = path.replace(/\{[^}]+\}/g, 'a%00b');
      for (const method of ['get', 'post', 'patch', 'delete'] as const) {
        if (!operations[method]) continue;
        const response = method === 'get' || method === 'delete' ? await as[method](url) : await as[method](url, {});
        answered.push(response.statusCode);
        expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
      }
    }
    expect(answered.length).toBeGreaterThan(80);
    const fresh = client(t.app, (await signedIn(t.app, t.database.db, 'network_admin')).cookie, 'en');
    // A parameter, a query value and a body text: refused as the field they came in.
    const inPath = await fresh.get('/api/v1/parks/a%00b');
    expect(inPath.statusCode).toBe(400);
    expect(inPath.json().error.details).toEqual([{ path: 'park', message: 'This text contains a character that is not allowed (NUL).' }]);
    const inQuery = await fresh.get('/api/v1/companies?q=%00');
    expect(inQuery.statusCode).toBe(400);
    expect(inQuery.json().error.details[0].path).toBe('q');
    const before = await parkCount();
    const inBody = await fresh.post('/api/v1/parks', { ...parkBody, slug: 'nul-park', name: { fr: 'a\u0000b' } });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json().error.details).toEqual([
      { path: 'name.fr', message: 'This text contains a character that is not allowed (NUL).' },
    ]);
    expect(await parkCount()).toBe(before);
  });

  it('refuses to start with a route that does not say who may call it', async () => {
    const { buildApp } = await import('./app.js');
    // A second app on the same database needs its own queue handlers.
    const jobs = await createJobs(t.database);
    const app = await buildApp({ ...t.deps, jobs });
    expect(() => app.get('/api/v1/forgotten', async () => 'open to all?')).toThrow(/does not declare who may call it/);
    await app.close().catch(() => {});
    await jobs.stop();
  });
});

describe('audit log', () => {
  it('records before and after of an update and filters by record type, action, actor and dates', async () => {
    const park = await buildPark(t.database.db);
    await client(t.app, admin.cookie).patch(`/api/v1/parks/${park.id}`, { capacityCompanies: 44 });
    const audit = client(t.app, admin.cookie);
    const entries = (
      await audit.get(`/api/v1/audit?entityType=park&action=park.update&actorUserId=${admin.id}&entityId=${park.id}`)
    ).json();
    expect(entries.total).toBe(1);
    expect(entries.items[0].before.capacityCompanies).toBeNull();
    expect(entries.items[0].after.capacityCompanies).toBe(44);
    const today = localToday();
    expect((await audit.get(`/api/v1/audit?entityId=${park.id}&from=${today}&to=${today}`)).json().total).toBe(1);
    expect((await audit.get(`/api/v1/audit?entityId=${park.id}&to=2020-01-01`)).json().total).toBe(0);
    expect((await audit.get('/api/v1/audit?from=not-a-date')).statusCode).toBe(400);
  });
});
