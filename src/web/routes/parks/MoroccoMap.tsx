import { Box, Group, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParkStatus, Roadmap } from '../../../contracts/parks.js';
import type { Locale } from '../../../shared/locales.js';
import { pickText } from '../../../shared/localized-text.js';
import { currentLocale } from '../../i18n/index.js';
import { type LabelPlace, labelFontSize, markerRadius, type Point, placeLabels, spreadMarkers } from './map-labels.js';
import outline from './morocco-outline.json';

export const statusColors: Record<ParkStatus, string> = {
  open: '#0b7285',
  under_construction: '#e8590c',
  planned: '#7048e8',
};

const west = -17.3;
const east = -0.8;
const north = 36.1;
const south = 20.6;
const scale = 36;
// Equirectangular projection corrected for Morocco's middle latitude, enough for a country-sized map.
const xScale = Math.cos((28.5 * Math.PI) / 180);
const project = (lon: number, lat: number): [number, number] => [(lon - west) * scale * xScale, (north - lat) * scale];
const width = (east - west) * scale * xScale;
const height = (north - south) * scale;

const outlinePath = (outline.coordinates as number[][][][])
  .map((polygon) =>
    polygon
      .map(
        (ring) =>
          `M${ring
            .map(([lon, lat]) =>
              project(lon, lat)
                .map((v) => v.toFixed(1))
                .join(','),
            )
            .join('L')}Z`,
      )
      .join(''),
  )
  .join('');

/** Nearby parks of one city each show their own name (two labels "Agadir" would not say which is which). */
function labelTexts(parks: Roadmap['parks'], points: Point[], locale: Locale): string[] {
  return parks.map((park, index) => {
    const city = pickText(park.city, locale);
    const point = points[index] as Point;
    const shared = parks.some((other, otherIndex) => {
      const there = points[otherIndex] as Point;
      return otherIndex !== index && pickText(other.city, locale) === city && Math.hypot(there.x - point.x, there.y - point.y) < 40;
    });
    return shared ? pickText(park.name, locale) : city;
  });
}

function layout(parks: Roadmap['parks'], locale: Locale) {
  const points = parks.map((park): Point => {
    const [x, y] = project(park.longitude, park.latitude);
    return { x, y };
  });
  const markers = spreadMarkers(points);
  const texts = labelTexts(parks, points, locale);
  return { markers, texts, labels: placeLabels(markers, texts, width, height) };
}

/** The parks on a map of Morocco, drawn from a bundled outline: no tile server, works offline. */
export function MoroccoMap({ roadmap }: { roadmap: Roadmap }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
  const { markers, labels, texts } = useMemo(() => layout(roadmap.parks, locale), [roadmap.parks, locale]);
  return (
    <Box>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG map groups its markers; a fieldset cannot hold SVG. */}
      <svg
        viewBox={`0 0 ${width.toFixed(0)} ${height.toFixed(0)}`}
        role="group"
        aria-label={t('network.mapLabel')}
        data-testid="network-map"
        style={{ width: '100%', maxHeight: 460 }}
      >
        <path d={outlinePath} fill="#e6f4f1" stroke="#63a89c" strokeWidth={1.2} />
        {roadmap.parks.map((park, index) => {
          const { x, y } = markers[index] as Point;
          const label = labels[index] as LabelPlace;
          const name = pickText(park.name, locale);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG marker cannot be a <button>.
            <g
              key={park.id}
              role="link"
              tabIndex={0}
              aria-label={`${name} — ${t(`parkStatus.${park.status}`)}`}
              style={{ cursor: 'pointer' }}
              onClick={() => navigate({ to: '/parks/$park', params: { park: park.slug } })}
              onKeyDown={(event) => event.key === 'Enter' && navigate({ to: '/parks/$park', params: { park: park.slug } })}
            >
              <title>{name}</title>
              <circle cx={x} cy={y} r={markerRadius} fill={statusColors[park.status]} stroke="white" strokeWidth={2} />
              <text
                x={label.x}
                y={label.y}
                fontSize={labelFontSize}
                fill="#1a1b1e"
                textAnchor={label.anchor}
                direction="ltr"
                data-testid="map-label"
              >
                {texts[index]}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="md" justify="center">
        {(Object.keys(statusColors) as ParkStatus[]).map((status) => (
          <Group key={status} gap={6}>
            <Box w={12} h={12} style={{ borderRadius: 6, background: statusColors[status] }} />
            <Text size="sm">{t(`parkStatus.${status}`)}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
