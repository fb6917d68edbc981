import { Anchor, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { WaitingListParkSummary } from '../../../../contracts/reviews.js';
import { api } from '../../../api.js';
import { LocalDate } from '../../../components/LocalDate.js';
import { RequireRole } from '../../../components/RequireRole.js';
import { currentLocale } from '../../../i18n/index.js';

/** The parks whose waiting lists the reader follows, with how many companies wait and since when. */
export function WaitingListParksPage() {
  return (
    <RequireRole roles={['network_admin', 'park_manager', 'program_officer']}>
      <WaitingListParks />
    </RequireRole>
  );
}

function WaitingListParks() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const parks = useQuery({
    queryKey: ['waiting-lists', locale],
    queryFn: () => api.get<{ items: WaitingListParkSummary[] }>('/waiting-lists'),
  });
  if (!parks.data) return <Loader aria-label={t('common.loading')} />;
  return (
    <Stack>
      <div>
        <Title order={1}>{t('waitingList.parksTitle')}</Title>
        <Text c="dimmed">{t('waitingList.intro')}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {parks.data.items.map((park) => (
          <Card key={park.parkId} withBorder data-testid="waiting-list-park">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Anchor component={Link} to={`/parks/${park.parkId}/waiting-list`} fw={700}>
                {park.name}
              </Anchor>
              <Text fw={800} size="xl" c={park.waiting ? 'teal.9' : 'dimmed'}>
                {park.waiting}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {park.waiting ? t('waitingList.waitingCount', { count: park.waiting }) : t('waitingList.empty')}
            </Text>
            {park.oldestRequestedOn && (
              <Text size="sm">
                {t('waitingList.oldest')} <LocalDate date={park.oldestRequestedOn} />
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
