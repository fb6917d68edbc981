import type { DemoContext } from '../../platform/demo.js';
import { randomSequence } from '../../platform/demo.js';
import { demoParks, type UnitPlan } from './demo-network.js';
import { buildings, floors, parks, spaces } from './schema.js';

const amenitiesOf: Record<UnitPlan['kind'], string[]> = {
  office: ['fiber_internet', 'air_conditioning', 'natural_light'],
  coworking_desk: ['fiber_internet', 'kitchenette'],
  meeting_room: ['screen', 'whiteboard', 'videoconference', 'fiber_internet'],
  event_room: ['projector', 'sound_system', 'stage', 'accessible'],
  studio: ['soundproofing', 'sound_system', 'fiber_internet'],
};

type SpaceInsert = typeof spaces.$inferInsert;

/** The demo units' names in Arabic and English, by their French name. */
const unitLabels: Record<string, { ar: string; en: string }> = {
  Bureau: { ar: 'مكتب', en: 'Office' },
  'Poste coworking': { ar: 'مكتب عمل مشترك', en: 'Coworking desk' },
  'Salle de réunion': { ar: 'قاعة اجتماعات', en: 'Meeting room' },
  'Salle de conférence': { ar: 'قاعة محاضرات', en: 'Conference room' },
  'Studio Boultek': { ar: 'استوديو بولتك', en: 'Boultek studio' },
  'Unité startup': { ar: 'وحدة مقاولة ناشئة', en: 'Startup unit' },
  'Grand plateau': { ar: 'فضاء كبير', en: 'Open floor' },
  Auditorium: { ar: 'مدرج', en: 'Auditorium' },
  'Unité PME': { ar: 'وحدة مقاولة صغرى ومتوسطة', en: 'SME unit' },
  'Unité grande entreprise': { ar: 'وحدة مقاولة كبرى', en: 'Large company unit' },
  'Salle de 800 places': { ar: 'قاعة 800 مقعد', en: '800-seat hall' },
  'Bureau startup': { ar: 'مكتب مقاولة ناشئة', en: 'Startup office' },
  Laboratoire: { ar: 'مختبر', en: 'Laboratory' },
};

function unitName(label: string, n: number): SpaceInsert['name'] {
  const other = unitLabels[label];
  return other ? { fr: `${label} ${n}`, ar: `${other.ar} ${n}`, en: `${other.en} ${n}` } : { fr: `${label} ${n}` };
}

/** The units of a park's layout, spread over its floors, with sizes, desks and seats drawn from the plan. */
function planSpaces(parkIndex: number, parkId: string, slug: string, units: UnitPlan[], floorIds: string[]): SpaceInsert[] {
  const random = randomSequence(parkIndex + 7);
  const rows: SpaceInsert[] = [];
  let sequence = 0;
  for (const unit of units) {
    for (let n = 1; n <= unit.count; n++) {
      sequence++;
      const floorId = floorIds[Math.floor(random() * floorIds.length)];
      const area = Math.round((unit.minM2 + random() * (unit.maxM2 - unit.minM2)) * 2) / 2;
      const isRoom = unit.kind === 'meeting_room' || unit.kind === 'event_room' || unit.kind === 'studio';
      rows.push({
        parkId,
        floorId,
        code: `${slug.slice(0, 3).toUpperCase()}-${String(sequence).padStart(3, '0')}`,
        name: unitName(unit.label, n),
        kind: unit.kind,
        areaM2: area,
        desks: unit.kind === 'office' ? Math.max(1, Math.round(area / 8)) : unit.kind === 'coworking_desk' ? 1 : 0,
        seats: isRoom ? Math.round(area / (unit.kind === 'event_room' ? 1.1 : 2)) : 0,
        amenities: amenitiesOf[unit.kind] as SpaceInsert['amenities'],
        bookable: unit.bookable ?? false,
        leasable: !unit.bookable,
      });
    }
  }
  return rows;
}

/** The reference network: its parks (open and planned), their buildings and floors, and the units of each. */
export async function seedDemoParks({ ctx }: DemoContext): Promise<undefined> {
  const tx = ctx.db;
  for (const [parkIndex, demo] of demoParks.entries()) {
    const { layout, ...park } = demo;
    const [row] = await tx
      .insert(parks)
      .values({ ...park, description: park.description ?? null })
      .returning({ id: parks.id });
    const floorIds: string[] = [];
    for (const building of layout.buildings) {
      const [buildingRow] = await tx
        .insert(buildings)
        .values({ parkId: row.id, code: building.code, name: building.name })
        .returning({ id: buildings.id });
      const floorRows = await tx
        .insert(floors)
        .values(
          Array.from({ length: building.floors }, (_, level) => ({
            buildingId: buildingRow.id,
            level,
            name: level === 0 ? 'Rez-de-chaussée' : `Étage ${level}`,
          })),
        )
        .returning({ id: floors.id });
      floorIds.push(...floorRows.map((floor) => floor.id));
    }
    const rows = planSpaces(parkIndex, row.id, demo.slug, layout.units, floorIds);
    for (let start = 0; start < rows.length; start += 200) await tx.insert(spaces).values(rows.slice(start, start + 200));
  }
  return undefined;
}
