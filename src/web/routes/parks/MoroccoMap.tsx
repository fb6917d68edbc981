import { Box, Group, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ParkStatus, Roadmap } from '../../../contracts/parks.js';
import { pickText } from '../../../shared/localized-text.js';
import { currentLocale } from '../../i18n/index.js';
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

/** The parks on a map of Morocco, drawn from a bundled outline: no tile server, works offline. */
export function MoroccoMap({ roadmap }: { roadmap: Roadmap }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
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
          const [x, y] = project(park.longitude, park.latitude);
          // Parks of one city (Agadir has two) would print their labels on top of each other: step them down.
          const neighbours = roadmap.parks
            .slice(0, index)
            .filter((other) => Math.hypot(...project(other.longitude, other.latitude).map((v, i) => v - [x, y][i])) < 16).length;
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
              <circle cx={x} cy={y} r={7} fill={statusColors[park.status]} stroke="white" strokeWidth={2} />
              {/* Labels near the eastern edge go to the left of their marker so that they stay inside the map. */}
              <text
                x={x > width - 90 ? x - 10 : x + 10}
                y={y + 4 + neighbours * 13}
                fontSize={12}
                fill="#1a1b1e"
                textAnchor={x > width - 90 ? 'end' : 'start'}
                direction="ltr"
              >
                {pickText(park.city, locale)}
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
