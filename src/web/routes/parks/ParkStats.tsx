import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../contracts/parks.js';
import { formatNumber } from '../../../shared/calendar.js';
import { currentLocale } from '../../i18n/index.js';

/** The park's figures: spaces, leasable area, offices and how many companies it can host. */
export function ParkStats({ park }: { park: ParkDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      <Stat label={t('park.stats.spaces')} value={formatNumber(park.stats.spaceCount, locale)} />
      <Stat
        label={t('park.stats.leasableArea')}
        value={`${formatNumber(park.stats.leasableAreaM2, locale, { maximumFractionDigits: 0 })} m²`}
      />
      <Stat label={t('park.stats.offices')} value={formatNumber(park.stats.officeCount, locale)} />
      <Stat
        label={t('park.capacityCompanies')}
        value={park.capacityCompanies === null ? '—' : formatNumber(park.capacityCompanies, locale)}
      />
    </SimpleGrid>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Card>
  );
}
