import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFloor, buildPark, client, signedIn } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { buildings } from './schema.js';

let t: TestContext;
let park: Awaited<ReturnType<typeof buildPark>>;
let manager: { cookie: string };

beforeAll(async () => {
  t = await createTestContext();
  park = await buildPark(t.database.db, { slug: 'names' });
  manager = await signedIn(t.app, t.database.db, 'park_manager', [park.id]);
});
afterAll(() => t.close());

const reader = (locale: string) => client(t.app, undefined, locale);

async function buildingOf(locale: string, code: string) {
  const detail = (await reader(locale).get(`/api/v1/parks/${park.slug}`)).json();
  return detail.buildings.find((building: { code: string }) => building.code === code);
}

describe('buildings and spaces named in French, Arabic and English', () => {
  it('reads a building given only in French in French for an Arabic reader, and one given in Arabic in Arabic', async () => {
    const as = client(t.app, manager.cookie);
    expect((await as.post(`/api/v1/parks/${park.slug}/buildings`, { code: 'FR', name: { fr: 'Bâtiment Nord' } })).statusCode).toBe(201);
    expect((await as.post(`/api/v1/parks/${park.slug}/buildings`, { code: 'AR', name: { ar: 'البناية الجنوبية' } })).statusCode).toBe(201);
    expect((await buildingOf('ar', 'FR')).name).toBe('Bâtiment Nord');
    expect((await buildingOf('fr', 'AR')).name).toBe('البناية الجنوبية');
    expect((await buildingOf('en', 'AR')).names).toEqual({ ar: 'البناية الجنوبية' });
    const both = await as.patch(`/api/v1/buildings/${(await buildingOf('fr', 'FR')).id}`, {
      name: { fr: 'Bâtiment Nord', en: 'North building' },
    });
    expect(both.json().name).toBe('Bâtiment Nord');
    expect((await buildingOf('en', 'FR')).name).toBe('North building');
  });

  it('refuses a name given in no language, under the French field, in the reader’s language, writing nothing', async () => {
    const response = await client(t.app, manager.cookie, 'ar').post(`/api/v1/parks/${park.slug}/buildings`, {
      code: 'NONE',
      name: { fr: ' ', ar: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'name.fr', message: 'اكتب الاسم بلغة واحدة على الأقل.' }]);
    expect(await t.database.db.select().from(buildings).where(eq(buildings.code, 'NONE'))).toEqual([]);
  });

  it('shows, searches, sorts and exports spaces by their name in the reader’s language', async () => {
    const { floor } = await buildFloor(t.database.db, park.id);
    const as = client(t.app, manager.cookie);
    const space = (code: string, name: object) =>
      as.post(`/api/v1/parks/${park.slug}/spaces`, { floorId: floor.id, code, name, kind: 'office', areaM2: 10, leasable: true });
    expect((await space('S1', { fr: 'Atelier', ar: 'ورشة', en: 'Workshop' })).statusCode).toBe(201);
    expect((await space('S2', { fr: 'Bureau' })).statusCode).toBe(201);
    const list = (locale: string, query: string) => reader(locale).get(`/api/v1/parks/${park.slug}/spaces?${query}`);
    const arabic = (await list('ar', 'sort=code')).json().items;
    expect(arabic.map((s: { name: string }) => s.name)).toEqual(['ورشة', 'Bureau']);
    // Sorted by the English names: "Bureau" (French, the one given) before "Workshop".
    const english = (await list('en', 'sort=name')).json().items;
    expect(english.map((s: { name: string }) => s.name)).toEqual(['Bureau', 'Workshop']);
    // A French reader finds a space by its Arabic name.
    const found = (await list('fr', `q=${encodeURIComponent('ورشة')}`)).json().items;
    expect(found.map((s: { code: string }) => s.code)).toEqual(['S1']);
    const csv = (await reader('ar').get(`/api/v1/parks/${park.slug}/spaces/export?format=csv&sort=code`)).body;
    expect(csv).toContain('ورشة');
    expect(csv).not.toContain('Atelier');
  });
});
