import { Badge, Text, Timeline } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Roadmap } from '../../../contracts/parks.js';
import { pickText } from '../../../shared/localized-text.js';
import { LocalDate } from '../../components/LocalDate.js';
import { currentLocale } from '../../i18n/index.js';
import { statusColors } from './MoroccoMap.js';

/** The network's history and plan: parks in the order they opened or will open. */
export function RoadmapTimeline({ roadmap }: { roadmap: Roadmap }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const openedCount = roadmap.parks.filter((park) => park.status === 'open').length;
  return (
    <Timeline active={openedCount - 1} bulletSize={18} lineWidth={2} color="teal" aria-label={t('network.timelineLabel')}>
      {roadmap.parks.map((park) => (
        <Timeline.Item
          key={park.id}
          title={
            <Text component={Link} to={`/parks/${park.slug}`} fw={600} c="inherit">
              {pickText(park.name, locale)}
            </Text>
          }
          bullet={<span style={{ display: 'block', width: 10, height: 10, borderRadius: 5, background: statusColors[park.status] }} />}
        >
          <Text size="sm">
            {park.status === 'open' ? t('network.openedOn') : t('network.targetDate')} <LocalDate date={park.date} />
          </Text>
          <Badge size="xs" variant="light" color={park.status === 'open' ? 'teal' : park.status === 'planned' ? 'violet' : 'orange'}>
            {t(`parkStatus.${park.status}`)}
          </Badge>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
