import { describe, expect, it } from 'vitest';
import { labelWidth, markerRadius, overlaps, placeLabels, spreadMarkers } from './map-labels.js';

const mapWidth = 522;
const mapHeight = 558;

describe('the labels of the parks on the map', () => {
  it('keeps one park alone at its default place: to the right of its marker, on its line', () => {
    const [label] = placeLabels([{ x: 100, y: 200 }], ['Rabat'], mapWidth, mapHeight);
    expect(label).toEqual({ x: 110, y: 204, anchor: 'start', box: { x: 110, y: 191, width: labelWidth('Rabat'), height: 17 } });
  });

  it('puts a label near the eastern edge to the left of its marker, inside the map', () => {
    const [label] = placeLabels([{ x: 510, y: 200 }], ['Oujda'], mapWidth, mapHeight);
    expect(label?.anchor).toBe('end');
    expect(label?.box.x).toBeGreaterThanOrEqual(0);
    expect((label?.box.x ?? 0) + (label?.box.width ?? 0)).toBeLessThanOrEqual(500);
  });

  it('gives two parks at nearly the same point labels that do not overlap, neither covering the other marker', () => {
    const markers = spreadMarkers([
      { x: 244.1, y: 205.9 },
      { x: 245.1, y: 205.4 },
    ]);
    const labels = placeLabels(markers, ['Technopark Agadir', 'Cité de l’innovation Souss-Massa'], mapWidth, mapHeight);
    const [first, second] = labels.map((label) => label.box);
    expect(first && second && overlaps(first, second)).toBe(false);
    for (const [index, label] of labels.entries()) {
      const other = markers[1 - index];
      const marker = other && { x: other.x - markerRadius, y: other.y - markerRadius, width: 14, height: 14 };
      expect(marker && overlaps(label.box, marker)).toBe(false);
    }
  });

  it('keeps many parks in one place apart as far as the map allows', () => {
    const markers = spreadMarkers(Array.from({ length: 4 }, () => ({ x: 300, y: 300 })));
    const boxes = placeLabels(markers, ['Agadir', 'Agadir', 'Agadir', 'Agadir'], mapWidth, mapHeight).map((label) => label.box);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
  });
});

describe('markers that touch', () => {
  it('are moved apart until they no longer cover each other; others stay where they are', () => {
    const [a, b, far] = spreadMarkers([
      { x: 244, y: 206 },
      { x: 245, y: 205.5 },
      { x: 100, y: 100 },
    ]);
    expect(Math.hypot((b?.x ?? 0) - (a?.x ?? 0), (b?.y ?? 0) - (a?.y ?? 0))).toBeGreaterThanOrEqual(2 * markerRadius + 1.9);
    expect(far).toEqual({ x: 100, y: 100 });
    // Two markers at one point go apart sideways.
    const [left, right] = spreadMarkers([
      { x: 50, y: 50 },
      { x: 50, y: 50 },
    ]);
    expect(left?.y).toBe(50);
    expect((left?.x ?? 0) < (right?.x ?? 0)).toBe(true);
  });
});
