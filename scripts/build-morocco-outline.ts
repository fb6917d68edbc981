// Writes the outline of Morocco (with its southern provinces, no inner border) used by the network map.
// Run once when the source changes: npx tsx scripts/build-morocco-outline.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const countries = topology.objects.countries as GeometryCollection;
const parts = countries.geometries.filter((geometry) => geometry.id === '504' || geometry.id === '732');
const outline = merge(topology, parts as never);
const round = (value: number) => Math.round(value * 1000) / 1000;
const coordinates = outline.coordinates.map((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => [round(lon), round(lat)])));
writeFileSync('src/web/routes/parks/morocco-outline.json', `${JSON.stringify({ type: 'MultiPolygon', coordinates })}\n`);
console.log(`${coordinates.length} polygons written`);
