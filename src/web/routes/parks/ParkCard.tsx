import { Badge, Card, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Park } from '../../../contracts/parks.js';
import { formatNumber } from '../../../shared/calendar.js';
import { pickText } from '../../../shared/localized-text.js';
import { LocalDate } from '../../components/LocalDate.js';
import { currentLocale } from '../../i18n/index.js';
import { parkStatusColor } from './park-status.js';

/** A park of the network's list: name, status, place, opening, sectors and figures; links to its page. */
export function ParkCard({ park }: { park: Park }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder component={Link} to={`/parks/${park.slug}`} data-testid="park-card">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={700}>{pickText(park.name, locale)}</Text>
        <Badge variant="light" style={{ flexShrink: 0 }} color={parkStatusColor(park.status)}>
          {t(`parkStatus.${park.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {pickText(park.city, locale)} · {t(`region.${park.region}`)}
      </Text>
      <Text size="sm" mt="xs">
        {park.status === 'open' ? t('network.openedOn') : t('network.targetDate')}{' '}
        <LocalDate date={park.openingDate ?? park.targetOpeningDate} />
      </Text>
      <Group gap={4} mt="xs">
        {park.sectors.map((sector) => (
          <Badge key={sector} size="xs" variant="outline" color="gray">
            {t(`sector.${sector}`)}
          </Badge>
        ))}
      </Group>
      <Text size="sm" mt="xs">
        {t('park.statsLine', {
          spaces: formatNumber(park.stats.spaceCount, locale),
          area: formatNumber(park.stats.leasableAreaM2, locale, { maximumFractionDigits: 0 }),
          capacity: park.capacityCompanies === null ? '—' : formatNumber(park.capacityCompanies, locale),
        })}
      </Text>
    </Card>
  );
}
