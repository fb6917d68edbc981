/**
 * Where the parks' markers and labels go on the map (src/web/routes/parks/MoroccoMap.tsx), in the map's own units.
 * Parks of one city (Agadir has two, a few hundred metres apart) would draw one marker on the other and print their
 * labels on top of each other: markers that touch are moved apart, and each label takes the first place around its
 * marker that is free of the labels already placed and of the other markers, inside the map.
 */
export type Point = { x: number; y: number };
export type Box = { x: number; y: number; width: number; height: number };
export type LabelPlace = { x: number; y: number; anchor: 'start' | 'end'; box: Box };

export const markerRadius = 7;
export const labelFontSize = 12;
/** A label's box around its baseline, as the browser measures 12 px Noto Sans: its ascent above, 17 in all. */
const ascent = 13;
const lineHeight = 17;
/** Between a marker's centre and its label. */
const gap = 10;

/** A label's width, estimated (the map is drawn before any text is measured): wide enough for Latin and Arabic. */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * labelFontSize * 0.6);
}

/** Markers closer than two radii apart, moved apart along the line between them (sideways when at one point). */
export function spreadMarkers(points: Point[], minDistance = 2 * markerRadius + 2): Point[] {
  const spread = points.map((point) => ({ ...point }));
  for (let round = 0; round < 10; round++) {
    let moved = false;
    for (let i = 0; i < spread.length; i++) {
      for (let j = i + 1; j < spread.length; j++) {
        const a = spread[i] as Point;
        const b = spread[j] as Point;
        const distance = Math.hypot(b.x - a.x, b.y - a.y);
        if (distance >= minDistance - 0.01) continue;
        const [ux, uy] = distance > 0.01 ? [(b.x - a.x) / distance, (b.y - a.y) / distance] : [1, 0];
        const push = (minDistance - distance) / 2;
        a.x -= ux * push;
        a.y -= uy * push;
        b.x += ux * push;
        b.y += uy * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return spread;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function labelAt(x: number, y: number, anchor: 'start' | 'end', width: number): LabelPlace {
  return { x, y, anchor, box: { x: anchor === 'start' ? x : x - width, y: y - ascent, width, height: lineHeight } };
}

/** The places a label may take, best first: beside its marker (right, or left near the east edge), then around it. */
function candidates(marker: Point, width: number, mapWidth: number): LabelPlace[] {
  const preferEnd = marker.x + gap + width > mapWidth;
  const sides: ('start' | 'end')[] = preferEnd ? ['end', 'start'] : ['start', 'end'];
  const xOf = (anchor: 'start' | 'end') => (anchor === 'start' ? marker.x + gap : marker.x - gap);
  const beside = sides.map((anchor) => labelAt(xOf(anchor), marker.y + 4, anchor, width));
  const aboveBelow = sides.flatMap((anchor) => [
    labelAt(xOf(anchor), marker.y - 8, anchor, width),
    labelAt(xOf(anchor), marker.y + 16, anchor, width),
  ]);
  const stacked = [2, 3, 4, 5, 6].flatMap((step) =>
    sides.flatMap((anchor) => [
      labelAt(xOf(anchor), marker.y + 4 + step * lineHeight, anchor, width),
      labelAt(xOf(anchor), marker.y + 4 - step * lineHeight, anchor, width),
    ]),
  );
  return [...beside, ...aboveBelow, ...stacked];
}

const inside = (box: Box, mapWidth: number, mapHeight: number) =>
  box.x >= 0 && box.y >= 0 && box.x + box.width <= mapWidth && box.y + box.height <= mapHeight;

/**
 * One label per marker (`texts[i]` beside `markers[i]`), placed in order: each takes the first free place around its
 * marker; where none is free, its default place (a crowded map stays readable for the others).
 */
export function placeLabels(markers: Point[], texts: string[], mapWidth: number, mapHeight: number): LabelPlace[] {
  const markerBoxes = markers.map(
    (marker): Box => ({ x: marker.x - markerRadius, y: marker.y - markerRadius, width: 2 * markerRadius, height: 2 * markerRadius }),
  );
  const placed: Box[] = [];
  return markers.map((marker, index) => {
    const options = candidates(marker, labelWidth(texts[index] ?? ''), mapWidth);
    const free = options.find(
      (option) =>
        inside(option.box, mapWidth, mapHeight) &&
        !placed.some((box) => overlaps(box, option.box)) &&
        !markerBoxes.some((box, other) => other !== index && overlaps(box, option.box)),
    );
    const chosen = free ?? (options[0] as LabelPlace);
    placed.push(chosen.box);
    return chosen;
  });
}
