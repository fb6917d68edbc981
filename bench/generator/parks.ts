import { amenities, regions, sectors, spaceKinds } from '../../src/contracts/parks.js';
import type { Tally } from './bulk.js';
import { addDays, instantOn, type Random } from './random.js';
import { anchorDate, type GeneratedSize } from './sizes.js';

/** A generated park, as the rest of the generator needs it. */
export type ParkPlan = { id: string; slug: string; region: (typeof regions)[number]; city: string; openingDate: string; sectors: string[] };

const cities = [
  ['Tanger', 'طنجة'],
  ['Oujda', 'وجدة'],
  ['Fès', 'فاس'],
  ['Rabat', 'الرباط'],
  ['Béni Mellal', 'بني ملال'],
  ['Casablanca', 'الدار البيضاء'],
  ['Marrakech', 'مراكش'],
  ['Errachidia', 'الرشيدية'],
  ['Agadir', 'أكادير'],
  ['Guelmim', 'كلميم'],
  ['Laâyoune', 'العيون'],
  ['Dakhla', 'الداخلة'],
  ['Kénitra', 'القنيطرة'],
  ['Meknès', 'مكناس'],
] as const;

/** Parks open since before the history starts (the first ones) or during it, each with buildings, floors and spaces. */
export async function generateParks(tally: Tally, random: Random, size: GeneratedSize): Promise<ParkPlan[]> {
  const start = addDays(anchorDate, -365 * size.years);
  const parks: ParkPlan[] = [];
  const parkRows = [];
  for (let index = 0; index < size.parks; index++) {
    const [fr, ar] = cities[index % cities.length];
    const region = index < regions.length ? regions[index] : random.pick(regions);
    // Half the parks open before the history begins, the others along it (the network grows from a few to 14).
    const openingDate =
      index < size.parks / 2 ? addDays(start, -random.int(30, 900)) : addDays(start, random.int(0, 365 * (size.years - 2)));
    const parkSectors = [...new Set([random.pick(sectors), random.pick(sectors), random.pick(sectors)])];
    const park: ParkPlan = { id: random.uuid(), slug: `bench-${index + 1}`, region, city: fr, openingDate, sectors: parkSectors };
    parks.push(park);
    parkRows.push({
      id: park.id,
      slug: park.slug,
      name: { fr: `Technopark ${fr} ${index + 1}`, ar: `تكنوبارك ${ar} ${index + 1}`, en: `Technopark ${fr} ${index + 1}` },
      city: { fr, ar, en: fr },
      region,
      address: `${random.int(1, 200)} boulevard de la Technologie, ${fr}`,
      latitude: 28 + random.next() * 7,
      longitude: -10 + random.next() * 8,
      status: 'open',
      opening_date: openingDate,
      sectors: parkSectors,
      capacity_companies: 100 * size.buildings,
      description: { fr: `Parc technologique de ${fr}.`, en: `Technology park of ${fr}.` },
      contacts: [{ name: `Direction ${fr}`, role: 'Direction', email: `contact-${index + 1}@bench.technopark.ma` }],
      created_at: instantOn(openingDate),
      updated_at: instantOn(openingDate),
    });
  }
  await tally.insert('parks', parkRows);
  await generateSpaces(tally, random, size, parks);
  return parks;
}

async function generateSpaces(tally: Tally, random: Random, size: GeneratedSize, parks: ParkPlan[]) {
  const buildings = [];
  const floors = [];
  const spaces = [];
  for (const park of parks) {
    for (let b = 1; b <= size.buildings; b++) {
      const buildingId = random.uuid();
      buildings.push({ id: buildingId, park_id: park.id, code: `B${b}`, name: { fr: `Bâtiment ${b}`, en: `Building ${b}` } });
      for (let level = 0; level < size.floors; level++) {
        const floorId = random.uuid();
        floors.push({ id: floorId, building_id: buildingId, level, name: level === 0 ? 'RDC' : `Étage ${level}` });
        for (let s = 1; s <= size.spacesPerFloor; s++) {
          const kind = s === 1 ? 'meeting_room' : random.chance(0.15) ? random.pick(spaceKinds) : 'office';
          const bookable = kind !== 'office';
          spaces.push({
            id: random.uuid(),
            park_id: park.id,
            floor_id: floorId,
            code: `B${b}-${level}${String(s).padStart(2, '0')}`,
            name: { fr: `${kind === 'office' ? 'Bureau' : 'Salle'} ${b}.${level}.${s}` },
            kind,
            area_m2: random.int(12, 180),
            desks: kind === 'office' ? random.int(2, 20) : 0,
            seats: bookable ? random.int(6, 60) : 0,
            amenities: [...new Set([random.pick(amenities), random.pick(amenities)])],
            bookable,
            leasable: !bookable,
          });
        }
      }
    }
  }
  await tally.insert('buildings', buildings);
  await tally.insert('floors', floors);
  await tally.insert('spaces', spaces);
}
